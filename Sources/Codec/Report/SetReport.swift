/// The totals and means over a set of images coded into one `.aez` file.
public struct SetReport: Sendable, Codable, Equatable {
  /// The number of images.
  public var images: Int
  /// The whole `.aez` file's size.
  public var aezBytes: Int
  /// The sum of the input PNGs' sizes.
  public var pngBytes: Int
  /// The sum of the raw sizes.
  public var rawBytes: Int
  /// The sum of the payloads' bits.
  public var payloadBits: Int
  /// The whole file's bits divided by the number of images.
  public var bitsPerImage: Double
  /// The payload bits divided by the number of images.
  public var payloadBitsPerImage: Double
  /// The whole file's bits divided by all images' pixels.
  public var bpp: Double
  /// `rawBytes / aezBytes`.
  public var ratioRaw: Double
  /// `pngBytes / aezBytes`.
  public var ratioPng: Double
  /// The mean over images of the MSE (0-255 scale).
  public var mse: Double
  /// The mean over images of the PSNR in dB.
  public var psnr: Double
  /// The mean over images of the SSIM.
  public var ssim: Double
  /// The total encode time in seconds.
  public var encodeSeconds: Double
  /// The total decode time in seconds.
  public var decodeSeconds: Double
  /// The model's name.
  public var model: String
  /// The quality setting.
  public var quality: Double

  enum CodingKeys: String, CodingKey {
    case images
    case aezBytes = "aez_bytes"
    case pngBytes = "png_bytes"
    case rawBytes = "raw_bytes"
    case payloadBits = "payload_bits"
    case bitsPerImage = "bits_per_image"
    case payloadBitsPerImage = "payload_bits_per_image"
    case bpp
    case ratioRaw = "ratio_raw"
    case ratioPng = "ratio_png"
    case mse, psnr, ssim
    case encodeSeconds = "encode_seconds"
    case decodeSeconds = "decode_seconds"
    case model, quality
  }

  /// The summary of `reports` for a file of `fileBytes` bytes.
  public init(reports: [ImageReport], fileBytes: Int, model: String, quality: Double) {
    var totals = SetTotals()
    for report in reports { totals.add(report) }
    self.init(totals: totals, fileBytes: fileBytes, model: model, quality: quality)
  }

  /// The summary of the images in `totals`, coded into `fileBytes` bytes of files in all.
  ///
  /// Sizes and rates use `fileBytes`; MSE, PSNR and SSIM are means over the images.
  public init(totals: SetTotals, fileBytes: Int, model: String, quality: Double) {
    let count = Double(max(1, totals.images))
    images = totals.images
    aezBytes = fileBytes
    pngBytes = totals.pngBytes
    rawBytes = totals.rawBytes
    payloadBits = totals.payloadBits
    bitsPerImage = Double(fileBytes * 8) / count
    payloadBitsPerImage = Double(payloadBits) / count
    bpp = Double(fileBytes * 8) / Double(max(1, totals.pixels))
    ratioRaw = Double(rawBytes) / Double(max(1, fileBytes))
    ratioPng = Double(pngBytes) / Double(max(1, fileBytes))
    mse = totals.mseSum / count
    psnr = totals.psnrSum / count
    ssim = totals.ssimSum / count
    encodeSeconds = totals.encodeSeconds
    decodeSeconds = totals.decodeSeconds
    self.model = model
    self.quality = quality
  }
}
