/// The bits of the header word, the varint that packs a header's pixel format and flags.
///
/// Layout (bit 0 least significant): 0-2 bit depth code `d` (depth `2^d`), 3 color model,
/// 4-5 alpha, 6 square, 7 fractional quality, 8 explicit latent shape, 9 archive,
/// 10 named entries. Bits 0-6 hold everything a plain small image needs, so its word is one
/// byte.
enum HeaderWord {
  static let bitDepthMask: UInt64 = 0x007
  static let rgb: UInt64 = 0x008
  static let alphaShift: UInt64 = 4
  static let alphaMask: UInt64 = 0x030
  static let square: UInt64 = 0x040
  static let fractionalQuality: UInt64 = 0x080
  static let explicitLatentShape: UInt64 = 0x100
  static let archive: UInt64 = 0x200
  static let namedEntries: UInt64 = 0x400

  /// The bits an image header may use: everything but the archive-level flags.
  static let imageBits: UInt64 = 0x1FF

  /// The bits defined in a file header whose archive bit is `isArchive`.
  static func fileBits(isArchive: Bool) -> UInt64 {
    imageBits | archive | (isArchive ? namedEntries : 0)
  }

  /// The code of a PNG bit depth: its base-2 logarithm.
  static func bitDepthCode(_ bitDepth: Int) -> UInt64 {
    precondition(ContainerPixelFormat.bitDepths.contains(bitDepth), "checked by the writer")
    return UInt64(bitDepth.trailingZeroBitCount)
  }
}
