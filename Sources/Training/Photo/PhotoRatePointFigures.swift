/// How well a photo codec does at one rate point, measured as the codec runs.
public struct PhotoRatePointFigures: Sendable, Codable, Equatable {
  /// The quality coded at.
  public var quality: Double
  /// The mean over images of the bitstream's bits (both streams and the length prefix)
  /// divided by the image's own pixels, padding excluded from the count.
  public var bitsPerPixel: Double
  /// The mean over images of the RGB PSNR in dB of the 8-bit reconstruction, capped at 100.
  public var psnr: Double
}
