import Image

/// One decoded image in a comparison figure, with what it cost and how close it came.
public struct ComparisonEntry: Sendable {
  /// The codec and setting, for example `"WebP q75"` or `"aez"`.
  public var label: String
  /// The decoded image, the same size as the original.
  public var image: PixelBuffer
  /// The compressed size in bits per pixel, if known.
  public var bitsPerPixel: Double?
  /// The PSNR against the original in dB, if known (`.infinity` for a lossless result).
  public var psnr: Double?

  /// Creates an entry.
  public init(label: String, image: PixelBuffer, bitsPerPixel: Double? = nil, psnr: Double? = nil) {
    self.label = label
    self.image = image
    self.bitsPerPixel = bitsPerPixel
    self.psnr = psnr
  }
}
