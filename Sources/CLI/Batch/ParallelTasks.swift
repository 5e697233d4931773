import Dispatch
import Synchronization

/// Runs independent tasks on several threads and returns their results in task order.
///
/// Each thread makes its own worker (state that must not be shared, such as a network that
/// caches activations) and takes the next task index from a shared counter until none is
/// left. Results land in their task's slot, so the output does not depend on the number of
/// threads or on which thread ran what.
enum ParallelTasks {
  /// Runs tasks `0..<count` on up to `jobs` threads.
  ///
  /// - Parameters:
  ///   - count: The number of tasks.
  ///   - jobs: The most threads to use, at least 1; 1 runs every task on the caller's thread.
  ///   - makeWorker: Makes one thread's worker, on that thread.
  ///   - task: Runs one task with the thread's worker.
  ///   - completed: Called after each task with the number done so far, from any thread.
  /// - Returns: The results, indexed by task.
  /// - Throws: The error of the lowest-numbered task that failed; once a task fails, tasks
  ///   not yet started are skipped. Tasks are handed out in index order, so every task
  ///   below a failed one has started and finishes: the error is the same for any `jobs`.
  static func map<Worker, Result: Sendable>(
    count: Int, jobs: Int, makeWorker: @Sendable () -> Worker,
    task: @Sendable (Worker, Int) throws -> Result,
    completed: @Sendable (Int) -> Void = { _ in }
  ) throws -> [Result] {
    precondition(jobs >= 1, "at least one job")
    let shared = Shared<Result>(count: count)

    let threads = min(jobs, max(count, 1))
    @Sendable func work(_: Int) {
      let worker = makeWorker()
      while true {
        let index: Int? = shared.state.withLock { state in
          guard state.next < count, state.failure == nil else { return nil }
          defer { state.next += 1 }
          return state.next
        }
        guard let index else { return }
        do {
          let result = try task(worker, index)
          let done = shared.state.withLock { state in
            state.results[index] = result
            state.done += 1
            return state.done
          }
          completed(done)
        } catch {
          shared.state.withLock { state in
            if state.failure.map({ index < $0.index }) ?? true {
              state.failure = (index, error)
            }
          }
        }
      }
    }
    if threads == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: threads, execute: work)
    }

    return try shared.state.withLock { state in
      if let failure = state.failure { throw failure.error }
      return state.results.map { result in
        guard let result else { preconditionFailure("every task ran when none failed") }
        return result
      }
    }
  }

  /// The shared progress of a run: results so far, the next task, the first failure.
  private struct State<Result: Sendable>: Sendable {
    var results: [Result?]
    var next = 0
    var done = 0
    var failure: (index: Int, error: any Error)?
  }

  /// The state behind a lock, in a class so that every thread's closure shares it.
  private final class Shared<Result: Sendable>: Sendable {
    let state: Mutex<State<Result>>

    init(count: Int) {
      state = Mutex(State(results: [Result?](repeating: nil, count: count)))
    }
  }
}
