import Reports

/// Every measured setting of one codec, in sweep order.
struct BenchCurve: Sendable, Encodable, Equatable {
  /// The codec's command-line name, such as `webp`.
  var codec: String
  /// The codec's display name, such as `WebP`.
  var name: String
  /// The settings measured, in the order swept.
  var points: [BenchPoint]

  /// The curve as `Reports` draws it and computes deltas on: rate, PSNR and MS-SSIM.
  var rateDistortion: RateDistortionCurve {
    RateDistortionCurve(
      name: name,
      points: points.map {
        RateDistortionPoint(bitsPerPixel: $0.bitsPerPixel, psnr: $0.psnr, msSSIM: $0.msSSIM)
      })
  }
}
