extension RangeEncoder {
  /// Codes `value` with `table`: its own symbol when it lies in `minimum...maximum`,
  /// otherwise the escape symbol followed by an escape code.
  ///
  /// The escape code, all in raw bits of probability 1/2:
  /// - one direction bit, 0 when the value lies above `maximum` and 1 when below `minimum`;
  /// - the distance `d >= 1` from the nearer end of the range (`value - maximum` or
  ///   `minimum - value`, at most 2^32 - 1) as an Elias gamma code: with `L` the bit length
  ///   of `d`, `L - 1` zero bits and then the `L` bits of `d` from the most significant,
  ///   which is a one. The escape thus costs `2L` bits after the escape symbol, 64 at most.
  ///
  /// - Parameters:
  ///   - value: any `Int32`.
  ///   - table: the table the decoder will use for this value.
  public mutating func encode(value: Int32, table: FrequencyTable) {
    let symbol = table.symbol(forValue: value)
    encode(symbol: symbol, table: table)
    if symbol == table.escapeSymbol {
      encodeEscape(value: value, minimum: table.minimum, maximum: table.maximum)
    }
  }

  /// Codes the escape code of `value`, which lies outside `minimum...maximum`.
  mutating func encodeEscape(value: Int32, minimum: Int32, maximum: Int32) {
    let isBelow = value < minimum
    let distance =
      isBelow ? UInt32(Int64(minimum) - Int64(value)) : UInt32(Int64(value) - Int64(maximum))
    let bitLength = UInt32.bitWidth - distance.leadingZeroBitCount
    encodeBits(isBelow ? 1 : 0, count: 1)
    // The decoder reads the unary part a bit at a time, so it must be written that way: raw
    // bits coded in one step do not split into the same interval as bits coded one by one.
    for _ in 0..<(bitLength - 1) {
      encodeBits(0, count: 1)
    }
    encodeBits(1, count: 1)
    encodeBits(distance, count: bitLength - 1)
  }
}
