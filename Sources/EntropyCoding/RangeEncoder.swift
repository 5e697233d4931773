/// A byte-oriented range encoder with a 64-bit state and a tight end of stream.
///
/// Why a range coder and not rANS: the payloads here are tiny (about ten bytes for a 28x28
/// digit), so the bytes spent to end a stream dominate. A range coder ends with the current
/// interval, and the shortest byte string inside it costs at most one byte above the
/// information content; rANS must flush its whole state (four bytes or more for a useful
/// state size) and codes in reverse order, which complicates interleaving raw escape bits.
///
/// Why 64 bits: the quotient `range >> precision` truncates, and the width it loses is up to
/// `1 / quotient` of the interval. A 32-bit coder keeps its width at 2^24 or more, so the
/// quotient can fall to 2^8 and a symbol can cost 0.5% more than its probability says,
/// which on a stream of near-certain symbols is many times their ideal cost. Here the
/// quotient is at least 2^32 and the loss is negligible.
///
/// State and arithmetic (all integer, identical on every machine):
/// - `low` holds the low end of the interval in a 56-bit window, plus a carry bit at 2^56;
///   `range` is the width, kept in [2^48, 2^56] by shifting out bytes.
/// - Coding a symbol with cumulative frequency `c`, frequency `f` and precision `p`:
///   `r = range >> p`, `low += r * c`, `range = r * f`. The part of the interval above
///   `r * 2^p` is never used; it is under 2^-32 of the width.
/// - A byte leaving the window cannot be written until no later carry can change it: the
///   encoder keeps the last byte below 0xFF and a count of 0xFF bytes after it, and a carry
///   turns them into `byte + 1` followed by zeros.
///
/// The stream is read back by ``RangeDecoder``, which pads missing trailing bytes with zero.
///
/// - Complexity: O(1) per symbol; output grows by about `-log2(probability)` bits per symbol.
public struct RangeEncoder: Sendable {
  private var low: UInt64 = 0
  private var range: UInt64 = RangeCoding.windowLimit
  private var bytes: [UInt8] = []
  // The byte that left the window last and may still receive a carry. Before the first shift
  // it stands for a virtual leading zero that is never written.
  private var pendingByte: UInt8 = 0
  private var pendingByteIsVirtual = true
  // How many 0xFF bytes follow `pendingByte`; a carry turns each into 0x00.
  private var pendingFFCount = 0

  /// Creates an encoder with an empty output.
  public init() {}

