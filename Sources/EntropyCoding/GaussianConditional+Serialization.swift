extension GaussianConditional {
  /// The version byte that starts a stored Gaussian conditional.
  static let serializationVersion: UInt8 = 1

  /// The scales and tables in their stored form, all integers little-endian:
  ///
  /// | bytes | field |
  /// | --- | --- |
  /// | 1 | format version, 1 |
  /// | 4 | scale count `k`, UInt32 |
  /// | 8k | scales, IEEE 754 binary64 bit patterns as UInt64 |
  /// | … | `k` tables, each as ``FrequencyTable/serialized()`` |
  ///
  /// Storing the scales' exact bits keeps ``tableIndex(forScale:)`` identical everywhere.
  public func serialized() -> [UInt8] {
    var bytes: [UInt8] = [Self.serializationVersion]
    bytes.appendLittleEndian(UInt32(scales.count))
    for scale in scales {
      bytes.appendLittleEndian(scale.bitPattern)
    }
    for table in tables {
      bytes.append(contentsOf: table.serialized())
    }
    return bytes
  }

  /// Reads a Gaussian conditional stored by ``serialized()`` from `bytes` at `offset`, then
  /// advances `offset` past it.
  ///
  /// - Parameters:
  ///   - bytes: a buffer holding the stored form at `offset`.
  ///   - offset: where it starts, in `0...bytes.count`; on success, where it ends.
  /// - Throws: ``EntropyCodingError/invalidTable(_:)`` for a short buffer, an unknown
  ///   version, a bad scale or any invalid table.
  public init(serialized bytes: [UInt8], offset: inout Int) throws(EntropyCodingError) {
    var reader = LittleEndianReader(bytes, offset: offset)
    let version = try reader.read(UInt8.self)
    guard version == Self.serializationVersion else {
      throw .invalidTable(.unsupportedVersion(version))
    }
    let count = Int(try reader.read(UInt32.self))
    // Check the length before allocating, so a damaged count cannot ask for gigabytes.
    try reader.require(8 * count)
    var scales: [Double] = []
    scales.reserveCapacity(count)
    for _ in 0..<count {
      scales.append(Double(bitPattern: try reader.read(UInt64.self)))
    }

    var tableOffset = reader.offset
    var tables: [FrequencyTable] = []
    tables.reserveCapacity(count)
    for _ in 0..<count {
      tables.append(try FrequencyTable(serialized: bytes, offset: &tableOffset))
    }
    try self.init(scales: scales, tables: tables)
    offset = tableOffset
  }
}
