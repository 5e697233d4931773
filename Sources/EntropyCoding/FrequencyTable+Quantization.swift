extension FrequencyTable {
  /// Creates the table that codes a distribution most cheaply at the given precision.
  ///
  /// With `q_i` the normalized probabilities (escape last), `n` symbols and `T = 2^precision`,
  /// the frequencies `f_i` minimize the expected code length `Σ q_i · log2(T / f_i)` subject to
  /// `f_i >= 1` and `Σ f_i = T`:
  /// 1. Start from `f_i = max(1, ⌊q_i (T - n)⌋)`, which never exceeds `T` in total.
  /// 2. Hand out the remaining units (at most `2n`) one at a time to the symbol whose cost
  ///    falls most, `q_i · log2((f_i + 1) / f_i)`; a heap keeps this O(n log n).
  ///
  /// Each term is convex in `f_i`, so greedy hand-out from any starting point at or below the
  /// optimum reaches the exact integer optimum. The start is such a point: were some optimal
  /// `f_i` at most `q_i (T - n) - 1`, adding a unit there would gain more than `1 / (T - n)`
  /// nats, so every `f_j > 1` would lose more than that when reduced, forcing
  /// `f_j < q_j (T - n) + 1` for all `j` and hence `Σ f_j < T`, a contradiction.
  ///
  /// Floating-point results may differ in the last bit between C libraries, so build tables
  /// once and store them (``serialized()``) rather than rebuilding them on each machine.
  ///
  /// - Parameters:
  ///   - minimum: the value of the first probability.
  ///   - probabilities: one probability per value from `minimum` up; they need not be
  ///     normalized.
  ///   - escapeProbability: the probability of any value outside the range, on the same
  ///     scale as `probabilities`.
  ///   - precision: bits of probability precision, 1 through 16.
  /// - Throws: ``EntropyCodingError/invalidTable(_:)`` for a bad precision or range, too
  ///   many symbols for the precision, or a negative, infinite or NaN probability.
  /// - Complexity: O(n log n) for n symbols.
  public init(
    minimum: Int32, probabilities: [Double], escapeProbability: Double, precision: Int = 16
  ) throws(EntropyCodingError) {
    guard precision >= 1 && precision <= RangeCoding.maximumPrecision else {
      throw .invalidTable(.precisionOutOfRange(precision))
    }
    let symbolCount = probabilities.count + 1
    let maximum = Int64(minimum) + Int64(probabilities.count) - 1
    guard probabilities.count >= 1 && maximum <= Int64(Int32.max) else {
      throw .invalidTable(.valueRangeOutOfBounds(minimum: Int64(minimum), maximum: maximum))
    }
    let total = 1 << precision
    guard symbolCount <= total else {
      throw .invalidTable(.tooManySymbols(count: symbolCount, limit: total))
    }
    let weights = probabilities + [escapeProbability]
    var mass = 0.0
    for (index, weight) in weights.enumerated() {
      guard weight.isFinite && weight >= 0 else {
        throw .invalidTable(.invalidProbability(index: index, value: weight))
      }
      mass += weight
    }
    guard mass > 0 && mass.isFinite else { throw .invalidTable(.zeroProbabilityMass) }

    let frequencies = Self.optimalFrequencies(
      probabilities: weights.map { $0 / mass }, total: total)
    try self.init(minimum: minimum, frequencies: frequencies, precision: precision)
  }

  /// Integer frequencies summing to `total`, each at least 1, minimizing the cross entropy.
  private static func optimalFrequencies(probabilities: [Double], total: Int) -> [UInt32] {
    let count = probabilities.count
    let spare = Double(total - count)
    var frequencies = probabilities.map { max(1, Int(($0 * spare).rounded(.down))) }
    var remaining = total - frequencies.reduce(0, +)

    // Greedy hand-out of the remaining units by largest cost reduction.
    func gain(_ symbol: Int) -> Double {
      let frequency = Double(frequencies[symbol])
      return probabilities[symbol]
        * ElementaryFunctions.binaryLogarithm(
          (frequency + 1) / frequency)
    }
    var heap = GainHeap((0..<count).map { (gain: gain($0), symbol: $0) })
    while remaining > 0, let best = heap.top {
      frequencies[best.symbol] += 1
      remaining -= 1
      heap.replaceTopGain(with: gain(best.symbol))
    }

    return frequencies.map { UInt32($0) }
  }
}
