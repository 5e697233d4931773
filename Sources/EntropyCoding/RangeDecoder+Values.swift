extension RangeDecoder {
  /// Decodes a value written by ``RangeEncoder/encode(value:table:)``, escape code included.
  ///
  /// - Parameter table: the table the encoder used for this value.
  /// - Returns: the value.
  /// - Throws: ``EntropyCodingError/corruptStream(byteOffset:reason:)`` for an escape code
  ///   with more than 31 leading zeros, ``EntropyCodingError/escapedValueOutOfRange(_:)``
  ///   when the escape lands outside `Int32`, and the errors of ``decode(table:)``.
  public mutating func decodeValue(table: FrequencyTable) throws(EntropyCodingError) -> Int32 {
    let symbol = try decode(table: table)
    if symbol != table.escapeSymbol {
      // symbol <= maximum - minimum, so the sum stays within Int32.
      return table.minimum + Int32(truncatingIfNeeded: symbol)
    }
    return try decodeEscape(minimum: table.minimum, maximum: table.maximum)
  }

  /// Decodes the escape code that follows an escape symbol of a table covering
  /// `minimum...maximum`.
  mutating func decodeEscape(minimum: Int32, maximum: Int32) throws(EntropyCodingError) -> Int32 {
    let isBelow = try decodeBits(count: 1) == 1
    // A distance below 2^32 has at most 31 leading zeros in its gamma code; stop there.
    var leadingZeros = 0
    while try decodeBits(count: 1) == 0 {
      leadingZeros += 1
      guard leadingZeros < UInt32.bitWidth else {
        throw .corruptStream(byteOffset: position, reason: "escape code longer than 32 bits")
      }
    }
    let lowBits = try decodeBits(count: leadingZeros)
    let distance = (Int64(1) << Int64(leadingZeros)) | Int64(lowBits)
    let value = isBelow ? Int64(minimum) - distance : Int64(maximum) + distance
    guard let result = Int32(exactly: value) else {
      throw .escapedValueOutOfRange(value)
    }
    return result
  }
}
