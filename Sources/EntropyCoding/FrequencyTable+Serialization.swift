extension FrequencyTable {
  /// The version byte that starts every stored table.
  static let serializationVersion: UInt8 = 1

  /// The table in its stored form, all integers little-endian:
  ///
  /// | bytes | field |
  /// | --- | --- |
  /// | 1 | format version, 1 |
  /// | 1 | precision in bits, 1...16 |
  /// | 4 | minimum, Int32 |
  /// | 4 | value count `m = maximum - minimum + 1`, UInt32 |
  /// | 2(m + 1) | frequencies of the `m` values and then the escape, UInt16 each |
  ///
  /// Every frequency fits in 16 bits because a table has at least two symbols, each with
  /// frequency at least 1, summing to at most 2^16.
  ///
  /// - Complexity: O(n); the result is `10 + 2n` bytes for n symbols.
  public func serialized() -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(10 + 2 * symbolCount)
    bytes.append(Self.serializationVersion)
    bytes.append(UInt8(precision))
    bytes.appendLittleEndian(minimum)
    bytes.appendLittleEndian(UInt32(symbolCount - 1))
    for symbol in 0..<symbolCount {
      bytes.appendLittleEndian(UInt16(frequency(ofSymbol: symbol)))
    }
    return bytes
  }

  /// Reads a table stored by ``serialized()`` that fills `bytes` exactly.
  ///
  /// - Parameter bytes: the stored table.
  /// - Throws: ``EntropyCodingError/invalidTable(_:)`` for a short or overlong buffer, an
  ///   unknown version, or a table that breaks an invariant (zero frequency, wrong total,
  ///   bad precision or range).
  public init(serialized bytes: [UInt8]) throws(EntropyCodingError) {
    var offset = 0
    try self.init(serialized: bytes, offset: &offset)
    guard offset == bytes.count else {
      throw .invalidTable(.trailingData(count: bytes.count - offset))
    }
  }

  /// Reads a table stored by ``serialized()`` from `bytes` at `offset`, then advances
  /// `offset` past it; use this to read several tables from one buffer.
  ///
  /// - Parameters:
  ///   - bytes: a buffer holding the stored table at `offset`.
  ///   - offset: where the table starts, in `0...bytes.count`; on success, where it ends.
  /// - Throws: ``EntropyCodingError/invalidTable(_:)`` as ``init(serialized:)`` does; the
  ///   value count is checked against the precision before anything is allocated.
  public init(serialized bytes: [UInt8], offset: inout Int) throws(EntropyCodingError) {
    var reader = LittleEndianReader(bytes, offset: offset)
    let version = try reader.read(UInt8.self)
    guard version == Self.serializationVersion else {
      throw .invalidTable(.unsupportedVersion(version))
    }
    let precision = Int(try reader.read(UInt8.self))
    guard precision >= 1 && precision <= RangeCoding.maximumPrecision else {
      throw .invalidTable(.precisionOutOfRange(precision))
    }
    let minimum = try reader.read(Int32.self)
    let valueCount = Int(try reader.read(UInt32.self))
    guard valueCount + 1 <= 1 << precision else {
      throw .invalidTable(.tooManySymbols(count: valueCount + 1, limit: 1 << precision))
    }
    try reader.require(2 * (valueCount + 1))

    var frequencies: [UInt32] = []
    frequencies.reserveCapacity(valueCount + 1)
    for _ in 0...valueCount {
      frequencies.append(UInt32(try reader.read(UInt16.self)))
    }
    try self.init(minimum: minimum, frequencies: frequencies, precision: precision)
    offset = reader.offset
  }
}
