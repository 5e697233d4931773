/// Integer symbol frequencies for one coding context: the values `minimum...maximum` plus an
/// escape symbol for everything else.
///
/// Layout: symbol `i` in `0..<symbolCount - 1` stands for the value `minimum + i`; the last
/// symbol, ``escapeSymbol``, stands for every value outside the range, which is then coded as
/// raw bits after it (see ``RangeEncoder/encode(value:table:)``). Symbol `i` owns the
/// cumulative interval `cumulativeFrequencies[i] ..< cumulativeFrequencies[i + 1]` out of
/// ``total`` = 2^``precision``.
///
/// Invariants, checked by every initializer: the precision is 1...16 bits, the range holds at
/// least one value, every symbol has frequency at least 1, and the frequencies sum to
/// exactly 2^precision. A table is plain integers, so encoder and decoder agree bit for bit
/// on every machine once it is stored (``serialized()``).
public struct FrequencyTable: Sendable, Equatable {
  /// The number of bits of probability precision; frequencies sum to 2^precision.
  public let precision: Int

  /// The smallest value coded without an escape.
  public let minimum: Int32

  /// The largest value coded without an escape.
  public let maximum: Int32

  /// The running sums of the symbol frequencies: `symbolCount + 1` entries from 0 up to
  /// ``total``, strictly increasing.
  public let cumulativeFrequencies: [UInt32]

  // A coarse index from cumulative position to symbol that speeds up decoding; derived
  // from `cumulativeFrequencies` (see FrequencyTable+Search.swift).
  let searchIndex: [UInt16]

  /// The number of symbols, the escape symbol included.
  public var symbolCount: Int { cumulativeFrequencies.count - 1 }

  /// The index of the escape symbol, which is the last one.
  public var escapeSymbol: Int { cumulativeFrequencies.count - 2 }

  /// The sum of all frequencies, 2^precision.
  public var total: UInt32 { 1 << UInt32(precision) }

  /// Creates a table from cumulative frequencies, checking every invariant.
  ///
  /// - Parameters:
  ///   - minimum: the value of symbol 0.
  ///   - cumulativeFrequencies: `n + 1` running sums for `n - 1` values and the escape
  ///     symbol: 0 first, 2^precision last, strictly increasing.
  ///   - precision: bits of probability precision, 1 through 16.
  /// - Throws: ``EntropyCodingError/invalidTable(_:)`` naming the first broken invariant.
  public init(
    minimum: Int32, cumulativeFrequencies: [UInt32], precision: Int
  ) throws(EntropyCodingError) {
    guard precision >= 1 && precision <= RangeCoding.maximumPrecision else {
      throw .invalidTable(.precisionOutOfRange(precision))
    }
    // Values need at least one symbol besides the escape, and the last value must fit.
    let valueCount = cumulativeFrequencies.count - 2
    let maximum = Int64(minimum) + Int64(valueCount) - 1
    guard valueCount >= 1 && maximum <= Int64(Int32.max) else {
      throw .invalidTable(.valueRangeOutOfBounds(minimum: Int64(minimum), maximum: maximum))
    }
    let limit = 1 << precision
    guard valueCount + 1 <= limit else {
      throw .invalidTable(.tooManySymbols(count: valueCount + 1, limit: limit))
    }
    guard cumulativeFrequencies[0] == 0 else {
      throw .invalidTable(.cumulativeStartNotZero(cumulativeFrequencies[0]))
    }
    for index in 1..<cumulativeFrequencies.count {
      let previous = cumulativeFrequencies[index - 1]
      let value = cumulativeFrequencies[index]
      if value < previous {
        throw .invalidTable(.nonMonotone(index: index, previous: previous, value: value))
      }
      if value == previous {
        throw .invalidTable(.zeroFrequency(symbol: index - 1))
      }
    }
    let sum = cumulativeFrequencies[cumulativeFrequencies.count - 1]
    guard sum == UInt32(limit) else {
      throw .invalidTable(.wrongTotal(expected: UInt64(limit), actual: UInt64(sum)))
    }

    self.precision = precision
    self.minimum = minimum
    self.maximum = Int32(maximum)
    self.cumulativeFrequencies = cumulativeFrequencies
    self.searchIndex = Self.makeSearchIndex(
      cumulativeFrequencies: cumulativeFrequencies, precision: precision)
  }

  /// Creates a table from per-symbol frequencies, checking every invariant.
  ///
  /// - Parameters:
  ///   - minimum: the value of symbol 0.
  ///   - frequencies: one frequency per value, then the escape frequency; each at least 1,
  ///     summing to 2^precision.
  ///   - precision: bits of probability precision, 1 through 16.
  /// - Throws: ``EntropyCodingError/invalidTable(_:)`` naming the first broken invariant.
  public init(minimum: Int32, frequencies: [UInt32], precision: Int) throws(EntropyCodingError) {
    guard precision >= 1 && precision <= RangeCoding.maximumPrecision else {
      throw .invalidTable(.precisionOutOfRange(precision))
    }
    // Sum in 64 bits so that oversized input reports a wrong total rather than overflowing.
    let expected: UInt64 = 1 << UInt64(precision)
    var running: UInt64 = 0
    var cumulative: [UInt32] = [0]
    cumulative.reserveCapacity(frequencies.count + 1)
    for (symbol, frequency) in frequencies.enumerated() {
      guard frequency > 0 else { throw .invalidTable(.zeroFrequency(symbol: symbol)) }
      running += UInt64(frequency)
      guard running <= expected else {
        let sum = frequencies.reduce(UInt64(0)) { $0 + UInt64($1) }
        throw .invalidTable(.wrongTotal(expected: expected, actual: sum))
      }
      cumulative.append(UInt32(running))
    }
    try self.init(minimum: minimum, cumulativeFrequencies: cumulative, precision: precision)
  }

  /// The frequency of `symbol`, out of ``total``.
  ///
  /// - Parameter symbol: an index in `0..<symbolCount`.
  public func frequency(ofSymbol symbol: Int) -> UInt32 {
    cumulativeFrequencies[symbol + 1] - cumulativeFrequencies[symbol]
  }

  /// The symbol that codes `value`: its offset from ``minimum``, or ``escapeSymbol`` when the
  /// value lies outside `minimum...maximum`.
  public func symbol(forValue value: Int32) -> Int {
    value >= minimum && value <= maximum ? Int(value) - Int(minimum) : escapeSymbol
  }
}
