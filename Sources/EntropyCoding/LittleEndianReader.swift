/// Reads little-endian integers from a byte array, reporting a short read as a table error.
struct LittleEndianReader {
  private let bytes: [UInt8]

  /// The index of the next byte to read.
  private(set) var offset: Int

  /// Creates a reader of `bytes` starting at `offset`.
  init(_ bytes: [UInt8], offset: Int = 0) {
    precondition(offset >= 0 && offset <= bytes.count, "offset \(offset) is outside the bytes")
    self.bytes = bytes
    self.offset = offset
  }

  /// The number of bytes not read yet.
  var remaining: Int { bytes.count - offset }

  /// Throws unless at least `count` more bytes can be read.
  func require(_ count: Int) throws(EntropyCodingError) {
    guard count <= remaining else {
      throw .invalidTable(.truncatedData(needed: count, available: remaining))
    }
  }

  /// Reads a `T` stored as `T.bitWidth / 8` bytes, least significant first.
  mutating func read<T: FixedWidthInteger>(_ type: T.Type) throws(EntropyCodingError) -> T {
    let size = T.bitWidth / 8
    try require(size)
    var value: T = 0
    for index in 0..<size {
      value |= T(truncatingIfNeeded: bytes[offset + index]) << (8 * index)
    }
    offset += size
    return value
  }
}

extension Array where Element == UInt8 {
  /// Appends `value` as `T.bitWidth / 8` bytes, least significant first.
  mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
    for index in 0..<(T.bitWidth / 8) {
      append(UInt8(truncatingIfNeeded: value >> (8 * index)))
    }
  }
}
