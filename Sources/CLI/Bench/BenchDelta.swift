import CommandLineKit
import Reports

/// The Bjøntegaard deltas of one codec against the reference, or why there are none.
struct BenchDelta: Sendable, Encodable, Equatable {
  /// The codec tested, by command-line name.
  var codec: String
  /// The reference codec, by command-line name.
  var reference: String
  /// BD-rate in percent: the mean change in bits at equal PSNR; negative is better.
  var rate: Double?
  /// BD-PSNR in dB: the mean change in PSNR at equal rate; positive is better.
  var psnr: Double?
  /// The PSNR interval both curves cover, over which BD-rate averages.
  var psnrRange: [Double]?
  /// The bits-per-pixel interval both curves cover, over which BD-PSNR averages.
  var bitsPerPixelRange: [Double]?
  /// Why no delta could be computed, when none was.
  var reason: String?

  enum CodingKeys: String, CodingKey {
    case codec, reference, reason
    case rate = "bd_rate_percent"
    case psnr = "bd_psnr_db"
    case psnrRange = "psnr_range"
    case bitsPerPixelRange = "bpp_range"
  }

  /// Writes every key, absent values as `null`, so that every delta has the same fields.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(codec, forKey: .codec)
    try container.encode(reference, forKey: .reference)
    try container.encode(rate, forKey: .rate)
    try container.encode(psnr, forKey: .psnr)
    try container.encode(psnrRange, forKey: .psnrRange)
    try container.encode(bitsPerPixelRange, forKey: .bitsPerPixelRange)
    try container.encode(reason, forKey: .reason)
  }

  /// The deltas of `test` against `reference`, or the reason they cannot be computed.
  init(test: BenchCurve, reference: BenchCurve) {
    codec = test.codec
    self.reference = reference.codec
    do {
      let delta = try Bjontegaard.delta(
        anchor: reference.rateDistortion, test: test.rateDistortion)
      rate = delta.ratePercent
      psnr = delta.qualityDelta
      psnrRange = [delta.qualityInterval.lowerBound, delta.qualityInterval.upperBound]
      bitsPerPixelRange = [delta.rateInterval.lowerBound, delta.rateInterval.upperBound]
    } catch let error as BjontegaardError {
      reason = Self.reason(error)
    } catch {
      reason = "\(error)"
    }
  }

  /// A short reason for the tables: which curve, with numbers rounded as the tables show.
  private static func reason(_ error: BjontegaardError) -> String {
    func name(_ curve: String) -> String { curve == "anchor" ? "the reference" : "this codec" }
    func span(_ range: ClosedRange<Double>, _ decimals: Int) -> String {
      Format.fixed(range.lowerBound, decimals: decimals) + "-"
        + Format.fixed(range.upperBound, decimals: decimals)
    }
    switch error {
    case .tooFewPoints(let curve, let count):
      return "\(name(curve)) has \(count) point\(count == 1 ? "" : "s"), "
        + "\(Bjontegaard.minimumPointCount) needed"
    case .invalidPoint(let curve, let rate, let quality):
      return "\(name(curve)) has an unusable point (\(rate) bpp, \(quality) dB)"
    case .tooFewDistinctValues(let curve, let axis):
      return "\(name(curve)) has fewer than \(Bjontegaard.minimumPointCount) distinct "
        + "\(axis == "rate" ? "rates" : "PSNR values")"
    case .noOverlap(let axis, let anchor, let test):
      return axis == "rate"
        ? "no shared rate: reference \(span(anchor, 3)) bpp, this codec \(span(test, 3)) bpp"
        : "no shared PSNR: reference \(span(anchor, 2)) dB, this codec \(span(test, 2)) dB"
    }
  }

  /// A delta that could not be computed for `reason`.
  init(codec: String, reference: String, reason: String) {
    self.codec = codec
    self.reference = reference
    self.reason = reason
  }
}
