/// Reads a stream written by ``RangeEncoder``, symbol by symbol, with the same tables.
///
/// The decoder keeps `code`, the distance from the interval's low end to the stream's value,
/// in the same 56-bit window as the encoder, and mirrors every step: `r = range >> p`, the
/// symbol is the one whose cumulative interval holds `code / r`, then `code -= r * c` and
/// `range = r * f`. Bytes past the end of the input read as zero, matching the encoder's
/// tight end.
///
/// What the decoder detects (everything else decodes to wrong but bounded output, which the
/// container's checksum catches):
/// - Truncation: a complete stream never makes the decoder read more than 7 bytes past its
///   end, and reading an 8th throws ``EntropyCodingError/truncatedStream(byteCount:)``. A
///   stream missing two or more trailing bytes is therefore always reported while the
///   decoder follows the encoder's path, and one missing byte is reported when the encoder
///   ended on a whole byte. Lost bytes that change the decoded symbols change the path too;
///   then the error may come later or not at all.
/// - Excess input: a complete stream leaves the decoder 6 or 7 bytes past its end, and
///   ``finish()`` throws ``EntropyCodingError/trailingBytes(count:)`` when it is fewer. Two
///   or more extra bytes are therefore reported unless they change the decoded symbols;
///   extra zero bytes never do, since they read like the padding.
/// - Impossible states: a code value in the unused top of the interval (`code / r >= 2^p`),
///   an escape code longer than 32 bits or an escaped value outside `Int32` throw
///   ``EntropyCodingError/corruptStream(byteOffset:reason:)`` or
///   ``EntropyCodingError/escapedValueOutOfRange(_:)``. The unused part is below 2^-32 of the
///   interval, so random damage is rarely caught this way.
///
/// Every loop is bounded: at most two bytes are read per symbol and at most 64 raw bits per
/// escape, so a damaged stream costs no more time than an intact one of the same length.
public struct RangeDecoder: Sendable {
  private let bytes: [UInt8]
  // Bytes read so far, padding included.
  private(set) var position = 0
  private var code: UInt64 = 0
  private var range: UInt64 = RangeCoding.windowLimit
  // `range >> precision` of the symbol being decoded, kept between its two halves.
  private var quotient: UInt64 = 0

  /// Starts decoding `bytes` by reading the first 7 bytes into the window.
  ///
  /// - Parameter bytes: the stream; it may be shorter than 7 bytes, or empty.
  public init(bytes: [UInt8]) {
    self.bytes = bytes
    for _ in 0..<RangeCoding.windowBytes {
      // At most 7 padding bytes here, which is within the allowance, so this cannot throw.
      code = (code << 8) | UInt64(byteOrPadding())
    }
  }

  /// The number of bytes past the end of the input read so far (each read as zero).
  public var paddingBytesRead: Int { max(0, position - bytes.count) }

  /// Decodes one symbol of `table`.
  ///
  /// - Parameter table: the table the encoder used for this symbol.
  /// - Returns: an index in `0..<table.symbolCount`; the last one is the escape symbol.
  /// - Throws: ``EntropyCodingError/truncatedStream(byteCount:)`` when the input
  ///   ends too early, ``EntropyCodingError/corruptStream(byteOffset:reason:)`` when the code
  ///   value falls where no symbol lies.
  public mutating func decode(table: FrequencyTable) throws(EntropyCodingError) -> Int {
    let target = try beginSymbol(precision: table.precision)
    let symbol = table.symbol(forCumulative: target)
    let start = table.cumulativeFrequencies[symbol]
    try endSymbol(start: start, frequency: table.cumulativeFrequencies[symbol + 1] - start)
    return symbol
  }

  /// Decodes `count` raw bits written by ``RangeEncoder/encodeBits(_:count:)`` with the same
  /// `count`.
  ///
  /// - Parameter count: the number of bits, 0 through 32.
  /// - Returns: the bits, the first decoded in the most significant place.
  /// - Throws: the same errors as ``decode(table:)``.
  public mutating func decodeBits(count: Int) throws(EntropyCodingError) -> UInt32 {
    precondition(count >= 0 && count <= 32, "bypass bit count \(count) is outside 0...32")
    var remaining = count
    var bits: UInt32 = 0
    while remaining > 0 {
      let step = min(remaining, RangeCoding.maximumBypassBitsPerStep)
      remaining -= step
      let chunk = try beginSymbol(precision: step)
      try endSymbol(start: chunk, frequency: 1)
      bits = (bits << UInt32(step)) | chunk
    }
    return bits
  }

  /// The first half of decoding a symbol: the position `code / (range >> precision)` in
  /// `0..<2^precision` whose cumulative interval names the symbol.
  ///
  /// Follow it with ``endSymbol(start:frequency:)`` for the symbol found.
  @inline(__always)
  mutating func beginSymbol(precision: Int) throws(EntropyCodingError) -> UInt32 {
    quotient = range >> UInt64(precision)
    let target = code / quotient
    // Only the unused top sliver of the interval, below 2^-32 of it, gets here.
    guard target < 1 << UInt64(precision) else {
      throw .corruptStream(
        byteOffset: position, reason: "code value in the unused top of the interval")
    }
    return UInt32(truncatingIfNeeded: target)
  }

  /// The second half of decoding a symbol: narrows the interval to `[start, start +
  /// frequency)` as the encoder did and renormalizes.
  @inline(__always)
  mutating func endSymbol(start: UInt32, frequency: UInt32) throws(EntropyCodingError) {
    code -= quotient * UInt64(start)
    range = quotient * UInt64(frequency)
    try renormalize()
  }

  /// Checks that the input held no bytes beyond the end of the stream.
  ///
  /// Call it after the last symbol. A tight stream leaves the decoder 6 or 7 bytes past the
  /// end of the input; fewer means the input is longer than what was encoded.
  ///
  /// - Throws: ``EntropyCodingError/trailingBytes(count:)`` with the number of bytes beyond
  ///   the longest stream the decoded symbols could have come from.
  public func finish() throws(EntropyCodingError) {
    let padding = position - bytes.count
    if padding < RangeCoding.minimumPaddingBytes {
      throw .trailingBytes(count: RangeCoding.minimumPaddingBytes - padding)
    }
  }

  /// Shifts in bytes until the width is back in [2^48, 2^56].
  @inline(__always)
  private mutating func renormalize() throws(EntropyCodingError) {
    // The width after a step is at least 2^48 >> 16 = 2^32, so this runs at most twice.
    while range < RangeCoding.renormalizationThreshold {
      guard position - bytes.count < RangeCoding.maximumPaddingBytes else {
        throw .truncatedStream(byteCount: bytes.count)
      }
      code = (code << 8) | UInt64(byteOrPadding())
      range <<= 8
    }
  }

  /// The next input byte, or zero past the end; advances the position either way.
  @inline(__always)
  private mutating func byteOrPadding() -> UInt8 {
    let byte = position < bytes.count ? bytes[position] : 0
    position += 1
    return byte
  }
}
