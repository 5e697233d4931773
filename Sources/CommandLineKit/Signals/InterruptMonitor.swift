import Dispatch
import Glibc
import Synchronization

/// Catches SIGINT (Ctrl-C) and SIGTERM (what `kill` and job schedulers send) so that a long
/// command stops cleanly instead of dying mid-write.
///
/// The first signal sets `isRequested` and writes a note to standard error; the command is
/// expected to start no new work, finish what is in progress and exit with code 130. If it
/// has not exited `gracePeriod` seconds later, or when a second signal arrives, `abandon`
/// runs (to remove partial outputs) and the process exits with code 130 at once.
///
/// The handlers run on a queue of their own, not in signal context, so they may do anything.
public final class InterruptMonitor: Sendable {
  /// The signals caught.
  public static let signals: [Int32] = [SIGINT, SIGTERM]

  private let received = Atomic<Int32>(0)
  private let gracePeriod: Double
  private let abandon: @Sendable () -> Void
  private let queue = DispatchQueue(label: "aez.interrupt-monitor")
  // Written once in `init` and never again; kept so that the sources stay alive.
  nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []

  /// Starts catching the signals for the rest of the process's life.
  ///
  /// - Parameters:
  ///   - gracePeriod: Seconds the command has, after the first signal, to exit by itself.
  ///   - abandon: Undoes work in progress before an immediate exit; it runs on the
  ///     monitor's queue while other threads may still be working.
  public init(gracePeriod: Double = 3, abandon: @escaping @Sendable () -> Void) {
    precondition(gracePeriod >= 0, "a grace period is never negative")
    self.gracePeriod = gracePeriod
    self.abandon = abandon
    var installed: [any DispatchSourceSignal] = []
    for signalNumber in Self.signals {
      // Ignored by the default handler so that only the dispatch source sees it.
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
      source.setEventHandler { [weak self] in self?.receive(signalNumber) }
      source.resume()
      installed.append(source)
    }
    sources = installed
  }

  /// Whether a signal has arrived: the command should start no new work.
  public var isRequested: Bool { received.load(ordering: .acquiring) != 0 }

  /// The name of the first signal received, such as `SIGINT`, or `nil`.
  public var signalName: String? {
    switch received.load(ordering: .acquiring) {
    case 0: nil
    case SIGINT: "SIGINT"
    case SIGTERM: "SIGTERM"
    case let other: "signal \(other)"
    }
  }

  private func receive(_ signalNumber: Int32) {
    let (isFirst, _) = received.compareExchange(
      expected: 0, desired: signalNumber, ordering: .acquiringAndReleasing)
    guard isFirst else { stopNow() }
    FileStream.standardError.write(
      "\nwarning: stopping: finishing the files in progress (interrupt again to stop at once)\n")
    queue.asyncAfter(deadline: .now() + gracePeriod) { [weak self] in self?.stopNow() }
  }

  /// Abandons the work in progress and exits with code 130 without unwinding.
  private func stopNow() -> Never {
    abandon()
    FileStream.standardError.write("error: interrupted; partial outputs were removed\n")
    // Whatever standard output holds so far goes out; nil flushes every stream.
    fflush(nil)
    _exit(ExitCode.interrupted.rawValue)
  }
}
