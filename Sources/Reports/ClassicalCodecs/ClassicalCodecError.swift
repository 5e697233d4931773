/// A failure to run a classical codec's tools or to read what they wrote.
public enum ClassicalCodecError: Error, Equatable, CustomStringConvertible {
  /// The encoder or decoder is not on the search path.
  case toolMissing(codec: ClassicalCodec, tools: [String])
  /// The quality is outside the codec's range.
  case qualityOutOfRange(codec: ClassicalCodec, quality: Int, range: ClosedRange<Int>)
  /// A tool exited with a non-zero status (or a signal); `message` is the end of its error
  /// output.
  case toolFailed(tool: String, arguments: [String], status: Int32, message: String)
  /// A tool ran longer than the allowed time and was stopped.
  case toolTimedOut(tool: String, seconds: Double)
  /// A tool's output file is missing or not a valid image; `reason` says why.
  case unreadableOutput(tool: String, reason: String)
  /// A decoder returned an image of another size than the one encoded.
  case sizeChanged(tool: String, expectedWidth: Int, expectedHeight: Int, width: Int, height: Int)
  /// A temporary file or directory could not be created, written or read.
  case fileSystem(path: String, reason: String)

  /// A sentence saying what failed and, where possible, how to fix it.
  public var description: String {
    switch self {
    case .toolMissing(let codec, let tools):
      return "\(codec) is unavailable: \(tools.joined(separator: " and ")) not found on PATH; "
        + "install \(Self.package(for: codec)) to compare with it"
    case .qualityOutOfRange(let codec, let quality, let range):
      return "\(codec) quality \(quality) is outside \(range.lowerBound)...\(range.upperBound)"
    case .toolFailed(let tool, let arguments, let status, let message):
      let detail = message.isEmpty ? "" : ": \(message)"
      return "\(tool) \(arguments.joined(separator: " ")) failed with status \(status)\(detail)"
    case .toolTimedOut(let tool, let seconds):
      return "\(tool) ran longer than \(Int(seconds)) seconds and was stopped"
    case .unreadableOutput(let tool, let reason):
      return "cannot read the output of \(tool): \(reason)"
    case .sizeChanged(let tool, let expectedWidth, let expectedHeight, let width, let height):
      return "\(tool) returned a \(width)x\(height) image for a "
        + "\(expectedWidth)x\(expectedHeight) input"
    case .fileSystem(let path, let reason):
      return "\(path): \(reason)"
    }
  }

  /// The Debian package that provides a codec's tools.
  private static func package(for codec: ClassicalCodec) -> String {
    switch codec {
    case .jpeg: "libjpeg-turbo-progs"
    case .webp: "webp"
    case .avif: "libavif-bin"
    case .jpegXL: "libjxl-tools"
    }
  }
}
