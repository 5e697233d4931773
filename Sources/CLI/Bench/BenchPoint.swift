/// One setting of one codec measured over every image of a bench.
///
/// Means are over images, each image weighing the same (the convention of the learned-
/// compression literature, which reports the mean of per-image PSNR, not the PSNR of the
/// pooled error); speeds are medians over images, which a slow first run (a cold cache, a
/// process start-up) does not drag.
struct BenchPoint: Sendable, Encodable, Equatable {
  /// The quality the codec was run at; `nil` for an aez model that stands for none.
  var quality: Double?
  /// The aez model that coded, by name.
  var model: String?
  /// The mean over images of whole-file bits per pixel.
  var bitsPerPixel: Double
  /// The mean over images of the coded payload's bits per pixel, for aez.
  var payloadBitsPerPixel: Double?
  /// The mean over images of PSNR in dB.
  var psnr: Double
  /// The mean over images of MS-SSIM.
  var msSSIM: Double
  /// The median over images of megapixels encoded per second of wall time.
  var encodeMegapixelsPerSecond: Double
  /// The median over images of megapixels decoded per second of wall time.
  var decodeMegapixelsPerSecond: Double
  /// The measurement of each image, in input order.
  var images: [ImageMeasurement]

  enum CodingKeys: String, CodingKey {
    case quality, model, psnr, images
    case bitsPerPixel = "bpp"
    case payloadBitsPerPixel = "payload_bpp"
    case msSSIM = "ms_ssim"
    case encodeMegapixelsPerSecond = "encode_mpx_per_s"
    case decodeMegapixelsPerSecond = "decode_mpx_per_s"
  }

  /// Writes every key, absent values as `null`, so that every point has the same fields.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(quality, forKey: .quality)
    try container.encode(model, forKey: .model)
    try container.encode(bitsPerPixel, forKey: .bitsPerPixel)
    try container.encode(payloadBitsPerPixel, forKey: .payloadBitsPerPixel)
    try container.encode(psnr, forKey: .psnr)
    try container.encode(msSSIM, forKey: .msSSIM)
    try container.encode(encodeMegapixelsPerSecond, forKey: .encodeMegapixelsPerSecond)
    try container.encode(decodeMegapixelsPerSecond, forKey: .decodeMegapixelsPerSecond)
    try container.encode(images, forKey: .images)
  }

  /// The summary of `images`, measured at `setting`.
  init(setting: BenchSetting, images: [ImageMeasurement]) {
    precondition(!images.isEmpty, "a point summarises at least one image")
    let count = Double(images.count)
    quality = setting.quality
    model = setting.model?.name
    bitsPerPixel = images.reduce(0) { $0 + $1.bitsPerPixel } / count
    let payloads = images.compactMap(\.payloadBitsPerPixel)
    payloadBitsPerPixel =
      payloads.count == images.count ? payloads.reduce(0, +) / count : nil
    psnr = images.reduce(0) { $0 + $1.psnr } / count
    msSSIM = images.reduce(0) { $0 + $1.msSSIM } / count
    encodeMegapixelsPerSecond = Self.median(
      images.map { Double($0.pixels) / 1e6 / max($0.encodeSeconds, 1e-9) })
    decodeMegapixelsPerSecond = Self.median(
      images.map { Double($0.pixels) / 1e6 / max($0.decodeSeconds, 1e-9) })
    self.images = images
  }

  /// The middle value, or the mean of the two middle values of an even count.
  static func median(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "the median of nothing")
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
