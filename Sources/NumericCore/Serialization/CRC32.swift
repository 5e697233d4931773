/// The CRC-32 of IEEE 802.3 (as in zlib and PNG): reflected polynomial 0xEDB88320, initial
/// value and final XOR 0xFFFFFFFF.
enum CRC32 {
  /// The remainder of every byte value, for processing a byte per table lookup.
  private static let table: [UInt32] = (0..<256).map { byte in
    var remainder = UInt32(byte)
    for _ in 0..<8 {
      remainder = remainder & 1 == 1 ? (remainder >> 1) ^ 0xEDB8_8320 : remainder >> 1
    }
    return remainder
  }

  /// The checksum of `bytes`.
  ///
  /// - Complexity: O(`bytes.count`).
  static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
  }
}
