import Reports

/// A codec a bench asked for but did not measure, and why.
struct BenchSkip: Sendable, Encodable, Equatable {
  /// The codec, by command-line name.
  var codec: String
  /// Why it was skipped, such as a tool missing from `PATH`.
  var reason: String
}

/// Everything a bench measured: per codec its curve, then the deltas against the reference.
struct BenchResult: Sendable, Encodable, Equatable {
  /// The input files, in the order measured.
  var images: [String]
  /// The reference codec of the deltas, by command-line name.
  var reference: String
  /// One curve per measured codec, in the order asked for.
  var curves: [BenchCurve]
  /// The deltas of every other measured codec against the reference.
  var deltas: [BenchDelta]
  /// The codecs asked for but not measured.
  var skipped: [BenchSkip]

  /// The rate-distortion chart: bits per pixel against PSNR, and against MS-SSIM in a
  /// second panel; one curve per codec, each codec always in the same colour.
  func chart() -> LineChart {
    let count = images.count
    var slots: [String: Int] = [:]
    for codec in BenchCodec.all { slots[codec.description] = codec.paletteSlot }
    return LineChart.rateDistortion(
      title: "Rate-distortion over \(count) image\(count == 1 ? "" : "s")",
      curves: curves.map(\.rateDistortion), paletteSlots: slots)
  }
}
