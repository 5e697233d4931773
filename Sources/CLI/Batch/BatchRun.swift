import CommandLineKit
import Decoder
import Synchronization

/// Runs one task per input of a batch on several threads: skips and failures are counted and
/// failures reported as they come, results reach the caller in input order, progress goes
/// to standard error, and SIGINT or SIGTERM stops the batch cleanly.
struct BatchRun {
  /// What is being done, for the progress line, as in `compress`.
  var label: String
  /// What is counted, as in `files`.
  var unit: String
  /// The shared batch options.
  var options: BatchOptions

  /// The process's signal monitor, installed when the first batch starts. On the first
  /// signal no new input is started; after 3 seconds more, or on a second signal, every
  /// output still being written is removed and the process exits with code 130.
  static let interruptMonitor = InterruptMonitor(gracePeriod: 3) { AtomicFile.abandonAll() }

  /// Runs `task` for each of `inputs`, by index.
  ///
  /// - Parameters:
  ///   - inputs: The inputs' paths, named in the list of failures.
  ///   - makeWorker: Makes one thread's worker.
  ///   - task: Processes one input; it throws nothing, a failure is an outcome.
  ///   - deliver: Receives each input's result, in input order, one at a time.
  /// - Returns: What became of the inputs.
  func run<Worker, Value: Sendable>(
    inputs: [String], makeWorker: @Sendable () -> Worker,
    task: @Sendable (Worker, Int) -> BatchOutcome<Value>,
    deliver: @Sendable (Int, Value) -> Void
  ) -> BatchCounts {
    let monitor = Self.interruptMonitor
    let count = inputs.count
    let counts = Mutex(BatchCounts(inputs: count))
    let progress = count >= 100 ? ProgressReporter(label: label, unit: unit) : nil
    let reportsAsTheyCome = count > 1
    let delivered = ParallelTasks.forEach(
      count: count, jobs: options.jobs, makeWorker: makeWorker, task: task,
      shouldStop: { monitor.isRequested }
    ) { index, outcome in
      switch outcome {
      case .done(let value):
        counts.withLock { $0.done += 1 }
        deliver(index, value)
      case .skipped:
        counts.withLock { $0.skipped += 1 }
      case .failed(let message):
        if reportsAsTheyCome { printError(message) }
        counts.withLock {
          $0.failed += 1
          $0.failures.append(BatchCounts.Failure(file: inputs[index], error: message))
        }
      }
      progress?.update(completed: index + 1, total: count)
    }
    progress?.finish()
    return counts.withLock { counts in
      if delivered < count {
        counts.notStarted = count - delivered
        counts.interruptedBy = monitor.signalName ?? "a signal"
      }
      return counts
    }
  }
}
