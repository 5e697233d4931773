/// Where a quality lies between the two trained rate points around it, in fixed point.
///
/// For rate points of qualities `q_0 < q_1 < … < q_{K−1}`, a quality `q` (clamped to
/// `q_0...q_{K−1}`) lies between points `k = lower` and `upper = k + 1` at
/// `t = (q − q_k) / (q_{k+1} − q_k)`, stored as `weight = round(t · 2^16)`. Only IEEE-754
/// subtraction, division, multiplication and rounding are involved, which every machine
/// computes identically, so encoder and decoder agree on `weight` bit for bit.
public struct QualityBlend: Sendable, Equatable {
  /// The rate point at or below the quality.
  public let lower: Int
  /// The rate point above it (equal to `lower` at the ends or with one rate point).
  public let upper: Int
  /// `t · 2^16`, in `0...65536`: the share of the upper point.
  public let weight: Int64

  /// The fractional bits of `weight`.
  public static let weightBits = 16

  /// The blend of `quality` over `ratePoints`.
  ///
  /// - Parameters:
  ///   - quality: A finite quality in 0...100.
  ///   - ratePoints: The architecture's rate points, qualities increasing.
  /// - Throws: `PhotoCodingError.qualityOutOfRange` for NaN or a value outside 0...100.
  public init(quality: Double, ratePoints: [PhotoArchitecture.RatePoint]) throws(PhotoCodingError) {
    guard quality >= 0 && quality <= 100 else { throw .qualityOutOfRange(quality) }
    precondition(!ratePoints.isEmpty, "an architecture has at least one rate point")
    let last = ratePoints.count - 1
    if quality <= ratePoints[0].quality || last == 0 {
      (lower, upper, weight) = (0, 0, 0)
    } else if quality >= ratePoints[last].quality {
      (lower, upper, weight) = (last, last, 0)
    } else {
      var index = 0
      while ratePoints[index + 1].quality <= quality { index += 1 }
      let low = ratePoints[index].quality
      let high = ratePoints[index + 1].quality
      let fraction = (quality - low) / (high - low)
      lower = index
      upper = index + 1
      weight = Int64((fraction * Double(1 << Self.weightBits)).rounded())
    }
  }

  /// `t` as a Double, for the floating-point side of the codec.
  public var fraction: Double { Double(weight) / Double(1 << Self.weightBits) }

  /// `(1 − t) · first + t · second` in fixed point, rounded half up.
  func mix(_ first: Int64, _ second: Int64) -> Int64 {
    let scale: Int64 = 1 << Int64(Self.weightBits)
    return ((scale - weight) * first + weight * second + scale / 2) >> Int64(Self.weightBits)
  }
}
