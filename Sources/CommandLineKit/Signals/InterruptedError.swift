/// The error a command ends with when a signal stopped it; it exits with code 130.
public struct InterruptedError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was left undone, as in `7 of 10 files were not processed`.
  public var detail: String

  /// An interruption, with what was left undone.
  public init(detail: String) {
    self.detail = detail
  }

  /// `interrupted: <detail>`.
  public var description: String { "interrupted: \(detail)" }
}
