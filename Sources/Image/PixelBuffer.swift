/// An image held in memory as interleaved integer samples.
///
/// Layout: row-major, pixels left to right then rows top to bottom, the channels of one pixel
/// adjacent (for RGBA: `R G B A R G B A ...`). The sample for channel `c` of pixel `(x, y)` is
/// `samples[(y * width + x) * channelCount + c]`. Every sample is a `UInt16` whatever the depth:
/// 8-bit images keep values in `0...255`, 16-bit images in `0...65535`.
///
/// Besides the stored depth, a buffer remembers how its source PNG was quantized
/// (`sourceBitDepth`, `sourceIsPalette`) so that a 1-, 2- or 4-bit grey image can be written
/// back at its own depth.
public struct PixelBuffer: Sendable, Equatable {
  /// The channels of one pixel and their order.
  public enum Layout: Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
    /// One luminance sample per pixel.
    case grey
    /// Luminance followed by alpha.
    case greyAlpha
    /// Red, green, blue.
    case rgb
    /// Red, green, blue, alpha.
    case rgba

    /// Number of samples per pixel (1...4).
    public var channelCount: Int {
      switch self {
      case .grey: 1
      case .greyAlpha: 2
      case .rgb: 3
      case .rgba: 4
      }
    }

    /// Whether the last channel is alpha.
    public var hasAlpha: Bool { self == .greyAlpha || self == .rgba }

    /// Number of channels that carry colour (1 or 3), alpha excluded.
    public var colourChannelCount: Int { hasAlpha ? channelCount - 1 : channelCount }

    /// The same colour model without alpha.
    public var withoutAlpha: Layout {
      switch self {
      case .grey, .greyAlpha: .grey
      case .rgb, .rgba: .rgb
      }
    }

    /// The same colour model with alpha.
    public var withAlpha: Layout {
      switch self {
      case .grey, .greyAlpha: .greyAlpha
      case .rgb, .rgba: .rgba
      }
    }

    /// The layout with `count` channels, or nil when `count` is not 1...4.
    public init?(channelCount count: Int) {
      switch count {
      case 1: self = .grey
      case 2: self = .greyAlpha
      case 3: self = .rgb
      case 4: self = .rgba
      default: return nil
      }
    }

    /// The name used in messages: `grey`, `grey+alpha`, `RGB` or `RGBA`.
    public var description: String {
      switch self {
      case .grey: "grey"
      case .greyAlpha: "grey+alpha"
      case .rgb: "RGB"
      case .rgba: "RGBA"
      }
    }
  }

  /// The range of the stored samples: 8 bits (`0...255`) or 16 bits (`0...65535`).
  public enum SampleDepth: Int, Sendable, Equatable, Hashable, CaseIterable {
    /// Samples in `0...255`.
    case eight = 8
    /// Samples in `0...65535`.
    case sixteen = 16

    /// The largest sample value, `2^rawValue - 1`.
    public var maximumValue: UInt16 { self == .eight ? 255 : 65_535 }
  }

  /// Width in pixels, at least 1.
  public let width: Int
  /// Height in pixels, at least 1.
  public let height: Int
  /// Channels per pixel and their order.
  public let layout: Layout
  /// Range of the stored samples.
  public let sampleDepth: SampleDepth
  /// Bits per sample of the data's origin: the IHDR bit depth of the PNG it was read from (the
  /// index depth for palette images: 1, 2, 4 or 8), or the stored depth for images made in
  /// memory. Depth conversions keep the smaller of this and the new depth.
  public var sourceBitDepth: Int
  /// Whether the data came from a palette PNG (then `sourceBitDepth` is the index depth).
  public var sourceIsPalette: Bool
  /// Interleaved, row-major samples; `width * height * layout.channelCount` of them.
  public private(set) var samples: [UInt16]

  /// Creates a buffer from interleaved, row-major samples.
  ///
  /// - Parameters:
  ///   - width: width in pixels, at least 1.
  ///   - height: height in pixels, at least 1.
  ///   - layout: channels per pixel.
  ///   - sampleDepth: range of the samples.
  ///   - samples: `width * height * layout.channelCount` values, each at most
  ///     `sampleDepth.maximumValue` (checked in debug builds).
  ///   - sourceBitDepth: precision of the origin; defaults to the stored depth.
  ///   - sourceIsPalette: whether the origin was a palette PNG.
  public init(
    width: Int, height: Int, layout: Layout, sampleDepth: SampleDepth, samples: [UInt16],
    sourceBitDepth: Int? = nil, sourceIsPalette: Bool = false
  ) {
    precondition(width > 0 && height > 0, "an image needs at least one pixel")
    precondition(
      samples.count == width * height * layout.channelCount,
      "\(samples.count) samples do not fill \(width)x\(height) \(layout) pixels")
    let sourceDepth = sourceBitDepth ?? sampleDepth.rawValue
    precondition([1, 2, 4, 8, 16].contains(sourceDepth), "PNG bit depths are 1, 2, 4, 8 or 16")
    assert(
      sampleDepth == .sixteen || samples.allSatisfy { $0 <= 255 },
      "8-bit samples must be at most 255")
    self.width = width
    self.height = height
    self.layout = layout
    self.sampleDepth = sampleDepth
    self.samples = samples
    self.sourceBitDepth = sourceDepth
    self.sourceIsPalette = sourceIsPalette
  }

  /// Creates a buffer with every sample set to `value`.
  ///
  /// - Parameters:
  ///   - width: width in pixels, at least 1.
  ///   - height: height in pixels, at least 1.
  ///   - layout: channels per pixel.
  ///   - sampleDepth: range of the samples.
  ///   - value: the fill value, at most `sampleDepth.maximumValue`.
  public init(width: Int, height: Int, layout: Layout, sampleDepth: SampleDepth, value: UInt16) {
    precondition(value <= sampleDepth.maximumValue, "fill value exceeds the sample depth")
    self.init(
      width: width, height: height, layout: layout, sampleDepth: sampleDepth,
      samples: [UInt16](repeating: value, count: width * height * layout.channelCount))
  }

  /// Samples per pixel.
  public var channelCount: Int { layout.channelCount }

  /// Number of pixels, `width * height`.
  public var pixelCount: Int { width * height }

  /// The bit depth a PNG written with default options uses: the source depth for grey images
  /// that came from a 1-, 2- or 4-bit grey PNG, otherwise the stored depth.
  public var preferredPNGBitDepth: Int {
    if layout == .grey && !sourceIsPalette && sourceBitDepth < 8 {
      return sourceBitDepth
    }
    return sampleDepth.rawValue
  }

  /// The sample of channel `channel` at column `x`, row `y`.
  ///
  /// Setting a value above `sampleDepth.maximumValue` is a programming error.
  public subscript(x: Int, y: Int, channel: Int) -> UInt16 {
    get { samples[sampleIndex(x: x, y: y, channel: channel)] }
    set {
      precondition(newValue <= sampleDepth.maximumValue, "sample exceeds the sample depth")
      samples[sampleIndex(x: x, y: y, channel: channel)] = newValue
    }
  }

  /// Index into `samples` of channel `channel` at `(x, y)`.
  @inline(__always)
  func sampleIndex(x: Int, y: Int, channel: Int) -> Int {
    precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel outside the image")
    precondition(channel >= 0 && channel < channelCount, "channel outside the layout")
    return (y * width + x) * channelCount + channel
  }
}
