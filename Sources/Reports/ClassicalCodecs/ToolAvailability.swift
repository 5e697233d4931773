/// Whether a codec's encoder and decoder were found.
public enum ToolAvailability: Sendable, Equatable {
  /// Both tools were found, at these paths.
  case available(encoder: ExternalTool, decoder: ExternalTool)
  /// These tools are missing (one or both).
  case missing(tools: [String])

  /// Whether the codec can be run.
  public var isAvailable: Bool {
    if case .available = self { return true }
    return false
  }
}
