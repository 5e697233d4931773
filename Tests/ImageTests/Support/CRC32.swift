/// CRC-32 as PNG uses it (polynomial 0xEDB88320, reflected), for re-sealing mutated chunks.
enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 {
      value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
    }
    return value
  }

  /// The CRC of `bytes`.
  static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
  }

  /// `png` with the CRC of every complete chunk recomputed, so that mutations reach the
  /// decoder's later stages instead of stopping at the CRC check.
  static func resealed(_ png: [UInt8]) -> [UInt8] {
    var bytes = png
    var offset = 8
    while offset + 12 <= bytes.count {
      let length =
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
        | Int(bytes[offset + 3])
      let end = offset + 8 + length
      guard length >= 0, end + 4 <= bytes.count else { break }
      let crc = checksum(bytes[(offset + 4)..<end])
      bytes[end] = UInt8(crc >> 24)
      bytes[end + 1] = UInt8((crc >> 16) & 0xFF)
      bytes[end + 2] = UInt8((crc >> 8) & 0xFF)
      bytes[end + 3] = UInt8(crc & 0xFF)
      offset = end + 4
    }
    return bytes
  }
}
