extension PNG {
  /// What a PNG's IHDR (and tRNS) chunks say, and the shape `decode` produces from them.
  public struct Header: Sendable, Equatable {
    /// The colour type stored in IHDR.
    public enum ColourType: Sendable, Equatable {
      /// Colour type 0: grey at 1, 2, 4, 8 or 16 bits.
      case grey
      /// Colour type 2: RGB at 8 or 16 bits.
      case rgb
      /// Colour type 3: indices at 1, 2, 4 or 8 bits into an RGB palette.
      case palette
      /// Colour type 4: grey and alpha at 8 or 16 bits.
      case greyAlpha
      /// Colour type 6: RGBA at 8 or 16 bits.
      case rgba
    }

    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// IHDR bit depth: bits per sample, or per index for palette images.
    public var bitDepth: Int
    /// IHDR colour type.
    public var colourType: ColourType
    /// Whether the pixels are stored in Adam7 interlaced order.
    public var isInterlaced: Bool
    /// Whether a valid tRNS chunk precedes the image data.
    public var hasTransparency: Bool
    /// The layout `PNG.decode` returns for this file.
    public var decodedLayout: PixelBuffer.Layout
    /// The sample depth `PNG.decode` returns for this file.
    public var decodedSampleDepth: PixelBuffer.SampleDepth
  }
}