  /// Creates an encoder whose output buffer reserves room for about `capacity` bytes.
  ///
  /// - Parameter capacity: the expected number of output bytes; only a hint.
  public init(reservingCapacity capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  /// The number of bytes written so far, not counting the few still held in the state.
  public var writtenByteCount: Int { bytes.count }

  /// Codes one symbol of `table`.
  ///
  /// - Parameters:
  ///   - symbol: an index in `0..<table.symbolCount`; ``FrequencyTable/escapeSymbol`` is the
  ///     last one. Use ``encode(value:table:)`` to code a value with its escape.
  ///   - table: the frequency table the decoder will use for this symbol.
  public mutating func encode(symbol: Int, table: FrequencyTable) {
    precondition(
      symbol >= 0 && symbol < table.symbolCount,
      "symbol \(symbol) is outside the table's 0..<\(table.symbolCount)")
    let start = table.cumulativeFrequencies[symbol]
    let end = table.cumulativeFrequencies[symbol + 1]
    encode(cumulative: UInt64(start), frequency: UInt64(end - start), precision: table.precision)
  }

  /// Codes `count` raw bits of `bits`, most significant first, each with probability 1/2.
  ///
  /// The decoder must read them with ``RangeDecoder/decodeBits(count:)`` and the same
  /// `count`: the interval is split in one step (per 16 bits), and because each step
  /// truncates, `n` bits coded at once do not match `n` bits coded one by one.
  ///
  /// - Parameters:
  ///   - bits: the value; only its low `count` bits are coded.
  ///   - count: the number of bits, 0 through 32.
  public mutating func encodeBits(_ bits: UInt32, count: Int) {
    precondition(count >= 0 && count <= 32, "bypass bit count \(count) is outside 0...32")
    var remaining = count
    while remaining > 0 {
      let step = min(remaining, RangeCoding.maximumBypassBitsPerStep)
      remaining -= step
      let chunk = (UInt64(bits) >> UInt64(remaining)) & ((1 << UInt64(step)) - 1)
      encode(cumulative: chunk, frequency: 1, precision: step)
    }
  }

  /// Narrows the interval to `[c, c + f)` out of `2^precision` and renormalizes.
  @inline(__always)
  mutating func encode(cumulative: UInt64, frequency: UInt64, precision: Int) {
    let quotient = range >> UInt64(precision)
    low += quotient * cumulative
    range = quotient * frequency
    while range < RangeCoding.renormalizationThreshold {
      range <<= 8
      shiftLow()
    }
  }

  /// Moves the top byte of the window into the carry-pending bytes.
  private mutating func shiftLow() {
    // Bits 48..56 of `low`: the leaving byte and the carry above it.
    let top = low >> RangeCoding.topByteShift
    if top == 0xFF {
      // A later carry could still turn this byte into 0x00 and bump the pending byte.
      pendingFFCount += 1
    } else {
      let carry = UInt8(truncatingIfNeeded: top >> 8)
      releasePending(carry: carry)
      pendingByte = UInt8(truncatingIfNeeded: top)
      pendingByteIsVirtual = false
    }
    // The shift pushes the byte just handled (and any carry) past bit 56; the mask drops it.
    low = (low << 8) & RangeCoding.windowMask
  }

  /// Writes the pending byte and the 0xFF bytes after it, adding `carry` (0 or 1).
  private mutating func releasePending(carry: UInt8) {
    if pendingByteIsVirtual {
      // The code value is below 1, so nothing can carry into the virtual leading byte.
      precondition(carry == 0, "carry out of the first byte: the coder state is corrupt")
    } else {
      // The pending byte is 0xFF only when a carry produced it (top bits 0x1FF). The
      // interval's upper end then sits below 2^56 after the shift, and stays below the next
      // carry point until that byte is written, so no carry reaches it and this cannot wrap.
      bytes.append(pendingByte + carry)
    }
    let filler: UInt8 = carry == 0 ? 0xFF : 0x00
    for _ in 0..<pendingFFCount {
      bytes.append(filler)
    }
    pendingFFCount = 0
  }

  /// Ends the stream with the fewest bytes that still identify the final interval.
  ///
  /// The decoder pads with zero bytes, so the encoder picks the value in
  /// `[low, low + range)` whose window part has the fewest nonzero leading bytes: the
  /// smallest `k` with a multiple of `2^(56 - 8k)` in the interval. As `range >= 2^48`,
  /// `k` is 0 or 1; with `s` bytes already shifted out the output is `s + k` bytes, at most
  /// one byte above the information content `8s + 56 - log2(range)` bits.
  ///
  /// - Returns: the complete stream.
  public consuming func finish() -> [UInt8] {
    var windowBytesToWrite = 0
    var value: UInt64 = 0
    for byteCount in 0...1 {
      let granularity: UInt64 = 1 << UInt64(RangeCoding.windowBits - 8 * byteCount)
      // The smallest multiple of the granularity at or above `low`; `low < 2^57` keeps this
      // from overflowing.
      let candidate = (low + granularity - 1) / granularity * granularity
      if candidate - low < range {
        value = candidate
        windowBytesToWrite = byteCount
        break
      }
    }
    low = value
    for _ in 0..<windowBytesToWrite {
      shiftLow()
    }
    // A carry left in `low` (only when no window byte was written) belongs to the pending run.
    releasePending(carry: UInt8(truncatingIfNeeded: low >> UInt64(RangeCoding.windowBits)))
    return bytes
  }
}
