extension FrequencyTable {
  /// Creates the table of a continuous distribution rounded to integers.
  ///
  /// Value `v` gets `P(v) = cdf(v + 0.5) - cdf(v - 0.5)`. The range `minimum...maximum` is the
  /// narrowest one that leaves at most `tailMass / 2` below it and at most `tailMass / 2`
  /// above it, so it holds at least `1 - tailMass` of the mass; the two tails together
  /// become the escape probability. The probabilities are then quantized as in
  /// ``init(minimum:probabilities:escapeProbability:precision:)``.
  ///
  /// The ends of the range are found by probing outward from zero in doubling steps and then
  /// bisecting, so `cdf` is only evaluated near its mass, never at extreme arguments unless
  /// the distribution itself lies there.
  ///
  /// - Parameters:
  ///   - cdf: a cumulative distribution function, nondecreasing from 0 to 1; it is called
  ///     about `4 log2(w) + n` times for a range of n values lying within `w` of zero.
  ///   - tailMass: the mass allowed outside the range, in (0, 1); about 1e-9 suits 16 bits.
  ///   - precision: bits of probability precision, 1 through 16.
  /// - Throws: ``EntropyCodingError/invalidTable(_:)`` when the tail mass is out of range,
  ///   `cdf` returns a value outside [0, 1] (NaN included), or the range needs more symbols
  ///   than the precision allows.
  /// - Complexity: O(n log n) for n values.
  public static func discretized(
    cdf: (Double) -> Double, tailMass: Double, precision: Int = 16
  ) throws(EntropyCodingError) -> FrequencyTable {
    guard tailMass > 0 && tailMass < 1 else {
      throw .invalidTable(.tailMassOutOfRange(tailMass))
    }
    guard precision >= 1 && precision <= RangeCoding.maximumPrecision else {
      throw .invalidTable(.precisionOutOfRange(precision))
    }
    let halfTail = tailMass / 2
    func probability(below edge: Double) throws(EntropyCodingError) -> Double {
      let value = cdf(edge)
      // Written so that NaN fails the test too.
      guard value >= 0 && value <= 1 else {
        throw .invalidTable(.cdfOutOfRange(argument: edge, value: value))
      }
      return value
    }

    // The largest m whose lower tail P(X < m - 0.5) is at most halfTail, and the smallest M
    // whose upper tail P(X > M + 0.5) is. Both predicates are monotone in their argument.
    let minimum = try lastInteger(from: 0) { (value) throws(EntropyCodingError) in
      try probability(below: Double(value) - 0.5) <= halfTail
    }
    let maximum =
      try lastInteger(from: minimum) { (value) throws(EntropyCodingError) in
        try 1 - probability(below: Double(value) + 0.5) > halfTail
      } + 1
    guard minimum <= maximum && maximum <= Int64(Int32.max) else {
      throw .invalidTable(.valueRangeOutOfBounds(minimum: minimum, maximum: maximum))
    }
    let symbolCount = maximum - minimum + 2
    guard symbolCount <= 1 << Int64(precision) else {
      throw .invalidTable(.tooManySymbols(count: Int(symbolCount), limit: 1 << precision))
    }

    var probabilities: [Double] = []
    probabilities.reserveCapacity(Int(symbolCount) - 1)
    let lowerTail = try probability(below: Double(minimum) - 0.5)
    var lowerEdge = lowerTail
    for value in minimum...maximum {
      let upperEdge = try probability(below: Double(value) + 0.5)
      // A CDF rounded to a slightly smaller value one step up gives no mass, not negative.
      probabilities.append(max(0, upperEdge - lowerEdge))
      lowerEdge = upperEdge
    }
    let escapeProbability = lowerTail + (1 - lowerEdge)
    return try FrequencyTable(
      minimum: Int32(minimum), probabilities: probabilities,
      escapeProbability: escapeProbability, precision: precision)
  }

  /// The largest integer in `Int32.min...Int32.max` where `holds` is true, for a predicate
  /// that is true up to some point and false after.
  ///
  /// Probes from `start` in doubling steps toward the change, then bisects between the last
  /// two probes. Returns `Int32.min` when the predicate never holds and `Int32.max` when it
  /// always does; at most about 64 probes either way.
  private static func lastInteger(
    from start: Int64, where holds: (Int64) throws(EntropyCodingError) -> Bool
  ) throws(EntropyCodingError) -> Int64 {
    let lowest = Int64(Int32.min)
    let highest = Int64(Int32.max)
    // Invariant once both are set: holds(low) and !holds(high).
    var low: Int64
    var high: Int64
    var step: Int64 = 1
    if try holds(start) {
      low = start
      while true {
        let probe = min(low + step, highest)
        if try !holds(probe) {
          high = probe
          break
        }
        if probe == highest { return highest }
        low = probe
        step *= 2
      }
    } else {
      high = start
      while true {
        let probe = max(high - step, lowest)
        if try holds(probe) {
          low = probe
          break
        }
        if probe == lowest { return lowest }
        high = probe
        step *= 2
      }
    }
    while high - low > 1 {
      let middle = low + (high - low) / 2
      if try holds(middle) { low = middle } else { high = middle }
    }
    return low
  }
}
