import Glibc
import Synchronization

/// Shows the progress of long work on standard error, safe to feed from several threads.
///
/// On a terminal it redraws one line in place — label, a bar when the width allows,
/// percentage, count, rate, time elapsed and time left, then any extra fields such as the
/// epoch and loss — at most ten times a second. Elsewhere (a log file, a pipe) it writes a
/// plain line every few seconds. Either way `finish()` writes a last line and ends it with a
/// line break. A message written to the terminal between redraws lands on the progress
/// line, so warnings are best written after `finish()`.
///
///     let progress = ProgressReporter(label: "train", unit: "steps")
///     for step in 0..<steps {
///       ...
///       progress.update(completed: step + 1, total: steps, fields: ["loss": "0.0123"])
///     }
///     progress.finish()
public final class ProgressReporter: Sendable {
  /// What the reporter last heard, guarded by the mutex.
  struct State: Sendable {
    var label: String
    var completed = 0
    /// The count already done when the reporter started, as when a run resumes; the rate
    /// and the time left count only what is done after it.
    var startingCount = 0
    var total: Int?
    var fields: [(name: String, value: String)] = []
    var lastWrite: Double?
    var isFinished = false
  }

  private let output: any TextSink
  private let clock: @Sendable () -> Double
  private let unit: String
  private let redrawsLine: Bool
  private let redrawInterval: Double
  private let plainInterval: Double
  private let start: Double
  private let state: Mutex<State>

  /// Starts reporting; the clock starts now.
  ///
  /// - Parameters:
  ///   - label: What is being done, shown first, as in `compress`.
  ///   - unit: What is counted, shown in the rate, as in `images` for `3.40 images/s`.
  ///   - startingCount: How many units were done before this reporter started (a resumed
  ///     run); the rate counts only those done since.
  ///   - output: Where to write; standard error by default. Whether it is a terminal
  ///     decides between redrawing one line and writing plain lines.
  ///   - plainInterval: Seconds between plain lines when the output is not a terminal.
  ///   - redrawInterval: Least seconds between redraws on a terminal.
  ///   - clock: Seconds from any fixed origin, never decreasing; the monotonic system clock
  ///     by default.
  public init(
    label: String, unit: String = "items", startingCount: Int = 0,
    output: some TextSink = FileStream.standardError,
    plainInterval: Double = 5, redrawInterval: Double = 0.1,
    clock: @escaping @Sendable () -> Double = ProgressReporter.monotonicSeconds
  ) {
    precondition(plainInterval >= 0 && redrawInterval >= 0, "intervals are never negative")
    self.output = output
    self.clock = clock
    self.unit = unit
    self.redrawsLine = output.isTerminal
    self.redrawInterval = redrawInterval
    self.plainInterval = plainInterval
    self.start = clock()
    self.state = Mutex(State(label: label, completed: startingCount, startingCount: startingCount))
  }

  /// Records how much is done and writes a line if one is due.
  ///
  /// - Parameters:
  ///   - completed: How many units are done so far.
  ///   - total: How many units there are in all, or `nil` when unknown.
  ///   - label: A new label, or `nil` to keep the current one.
  ///   - fields: Extra values shown after the times, in order, as in
  ///     `["epoch": "3", "loss": "0.0123"]`; they replace the previous fields.
  public func update(
    completed: Int, total: Int?, label: String? = nil,
    fields: KeyValuePairs<String, String> = [:]
  ) {
    let now = clock()
    state.withLock { state in
      state.completed = completed
      state.total = total
      state.label = label ?? state.label
      state.fields = fields.map { (name: $0.key, value: $0.value) }
      writeIfDue(&state, now: now)
    }
  }

  /// Adds to the completed count, keeping the total and fields, and writes a line if due.
  ///
  /// - Parameter count: How many more units are done.
  public func advance(by count: Int = 1) {
    let now = clock()
    state.withLock { state in
      state.completed += count
      writeIfDue(&state, now: now)
    }
  }

  /// Writes the last line, without the time left, and ends it; later calls do nothing.
  public func finish() {
    let now = clock()
    state.withLock { state in
      guard !state.isFinished else { return }
      state.isFinished = true
      let elapsed = now - start
      if redrawsLine {
        output.write(terminalText(state, elapsed: elapsed, isFinal: true) + "\n")
      } else {
        output.write(state.plainLine(unit: unit, elapsed: elapsed, isFinal: true) + "\n")
      }
    }
  }

  /// Seconds since an arbitrary fixed point, from the monotonic clock, which never jumps
  /// when the wall clock is set.
  @Sendable public static func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }

  /// Writes a line when the throttle allows: on a terminal the first update and then one per
  /// `redrawInterval`; elsewhere one per `plainInterval`, counted from the start.
  private func writeIfDue(_ state: inout State, now: Double) {
    guard !state.isFinished else { return }
    let elapsed = now - start
    if redrawsLine {
      if let last = state.lastWrite, now - last < redrawInterval { return }
      state.lastWrite = now
      output.write(terminalText(state, elapsed: elapsed, isFinal: false))
    } else {
      guard now - (state.lastWrite ?? start) >= plainInterval else { return }
      state.lastWrite = now
      output.write(state.plainLine(unit: unit, elapsed: elapsed, isFinal: false) + "\n")
    }
  }

  /// The line as a terminal redraw: back to the line's start, the line cut to fit the
  /// terminal so that it never wraps, then erase to the end of the line (`ESC [ K`).
  private func terminalText(_ state: State, elapsed: Double, isFinal: Bool) -> String {
    // Asked on every redraw, so that the line follows a resized window.
    let width = output.terminalWidth ?? 80
    let line = state.terminalLine(unit: unit, elapsed: elapsed, isFinal: isFinal, width: width)
    return "\r" + String(line.prefix(max(1, width - 1))) + "\u{1B}[K"
  }
}
