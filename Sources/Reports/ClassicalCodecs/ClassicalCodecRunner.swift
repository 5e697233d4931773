import Foundation
import Image

/// Runs classical codecs' command-line tools on images, in temporary directories.
///
/// Codecs see colour only: alpha is dropped and 16-bit images are reduced to 8 bits before
/// encoding (`ClassicalCodecResult.reference` is that image). Grey images stay grey. Every
/// call blocks its thread until the tools exit; each call has its own directory, so calls
/// on several threads do not interfere.
///
/// ```swift
/// let runner = ClassicalCodecRunner()
/// if runner.availability(of: .webp).isAvailable {
///   let result = try runner.run(.webp, quality: 75, on: image)
///   print(result.bitsPerPixel)
/// }
/// ```
public struct ClassicalCodecRunner: Sendable {
  /// The directories searched for tools, separated by `:`.
  public var searchPath: String
  /// The longest a single tool may run, in seconds, before it is stopped.
  public var timeoutSeconds: Double

  /// Creates a runner.
  ///
  /// - Parameters:
  ///   - searchPath: Directories to search for tools; `nil` uses the `PATH` environment
  ///     variable.
  ///   - timeoutSeconds: The longest one tool may run; must be positive.
  public init(searchPath: String? = nil, timeoutSeconds: Double = 600) {
    precondition(timeoutSeconds > 0, "the timeout must be positive")
    self.searchPath = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
    self.timeoutSeconds = timeoutSeconds
  }

  /// Looks up the codec's encoder and decoder on the search path.
  public func availability(of codec: ClassicalCodec) -> ToolAvailability {
    let encoder = ExternalTool.locate(codec.encoderName, searchPath: searchPath)
    let decoder = ExternalTool.locate(codec.decoderName, searchPath: searchPath)
    if let encoder, let decoder {
      return .available(encoder: encoder, decoder: decoder)
    }
    let missing = [(codec.encoderName, encoder), (codec.decoderName, decoder)]
      .filter { $0.1 == nil }.map(\.0)
    return .missing(tools: missing)
  }

  /// The codecs whose tools are both present, in `ClassicalCodec.allCases` order.
  public func availableCodecs() -> [ClassicalCodec] {
    ClassicalCodec.allCases.filter { availability(of: $0).isAvailable }
  }

  /// Encodes `image` at `quality`, decodes the result and measures both steps.
  ///
  /// - Throws: `ClassicalCodecError`: `.toolMissing` if a tool is not found (callers that
  ///   compare several codecs should check `availability(of:)` first and warn),
  ///   `.qualityOutOfRange`, a tool's failure or time-out, unreadable output or a
  ///   temporary-file problem.
  /// - Complexity: Two process launches plus the codec's own work.
  public func run(
    _ codec: ClassicalCodec, quality: Int, on image: PixelBuffer
  ) throws -> ClassicalCodecResult {
    let session = try CodecSession(codec: codec, image: image, runner: self)
    defer { session.removeFiles() }
    return try session.roundTrip(quality: quality)
  }

  /// Reads the PNG at `path` and runs `run(_:quality:on:)` on it.
  ///
  /// - Throws: `PNGError` if the file cannot be read or decoded, else as `run(_:quality:on:)`.
  public func run(
    _ codec: ClassicalCodec, quality: Int, pngFile path: String
  ) throws -> ClassicalCodecResult {
    try run(codec, quality: quality, on: PixelBuffer(contentsOfPNG: path))
  }
}
