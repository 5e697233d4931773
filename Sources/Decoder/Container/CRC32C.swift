/// The CRC-32C (Castagnoli) checksum used as the integrity check of `.aez` files.
///
/// Parameters: polynomial `0x1EDC6F41` (reflected `0x82F63B78`), input and output
/// reflected, initial value `0xFFFFFFFF`, final XOR `0xFFFFFFFF`. The check of the ASCII
/// bytes `123456789` is `0xE3069283`. Feed bytes in any number of pieces with `update(_:)`.
///
/// - Complexity: O(n) in the bytes fed, one table lookup per byte.
public struct CRC32C: Sendable, Equatable {
  /// The running register, before the final XOR.
  private var register: UInt32 = 0xFFFF_FFFF

  /// Creates a checksum of no bytes.
  public init() {}

  /// The checksum of everything fed so far.
  public var value: UInt32 { register ^ 0xFFFF_FFFF }

  /// Feeds `bytes` after everything fed so far.
  public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    // One table access and one register load per call, not per byte: the static table is
    // guarded by a once-check and reference-counted on every access otherwise.
    let current = register
    let updated = Self.table.withUnsafeBufferPointer { table in
      let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
        Self.fold(buffer, into: current, table: table)
      }
      return contiguous ?? Self.fold(bytes, into: current, table: table)
    }
    register = updated
  }

  /// The register after feeding `bytes`: `r = table[(r ^ byte) & 0xFF] ^ (r >> 8)` per byte.
  @inline(__always)
  private static func fold<Bytes: Sequence>(
    _ bytes: Bytes, into start: UInt32, table: UnsafeBufferPointer<UInt32>
  ) -> UInt32 where Bytes.Element == UInt8 {
    var register = start
    for byte in bytes {
      register = table[Int((register ^ UInt32(byte)) & 0xFF)] ^ (register >> 8)
    }
    return register
  }

  /// Feeds one byte: `r = table[(r ^ byte) & 0xFF] ^ (r >> 8)`.
  @inline(__always)
  public mutating func update(byte: UInt8) {
    let index = Int((register ^ UInt32(byte)) & 0xFF)
    register = Self.table[index] ^ (register >> 8)
  }

  /// The checksum of `bytes`.
  public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32
  where Bytes.Element == UInt8 {
    var crc = CRC32C()
    crc.update(bytes)
    return crc.value
  }

  /// The register update for each byte value: entry `n` is `n` shifted through eight
  /// rounds of the reflected polynomial.
  private static let table: [UInt32] = (0..<256).map { index in
    var entry = UInt32(index)
    for _ in 0..<8 {
      entry = entry & 1 == 1 ? (entry >> 1) ^ 0x82F6_3B78 : entry >> 1
    }
    return entry
  }
}
