/// One measurement of a codec at one setting: its rate and the quality it reached.
public struct RateDistortionPoint: Sendable, Hashable, Codable {
  /// Compressed size in bits divided by the number of pixels.
  public var bitsPerPixel: Double
  /// Peak signal-to-noise ratio in decibels, over 8-bit samples (peak 255).
  public var psnr: Double
  /// Multi-scale structural similarity in 0...1, if measured.
  public var msSSIM: Double?

  /// Creates a point.
  public init(bitsPerPixel: Double, psnr: Double, msSSIM: Double? = nil) {
    self.bitsPerPixel = bitsPerPixel
    self.psnr = psnr
    self.msSSIM = msSSIM
  }
}

/// The measurements of one codec over several settings, for plots and Bjøntegaard deltas.
public struct RateDistortionCurve: Sendable, Hashable, Codable {
  /// The codec's name as shown in legends and tables, for example `"WebP"`.
  public var name: String
  /// The measurements, usually in order of increasing rate.
  public var points: [RateDistortionPoint]

  /// Creates a curve.
  public init(name: String, points: [RateDistortionPoint]) {
    self.name = name
    self.points = points
  }
}
