import Image

/// The outcome of compressing one image with a classical codec at one quality.
public struct ClassicalCodecResult: Sendable {
  /// The codec.
  public var codec: ClassicalCodec
  /// The quality passed to the encoder.
  public var quality: Int
  /// The compressed file's size in bytes.
  public var compressedByteCount: Int
  /// The image the codec was given: the input without alpha, at 8 bits. Compare `decoded`
  /// with this.
  public var reference: PixelBuffer
  /// The decoded image, in the same layout (grey or RGB) as `reference`, 8-bit.
  public var decoded: PixelBuffer
  /// The encoder's wall time in seconds, process start-up included.
  public var encodeSeconds: Double
  /// The decoder's wall time in seconds, process start-up included.
  public var decodeSeconds: Double

  /// The compressed size per pixel: `8 × bytes / (width × height)`.
  public var bitsPerPixel: Double {
    Double(compressedByteCount * 8) / Double(reference.pixelCount)
  }
}
