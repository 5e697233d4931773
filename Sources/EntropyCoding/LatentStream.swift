/// Codes a whole tensor of quantized latents as one tightly ended stream, each element with
/// the table its index selects.
///
/// The layout of `values` is the caller's (for example NCHW, row-major); `tableIndices` has
/// the same layout. For a factorized prior the index of an element is its channel; for a
/// scale hyperprior it is ``GaussianConditional/tableIndex(forScale:)`` of its predicted
/// scale. Values outside a table's range are escaped, so any `Int32` round-trips.
public enum LatentStream {
  /// Encodes `values[i]` with `tables[tableIndices[i]]` for every `i`, in order.
  ///
  /// - Parameters:
  ///   - values: the quantized latents.
  ///   - tableIndices: one table index per value, each in `0..<tables.count`.
  ///   - tables: the tables the decoder will also be given.
  /// - Returns: the stream; its length is within about a byte of the ideal code length.
  /// - Complexity: O(n) for n values, plus O(total table size) to gather the tables.
  public static func encode(
    values: [Int32], tableIndices: [Int], tables: [FrequencyTable]
  ) -> [UInt8] {
    precondition(
      values.count == tableIndices.count,
      "\(values.count) values but \(tableIndices.count) table indices")
    let packed = PackedTables(tables)
    var encoder = RangeEncoder(reservingCapacity: values.count / 2 + 8)
    for (value, tableIndex) in zip(values, tableIndices) {
      precondition(
        tableIndex >= 0 && tableIndex < tables.count,
        "table index \(tableIndex) is outside 0..<\(tables.count)")
      // The same steps as RangeEncoder.encode(value:table:), on the packed tables.
      let entry = packed.entries[tableIndex]
      let isEscape = value < entry.minimum || value > entry.maximum
      let symbol = isEscape ? entry.escapeSymbol : Int(value) - Int(entry.minimum)
      let start = packed.cumulative[entry.cumulativeOffset + symbol]
      let end = packed.cumulative[entry.cumulativeOffset + symbol + 1]
      encoder.encode(
        cumulative: UInt64(start), frequency: UInt64(end - start), precision: entry.precision)
      if isEscape {
        encoder.encodeEscape(value: value, minimum: entry.minimum, maximum: entry.maximum)
      }
    }
    return encoder.finish()
  }

  /// Decodes `tableIndices.count` values written by ``encode(values:tableIndices:tables:)``
  /// with the same indices and tables.
  ///
  /// - Parameters:
  ///   - bytes: the stream, exactly as long as the encoder wrote it.
  ///   - tableIndices: one table index per value to decode.
  ///   - tables: the tables the encoder used.
  /// - Returns: the values, in the layout of `tableIndices`.
  /// - Throws: ``EntropyCodingError/tableIndexOutOfRange(index:tableCount:)`` for a bad
  ///   index, ``EntropyCodingError/trailingBytes(count:)`` when `bytes` runs on past the
  ///   stream, and the errors of ``RangeDecoder/decodeValue(table:)`` for a truncated or
  ///   corrupt stream. What the decoder can and cannot detect is listed on ``RangeDecoder``.
  /// - Complexity: O(n) for n values, plus O(total table size) to gather the tables.
  public static func decode(
    bytes: [UInt8], tableIndices: [Int], tables: [FrequencyTable]
  ) throws(EntropyCodingError) -> [Int32] {
    let packed = PackedTables(tables)
    var decoder = RangeDecoder(bytes: bytes)
    var values: [Int32] = []
    values.reserveCapacity(tableIndices.count)
    for tableIndex in tableIndices {
      guard tableIndex >= 0 && tableIndex < tables.count else {
        throw .tableIndexOutOfRange(index: tableIndex, tableCount: tables.count)
      }
      // The same steps as RangeDecoder.decodeValue(table:), on the packed tables.
      let entry = packed.entries[tableIndex]
      let target = try decoder.beginSymbol(precision: entry.precision)
      let symbol = FrequencyTable.symbol(
        forCumulative: target, cumulative: packed.cumulative,
        cumulativeOffset: entry.cumulativeOffset, searchIndex: packed.searchIndex,
        searchOffset: entry.searchOffset, precision: entry.precision)
      let start = packed.cumulative[entry.cumulativeOffset + symbol]
      let end = packed.cumulative[entry.cumulativeOffset + symbol + 1]
      try decoder.endSymbol(start: start, frequency: end - start)
      if symbol == entry.escapeSymbol {
        values.append(try decoder.decodeEscape(minimum: entry.minimum, maximum: entry.maximum))
      } else {
        values.append(entry.minimum + Int32(truncatingIfNeeded: symbol))
      }
    }
    try decoder.finish()
    return values
  }
}
