/// Unsigned LEB128 variable-length integers, and the zigzag map for signed values.
///
/// A value is cut into groups of 7 bits, least significant group first; every byte but the
/// last has bit 7 set. A `UInt64` takes 1 to 10 bytes. Decoding is strict: more than 64 bits
/// is an overflow, and a form longer than needed (a final `0x00` byte after others) is
/// refused, so every value has exactly one encoding.
public enum Varint {
  /// The most bytes a 64-bit varint can take.
  public static let maximumLength = 10

  /// Why a varint could not be decoded.
  public enum Failure: Error, Equatable, Sendable {
    /// The bytes ended before a byte without the continuation bit.
    case truncated
    /// The value needs more than 64 bits.
    case overflow
    /// The value was written with more bytes than it needs.
    case overlong
  }

  /// The number of bytes `value` takes: `max(1, ceil(bitWidth / 7))`.
  public static func encodedLength(_ value: UInt64) -> Int {
    let significantBits = UInt64.bitWidth - value.leadingZeroBitCount
    return max(1, (significantBits + 6) / 7)
  }

  /// Appends the encoding of `value` to `bytes`.
  public static func append(_ value: UInt64, to bytes: inout [UInt8]) {
    var remaining = value
    while remaining >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
      remaining >>= 7
    }
    bytes.append(UInt8(remaining))
  }

  /// The encoding of `value`.
  public static func encode(_ value: UInt64) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(encodedLength(value))
    append(value, to: &bytes)
    return bytes
  }

  /// Decodes the varint that starts at `offset` and moves `offset` past it.
  ///
  /// On failure `offset` is left unchanged.
  ///
  /// - Parameters:
  ///   - bytes: The bytes to read from.
  ///   - offset: Where the varint starts; on success, where the next field starts.
  /// - Throws: `Failure.truncated`, `.overflow` or `.overlong`.
  public static func decode(
    _ bytes: [UInt8], at offset: inout Int
  ) throws(Failure) -> UInt64 {
    precondition(offset >= 0, "a varint cannot start before the first byte")
    var value: UInt64 = 0
    var position = offset
    for index in 0..<maximumLength {
      guard position < bytes.count else { throw .truncated }
      let byte = bytes[position]
      position += 1
      // The tenth byte holds bit 63 alone; anything above bit 0 there is lost.
      if index == maximumLength - 1 && byte > 0x01 { throw .overflow }
      value |= UInt64(byte & 0x7F) << UInt64(7 * index)
      if byte & 0x80 == 0 {
        if byte == 0 && index > 0 { throw .overlong }
        offset = position
        return value
      }
    }
    throw .overflow
  }

  /// The zigzag map of a signed value: 0, -1, 1, -2, 2 ... become 0, 1, 2, 3, 4 ...
  ///
  /// Formula: `(n << 1) ^ (n >> 63)`, with an arithmetic right shift.
  public static func zigzag(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value << 1) ^ (value >> 63))
  }

  /// The signed value of a zigzag-mapped one; the inverse of `zigzag(_:)`.
  ///
  /// Formula: `(u >> 1) ^ -(u & 1)`.
  public static func unzigzag(_ value: UInt64) -> Int64 {
    Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
  }
}
