import CommandLineKit

/// How a batch went: how many inputs it had and what became of them.
struct BatchCounts: Sendable, Encodable {
  /// One input that failed and why.
  struct Failure: Sendable, Encodable {
    /// The input.
    var file: String
    /// The message, as printed after `error: `.
    var error: String
  }

  /// The inputs of this run (of this shard, with `--shard`).
  var inputs: Int
  /// The inputs processed.
  var done = 0
  /// The inputs skipped because their output existed.
  var skipped = 0
  /// The inputs that failed; the list is below.
  var failed = 0
  /// The inputs not started because a signal stopped the batch.
  var notStarted = 0
  /// The signal that stopped the batch, if one did.
  var interruptedBy: String?
  /// Each failure, in input order.
  var failures: [Failure] = []

  enum CodingKeys: String, CodingKey {
    case inputs, done, skipped, failed
    case notStarted = "not_started"
    case interruptedBy = "interrupted_by"
  }

  /// One line for people, as in `10 files: 8 done, 1 skipped (output exists), 1 failed`.
  func line(unit: String) -> String {
    var parts = ["\(done) done"]
    if skipped > 0 { parts.append("\(skipped) skipped (output exists)") }
    if failed > 0 { parts.append("\(failed) failed") }
    if notStarted > 0 { parts.append("\(notStarted) not started") }
    return "\(inputs) \(unit): " + parts.joined(separator: ", ")
  }

  /// Ends the command as the counts call for: nothing when every input was done or
  /// skipped; `InterruptedError` (exit 130) when a signal stopped it; otherwise a
  /// `BatchFailure` (exit 1), whose message for a single input is that input's error.
  ///
  /// - Parameter resumable: Whether the command can resume with `--skip-existing`.
  func finish(unit: String, resumable: Bool) throws {
    if let interruptedBy {
      var detail =
        "\(interruptedBy) stopped the batch; \(notStarted) of \(inputs) \(unit) not started"
      if resumable { detail += "; run the same command with --skip-existing to finish" }
      throw InterruptedError(detail: detail)
    }
    guard failed > 0 else { return }
    if inputs == 1, let failure = failures.first {
      throw BatchFailure(message: failure.error)
    }
    throw BatchFailure(message: "\(failed) of \(inputs) \(unit) failed (see above)")
  }
}

/// The error a batch ends with when some of its inputs failed.
struct BatchFailure: Error, CustomStringConvertible {
  /// The message shown after `error: `.
  var message: String

  var description: String { message }
}
