extension PNG {
  /// Choices for `PNG.encode`.
  public struct EncodeOptions: Sendable, Equatable {
    /// Bits per sample to write: 8 or 16 for any layout, 1, 2 or 4 for grey; nil writes the
    /// image's `preferredPNGBitDepth`.
    public var bitDepth: Int?
    /// zlib compression level, 0 (store) to 9 (smallest); 6 is zlib's default.
    public var compressionLevel: Int

    /// Creates encoding options.
    ///
    /// - Parameters:
    ///   - bitDepth: bits per sample, or nil for the image's preferred depth.
    ///   - compressionLevel: zlib level in `0...9`.
    public init(bitDepth: Int? = nil, compressionLevel: Int = 6) {
      precondition((0...9).contains(compressionLevel), "zlib levels run from 0 to 9")
      self.bitDepth = bitDepth
      self.compressionLevel = compressionLevel
    }

    /// zlib's default level (6): the usual balance of size and speed.
    public static let standard = EncodeOptions()

    /// zlib level 9: the smallest files, a few times slower to write.
    public static let smallest = EncodeOptions(compressionLevel: 9)
  }
}
