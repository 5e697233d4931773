/// Frequency tables for zero-mean discretized Gaussians at a fixed ladder of scales, as the
/// scale hyperprior uses them.
///
/// A latent `y` with predicted scale `σ` (and mean `μ`, zero when the model has none) is coded
/// as the integer `round(y - μ)` with the table of ``tableIndex(forScale:)``; the decoder
/// adds `μ` back. Table `i` holds `P(v) = Φ((v + 0.5) / s_i) - Φ((v - 0.5) / s_i)` for the
/// table scale `s_i`, over the range that leaves at most the tail mass outside, quantized to
/// integers (see ``FrequencyTable/discretized(cdf:tailMass:precision:)``).
///
/// Encoder and decoder must pick the same table for every latent, so both must compute the
/// predicted scale identically; the lookup itself is a plain comparison against the stored
/// scales and is exact.
public struct GaussianConditional: Sendable, Equatable {
  /// The tail mass the tables leave to the escape symbol by default.
  public static let defaultTailMass = 1e-9

  /// The table scales, positive and strictly increasing.
  public let scales: [Double]

  /// One table per scale, in the same order.
  public let tables: [FrequencyTable]

  /// `count` scales spaced evenly in log scale from `minimum` to `maximum`, both included.
  ///
  /// `s_i = exp(ln(minimum) + i · (ln(maximum) - ln(minimum)) / (count - 1))`; the default
  /// ladder has 64 scales from 0.11 to 256, about 13% apart.
  ///
  /// - Parameters:
  ///   - count: the number of scales, at least 2.
  ///   - minimum: the smallest scale, positive.
  ///   - maximum: the largest scale, above `minimum`.
  public static func logSpacedScales(
    count: Int = 64, minimum: Double = 0.11, maximum: Double = 256
  ) -> [Double] {
    precondition(count >= 2, "a scale ladder needs at least two scales, not \(count)")
    precondition(
      minimum > 0 && maximum > minimum && maximum.isFinite,
      "scale bounds must satisfy 0 < minimum < maximum < infinity")
    let logMinimum = ElementaryFunctions.naturalLogarithm(minimum)
    let step = (ElementaryFunctions.naturalLogarithm(maximum) - logMinimum) / Double(count - 1)
    var scales = (0..<count).map {
      ElementaryFunctions.exponential(logMinimum + Double($0) * step)
    }
    // Pin the ends so that rounding in exp/log cannot move them.
    scales[0] = minimum
    scales[count - 1] = maximum
    return scales
  }

  /// Builds the table of every scale.
  ///
  /// - Parameters:
  ///   - scales: positive, finite, strictly increasing scales.
  ///   - tailMass: the mass each table leaves to its escape symbol, in (0, 1).
  ///   - precision: bits of probability precision, 1 through 16.
  /// - Throws: ``EntropyCodingError/invalidTable(_:)`` for a bad scale, tail mass or
  ///   precision, or a scale too wide for the precision.
  /// - Complexity: O(Σ n_i log n_i) where table `i` has about `2 · 6 · s_i` symbols at the
  ///   default tail mass.
  public init(
    scales: [Double] = logSpacedScales(), tailMass: Double = defaultTailMass,
    precision: Int = 16
  ) throws(EntropyCodingError) {
    try Self.validate(scales: scales)
    var tables: [FrequencyTable] = []
    tables.reserveCapacity(scales.count)
    for scale in scales {
      let inverseScale = 1 / scale
      tables.append(
        try FrequencyTable.discretized(
          cdf: { NormalDistribution.cumulativeProbability($0 * inverseScale) },
          tailMass: tailMass, precision: precision))
    }
    self.scales = scales
    self.tables = tables
  }

  /// Pairs stored scales with stored tables, checking that they match.
  ///
  /// - Throws: ``EntropyCodingError/invalidTable(_:)`` when a scale is not positive, finite
  ///   and above the previous one, or the counts differ.
  public init(scales: [Double], tables: [FrequencyTable]) throws(EntropyCodingError) {
    try Self.validate(scales: scales)
    guard scales.count == tables.count else {
      throw .invalidTable(.scaleCountMismatch(scaleCount: scales.count, tableCount: tables.count))
    }
    self.scales = scales
    self.tables = tables
  }

  /// The index of the smallest table scale at or above `scale`: the nearest scale, rounding
  /// up, so the table is never narrower than the prediction.
  ///
  /// Scales above the largest table scale, infinity and NaN map to the last table, the
  /// widest; scales at or below the smallest map to the first.
  ///
  /// - Complexity: O(log count).
  public func tableIndex(forScale scale: Double) -> Int {
    let last = scales.count - 1
    // NaN fails every comparison; send it to the widest table explicitly.
    guard scale <= scales[last] else { return last }
    // Invariant: scales[high] >= scale, and every index below low has a smaller scale.
    var low = 0
    var high = last
    while low < high {
      let middle = (low + high) / 2
      if scales[middle] >= scale { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// The table index of every scale in `scales`, as ``tableIndex(forScale:)`` gives it.
  ///
  /// - Parameter scales: predicted scales in any layout; the result has the same layout.
  public func tableIndices(forScales scales: [Float]) -> [Int] {
    scales.map { tableIndex(forScale: Double($0)) }
  }

  /// Throws unless `scales` is nonempty, positive, finite and strictly increasing.
  static func validate(scales: [Double]) throws(EntropyCodingError) {
    guard !scales.isEmpty else { throw .invalidTable(.noScales) }
    for (index, scale) in scales.enumerated() {
      let isAbovePrevious = index == 0 || scale > scales[index - 1]
      guard scale > 0 && scale.isFinite && isAbovePrevious else {
        throw .invalidTable(.invalidScale(index: index, value: scale))
      }
    }
  }
}
