import CommandLineKit
import Synchronization
import Testing

@testable import CLI

@Suite("Batch plumbing: shards, ordered parallel delivery, output names")
struct BatchPlumbingTests {
  @Test(
    "the N shards of a list hold every element exactly once, in order",
    arguments: [(0, 1), (1, 1), (5, 2), (10, 3), (7, 7), (3, 8), (1000, 16)])
  func shardsPartition(count: Int, shards: Int) throws {
    let items = Array(0..<count)
    var seen: [Int] = []
    for index in 0..<shards {
      let slice = try Shard(parsing: "\(index)/\(shards)").select(items)
      #expect(slice == slice.sorted())
      #expect(slice.allSatisfy { $0 % shards == index })
      // Balanced: sizes differ by at most one.
      #expect(abs(slice.count - count / shards) <= 1)
      seen += slice
    }
    #expect(seen.sorted() == items)
  }

  @Test(
    "malformed shards are usage errors",
    arguments: ["", "1", "1/", "/4", "a/4", "-1/4", "4/4", "0/0", "1/2/3"])
  func malformedShard(text: String) {
    #expect(throws: UsageError.self) { try Shard(parsing: text) }
  }

  @Test("results are delivered in task order, one at a time, whatever the jobs")
  func orderedDelivery() throws {
    for jobs in [1, 2, 5] {
      let delivered = Mutex<[Int]>([])
      let active = Mutex((now: 0, most: 0))
      let count = try ParallelTasks.forEach(
        count: 200, jobs: jobs, makeWorker: { 3 },
        task: { worker, index in
          // Uneven work, so that tasks finish out of order.
          var sum = 0
          for step in 0..<((index * 7919) % 5000) { sum &+= step }
          return index * worker + (sum & 0)
        }
      ) { index, result in
        active.withLock {
          $0.now += 1
          $0.most = max($0.most, $0.now)
        }
        delivered.withLock { $0.append(result == index * 3 ? index : -1) }
        active.withLock { $0.now -= 1 }
      }
      #expect(count == 200)
      #expect(delivered.withLock { $0 } == Array(0..<200))
      #expect(active.withLock { $0.most } == 1)
    }
  }

  @Test("a stop request starts no new task; the ones started are delivered")
  func stop() throws {
    let started = Atomic<Int>(0)
    let delivered = Mutex<[Int]>([])
    let count = try ParallelTasks.forEach(
      count: 1000, jobs: 2, makeWorker: { 0 },
      task: { _, index in
        started.add(1, ordering: .relaxed)
        return index
      },
      shouldStop: { started.load(ordering: .relaxed) >= 10 }
    ) { _, result in delivered.withLock { $0.append(result) } }
    #expect(count >= 10 && count <= 12)
    #expect(delivered.withLock { $0 } == Array(0..<count))
  }

  @Test("output names mirror the inputs and clashes are refused")
  func outputNames() throws {
    let outputs = try BatchInputs.outputs(
      for: ["a/cat.png", "b/dog.PNG", "c.d/e.png"], in: "out", suffix: "aez")
    #expect(outputs == ["out/cat.aez", "out/dog.aez", "out/e.aez"])
    #expect(throws: UsageError.self) {
      try BatchInputs.outputs(for: ["a/cat.png", "b/cat.png"], in: "out", suffix: "aez")
    }
  }
}
