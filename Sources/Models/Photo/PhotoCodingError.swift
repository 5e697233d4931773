import EntropyCoding

/// A reason the photo codec cannot compress an image or decode a bitstream.
public enum PhotoCodingError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The quality is not a number in 0...100.
  case qualityOutOfRange(Double)
  /// The image is not a positive multiple of 64 pixels in each dimension.
  case unsupportedSize(height: Int, width: Int)
  /// The planes hold another number of values than three planes of the size.
  case planeCountMismatch(expected: Int, actual: Int)
  /// The bitstream ends before its two streams do.
  case truncatedBitstream(length: Int)
  /// The length prefix of the hyper-latent stream is not a minimal varint of at most 9 bytes.
  case invalidLengthPrefix
  /// A latent stream cannot be decoded; `stream` is `"hyper-latent"` or `"latent"`.
  case corruptStream(stream: String, EntropyCodingError)

  /// A readable explanation naming the offending value.
  public var description: String {
    switch self {
    case .qualityOutOfRange(let quality):
      return "quality \(quality) is outside 0...100"
    case .unsupportedSize(let height, let width):
      return
        "a \(width)x\(height) image cannot be coded: both sides must be positive multiples of "
        + "64 (pad the image by edge replication first)"
    case .planeCountMismatch(let expected, let actual):
      return "\(actual) values do not make three planes of the image, which need \(expected)"
    case .truncatedBitstream(let length):
      return "the \(length)-byte photo bitstream ends before its hyper-latent stream does"
    case .invalidLengthPrefix:
      return "the photo bitstream does not start with a valid length of its hyper-latent stream"
    case .corruptStream(let stream, let error):
      return "the \(stream) stream is damaged: \(error)"
    }
  }
}
