/// Running sums over the reports of coded images, from which a `SetReport` is made, so that
/// a long batch need not keep every report.
public struct SetTotals: Sendable, Equatable {
  /// The number of images added.
  public private(set) var images = 0
  /// The sum of the images' pixels.
  public private(set) var pixels = 0
  /// The sum of the input PNGs' sizes.
  public private(set) var pngBytes = 0
  /// The sum of the raw sizes.
  public private(set) var rawBytes = 0
  /// The sum of the payloads' bits.
  public private(set) var payloadBits = 0
  /// The sum of the images' `aezBytes`.
  public private(set) var aezBytes = 0.0
  /// The sums of MSE, PSNR and SSIM, for their means.
  public private(set) var mseSum = 0.0, psnrSum = 0.0, ssimSum = 0.0
  /// The sum of the qualities the images were coded at.
  public private(set) var qualitySum = 0.0
  /// The total encode and decode times in seconds.
  public private(set) var encodeSeconds = 0.0, decodeSeconds = 0.0
  /// The names of the models that coded the images, sorted.
  public private(set) var models: [String] = []

  /// Empty totals.
  public init() {}

  /// The mean quality the images were coded at (they differ when each aims at a size or a
  /// PSNR), or 0 before any image.
  public var meanQuality: Double { images > 0 ? qualitySum / Double(images) : 0 }

  /// Adds one image's report.
  ///
  /// - Complexity: O(1), or O(models) for a model not seen before.
  public mutating func add(_ report: ImageReport) {
    images += 1
    pixels += report.width * report.height
    pngBytes += report.pngBytes
    rawBytes += report.rawBytes
    payloadBits += report.payloadBits
    aezBytes += report.aezBytes
    mseSum += report.mse
    psnrSum += report.psnr
    ssimSum += report.ssim
    qualitySum += report.quality
    encodeSeconds += report.encodeSeconds
    decodeSeconds += report.decodeSeconds
    if !models.contains(report.model) {
      models.append(report.model)
      models.sort()
    }
  }
}
