import Dispatch
import Synchronization

/// Runs independent tasks on several threads and hands their results back in task order.
///
/// Each thread makes its own worker (state that must not be shared, such as a network that
/// caches activations) and takes the next task index from a shared counter until none is
/// left. Results are delivered in index order, one at a time, so what a caller sees does not
/// depend on the number of threads or on which thread ran what.
enum ParallelTasks {
  /// Runs tasks `0..<count` on up to `jobs` threads and passes each result to `deliver`, in
  /// task order, as soon as every lower-numbered result has been passed.
  ///
  /// A result is kept only until it is delivered, so memory holds the results that finished
  /// ahead of a slower, lower-numbered task, not all of them. `deliver` is never called on
  /// two threads at once; it runs on whichever thread completed the result it was waiting
  /// for, outside the lock that hands out tasks.
  ///
  /// - Parameters:
  ///   - count: The number of tasks.
  ///   - jobs: The most threads to use, at least 1; 1 runs every task on the caller's thread.
  ///   - makeWorker: Makes one thread's worker, on that thread.
  ///   - task: Runs one task with the thread's worker.
  ///   - shouldStop: Asked before each task is handed out; once it says yes no task starts,
  ///     and those already running finish and are delivered.
  ///   - deliver: Receives each task's index and result, in index order.
  /// - Returns: The number of results delivered: `count`, or fewer when stopped.
  /// - Throws: The error of the lowest-numbered task that failed. Once a task fails, no new
  ///   task starts; the results below it are delivered, those above it dropped. Tasks are
  ///   handed out in index order, so every task below a failed one has started and finishes:
  ///   the error is the same for any `jobs`.
  @discardableResult
  static func forEach<Worker, Result: Sendable, Failure: Error>(
    count: Int, jobs: Int, makeWorker: @Sendable () -> Worker,
    task: @Sendable (Worker, Int) throws(Failure) -> Result,
    shouldStop: @Sendable () -> Bool = { false },
    deliver: @Sendable (Int, Result) -> Void
  ) throws(Failure) -> Int {
    precondition(jobs >= 1, "at least one job")
    let shared = Shared<Result, Failure>()

    @Sendable func work(_: Int) {
      let worker = makeWorker()
      while true {
        let stop = shouldStop()
        let index: Int? = shared.state.withLock { state in
          guard !stop, state.next < count, state.failure == nil else { return nil }
          defer { state.next += 1 }
          return state.next
        }
        guard let index else { return }
        do {
          let result = try task(worker, index)
          shared.complete(index, with: result, deliver: deliver)
        } catch {
          shared.state.withLock { state in
            if state.failure.map({ index < $0.index }) ?? true {
              state.failure = (index, error)
            }
          }
        }
      }
    }
    let threads = min(jobs, max(count, 1))
    if threads == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: threads, execute: work)
    }

    let (delivered, failure) = shared.state.withLock { ($0.delivered, $0.failure) }
    if let failure { throw failure.error }
    return delivered
  }

  /// Runs tasks `0..<count` on up to `jobs` threads and returns their results in task order.
  ///
  /// - Parameters:
  ///   - count: The number of tasks.
  ///   - jobs: The most threads to use, at least 1.
  ///   - makeWorker: Makes one thread's worker, on that thread.
  ///   - task: Runs one task with the thread's worker.
  ///   - completed: Called after each result with the number done so far, from any thread.
  /// - Returns: The results, indexed by task.
  /// - Throws: The error of the lowest-numbered task that failed, as `forEach` does.
  static func map<Worker, Result: Sendable>(
    count: Int, jobs: Int, makeWorker: @Sendable () -> Worker,
    task: @Sendable (Worker, Int) throws -> Result,
    completed: @Sendable (Int) -> Void = { _ in }
  ) throws -> [Result] {
    let collected = Mutex<[Result]>([])
    try forEach(count: count, jobs: jobs, makeWorker: makeWorker, task: task) { index, result in
      collected.withLock { $0.append(result) }
      completed(index + 1)
    }
    return collected.withLock { $0 }
  }

  /// The shared progress of a run: the next task, results waiting for delivery, the first
  /// failure.
  private struct State<Result: Sendable, Failure: Error>: Sendable {
    var next = 0
    var waiting: [Int: Result] = [:]
    var delivered = 0
    var isDelivering = false
    var failure: (index: Int, error: Failure)?
  }

  /// The state behind a lock, in a class so that every thread's closure shares it.
  private final class Shared<Result: Sendable, Failure: Error>: Sendable {
    let state = Mutex(State<Result, Failure>())

    /// Files the result of task `index` and, unless another thread is delivering, delivers
    /// every result that is now next in order.
    func complete(_ index: Int, with result: Result, deliver: (Int, Result) -> Void) {
      let shouldDeliver = state.withLock { state in
        state.waiting[index] = result
        guard !state.isDelivering else { return false }
        state.isDelivering = true
        return true
      }
      guard shouldDeliver else { return }
      while true {
        let next: (index: Int, result: Result)? = state.withLock { state in
          let index = state.delivered
          // A failure below a waiting result means it is never delivered.
          let blocked = state.failure.map { $0.index <= index } ?? false
          guard !blocked, let result = state.waiting.removeValue(forKey: index) else {
            state.isDelivering = false
            return nil
          }
          state.delivered += 1
          return (index, result)
        }
        guard let next else { return }
        deliver(next.index, next.result)
      }
    }
  }
}
