import Image

/// What coding one image at one setting cost, how close it came and how long it took.
struct ImageMeasurement: Sendable, Encodable, Equatable {
  /// The input file.
  var file: String
  /// The pixels of the image, width × height.
  var pixels: Int
  /// The whole compressed file's bits divided by the pixels.
  var bitsPerPixel: Double
  /// The coded payload's bits divided by the pixels, for aez (whose file adds a header).
  var payloadBitsPerPixel: Double?
  /// PSNR in dB over the colour samples on the 8-bit scale, at most `Self.psnrCap`.
  var psnr: Double
  /// MS-SSIM over the colour samples, the mean over channels.
  var msSSIM: Double
  /// The encoder's wall time in seconds.
  var encodeSeconds: Double
  /// The decoder's wall time in seconds.
  var decodeSeconds: Double

  /// The PSNR given to an exact reconstruction, whose true PSNR is infinite: JSON has no
  /// infinity, and a mean with one infinite image would say nothing about the others. The
  /// same cap as `aez compress` reports.
  static let psnrCap = 100.0

  enum CodingKeys: String, CodingKey {
    case file, pixels, psnr
    case bitsPerPixel = "bpp"
    case payloadBitsPerPixel = "payload_bpp"
    case msSSIM = "ms_ssim"
    case encodeSeconds = "encode_seconds"
    case decodeSeconds = "decode_seconds"
  }

  /// Writes every key, an absent payload rate as `null`.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encode(pixels, forKey: .pixels)
    try container.encode(bitsPerPixel, forKey: .bitsPerPixel)
    try container.encode(payloadBitsPerPixel, forKey: .payloadBitsPerPixel)
    try container.encode(psnr, forKey: .psnr)
    try container.encode(msSSIM, forKey: .msSSIM)
    try container.encode(encodeSeconds, forKey: .encodeSeconds)
    try container.encode(decodeSeconds, forKey: .decodeSeconds)
  }

  /// The PSNR and MS-SSIM of `decoded` against `reference`, both compared as 8-bit colour:
  /// alpha removed, 16-bit samples rounded to 8 bits, and the reconstruction brought to the
  /// reference's grey or RGB layout if a decoder changed it.
  ///
  /// - Throws: `ImageQualityError` when the sizes differ.
  /// - Complexity: O(samples × 11 × 4/3), for MS-SSIM.
  static func quality(
    reference: PixelBuffer, decoded: PixelBuffer
  ) throws -> (psnr: Double, msSSIM: Double) {
    let original = reference.removingAlpha().converted(to: .eight)
    var reconstruction = decoded.removingAlpha().converted(to: .eight)
    if original.layout == .grey && reconstruction.layout == .rgb {
      reconstruction = reconstruction.convertedToGrey()
    } else if original.layout == .rgb && reconstruction.layout == .grey {
      reconstruction = reconstruction.convertedToRGB()
    }
    let psnr = try ImageQuality.peakSignalToNoiseRatio(original, reconstruction)
    let msSSIM = try ImageQuality.multiScaleStructuralSimilarity(original, reconstruction)
    return (min(psnrCap, psnr), msSSIM)
  }
}
