/// A failure to decode an entropy-coded stream or to build or load a frequency table.
public enum EntropyCodingError: Error, Equatable, Sendable {
  /// The stream ends before the requested symbols: the decoder needed more than 7 bytes
  /// past the `byteCount` bytes it was given.
  case truncatedStream(byteCount: Int)

  /// The stream holds `count` bytes more than the decoded symbols can account for.
  case trailingBytes(count: Int)

  /// The decoder reached a state no encoder produces, near input byte `byteOffset`.
  case corruptStream(byteOffset: Int, reason: String)

  /// An escape code decoded to a value that does not fit in `Int32`.
  case escapedValueOutOfRange(Int64)

  /// A symbol asked for table `index`, but only `tableCount` tables exist.
  case tableIndexOutOfRange(index: Int, tableCount: Int)

  /// A frequency table or its stored form breaks an invariant.
  case invalidTable(FrequencyTableDefect)
}

/// The invariant a frequency table, its source probabilities or its stored bytes break.
public enum FrequencyTableDefect: Equatable, Sendable {
  /// The precision is outside 1...16 bits.
  case precisionOutOfRange(Int)

  /// The value range is empty or does not fit in `Int32`.
  case valueRangeOutOfBounds(minimum: Int64, maximum: Int64)

  /// The table has `count` symbols (escape included) but its precision allows `limit`.
  case tooManySymbols(count: Int, limit: Int)

  /// The cumulative frequencies do not start at zero.
  case cumulativeStartNotZero(UInt32)

  /// Cumulative frequency `index` is below the one before it.
  case nonMonotone(index: Int, previous: UInt32, value: UInt32)

  /// Symbol `symbol` has frequency zero, so it could never be coded.
  case zeroFrequency(symbol: Int)

  /// The frequencies sum to `actual` instead of `expected`, which is 2^precision.
  case wrongTotal(expected: UInt64, actual: UInt64)

  /// Probability `index` is negative, infinite or NaN (the escape is the last index).
  case invalidProbability(index: Int, value: Double)

  /// A cumulative distribution function returned `value`, which is not a probability, at
  /// `argument`.
  case cdfOutOfRange(argument: Double, value: Double)

  /// The probabilities sum to zero, so they describe no distribution.
  case zeroProbabilityMass

  /// The tail mass is outside (0, 1).
  case tailMassOutOfRange(Double)

  /// The stored form ends after `available` bytes where `needed` are required.
  case truncatedData(needed: Int, available: Int)

  /// The stored form is followed by `count` bytes that belong to nothing.
  case trailingData(count: Int)

  /// The stored form has a format version this code does not read.
  case unsupportedVersion(UInt8)

  /// Scale `index` of a Gaussian conditional is not positive and finite, or is not above
  /// the one before it.
  case invalidScale(index: Int, value: Double)

  /// A Gaussian conditional has no scales.
  case noScales

  /// A Gaussian conditional has `scaleCount` scales but `tableCount` tables.
  case scaleCountMismatch(scaleCount: Int, tableCount: Int)
}

extension EntropyCodingError: CustomStringConvertible {
  /// A readable explanation that names the offending value.
  public var description: String {
    switch self {
    case .truncatedStream(let byteCount):
      return "entropy-coded stream is truncated: its \(byteCount) bytes end before the "
        + "requested symbols"
    case .trailingBytes(let count):
      return "entropy-coded stream has \(count) unexpected trailing byte(s) after its symbols"
    case .corruptStream(let byteOffset, let reason):
      return "entropy-coded stream is corrupt near byte \(byteOffset): \(reason)"
    case .escapedValueOutOfRange(let value):
      return "entropy-coded stream is corrupt: escaped value \(value) does not fit in Int32"
    case .tableIndexOutOfRange(let index, let tableCount):
      return "table index \(index) is out of range: there are \(tableCount) tables"
    case .invalidTable(let defect):
      return "invalid frequency table: \(defect)"
    }
  }
}

extension FrequencyTableDefect: CustomStringConvertible {
  /// A readable explanation that names the offending value.
  public var description: String {
    switch self {
    case .precisionOutOfRange(let precision):
      return "precision \(precision) bits is outside 1...16"
    case .valueRangeOutOfBounds(let minimum, let maximum):
      return "value range [\(minimum), \(maximum)] is empty or outside Int32"
    case .tooManySymbols(let count, let limit):
      return "\(count) symbols (escape included) exceed the \(limit) the precision allows"
    case .cumulativeStartNotZero(let value):
      return "cumulative frequencies start at \(value) instead of 0"
    case .nonMonotone(let index, let previous, let value):
      return "cumulative frequency \(index) is \(value), below the previous \(previous)"
    case .zeroFrequency(let symbol):
      return "symbol \(symbol) has frequency 0; every symbol needs at least 1"
    case .wrongTotal(let expected, let actual):
      return "frequencies sum to \(actual) instead of \(expected)"
    case .invalidProbability(let index, let value):
      return "probability \(index) is \(value); probabilities must be finite and >= 0"
    case .cdfOutOfRange(let argument, let value):
      return "the CDF returned \(value) at \(argument); it must return values in [0, 1]"
    case .zeroProbabilityMass:
      return "probabilities sum to 0"
    case .tailMassOutOfRange(let tailMass):
      return "tail mass \(tailMass) is outside (0, 1)"
    case .truncatedData(let needed, let available):
      return "stored table needs \(needed) bytes but only \(available) remain"
    case .trailingData(let count):
      return "stored table is followed by \(count) unexpected byte(s)"
    case .unsupportedVersion(let version):
      return "stored table format version \(version) is not supported (expected 1)"
    case .invalidScale(let index, let value):
      return "scale \(index) is \(value); scales must be positive, finite and increasing"
    case .noScales:
      return "a Gaussian conditional needs at least one scale"
    case .scaleCountMismatch(let scaleCount, let tableCount):
      return "\(scaleCount) scales but \(tableCount) tables"
    }
  }
}
