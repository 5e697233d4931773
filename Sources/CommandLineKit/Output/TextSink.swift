/// A destination for text, such as standard error, that progress and diagnostics write to.
///
/// Taking the destination as a parameter lets tests capture what would have been printed.
public protocol TextSink: Sendable {
  /// Writes the text as it is; callers add their own line breaks.
  func write(_ text: String)

  /// Whether the destination is an interactive terminal, where a line may be redrawn.
  var isTerminal: Bool { get }

  /// The terminal's width in columns, or `nil` when it is not a terminal or is unknown.
  var terminalWidth: Int? { get }
}

extension TextSink {
  /// A destination is not a terminal unless it says so.
  public var isTerminal: Bool { false }

  /// A destination has no known width unless it says so.
  public var terminalWidth: Int? { nil }
}
