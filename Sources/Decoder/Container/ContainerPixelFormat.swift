/// The pixel format recorded in a `.aez` file: the PNG the decoder writes back.
///
/// The coded image has `channels` channels: 1 for gray or 3 for RGB, plus 1 when the alpha
/// is coded losslessly. The bit depth is the sample depth of the source PNG, kept so that
/// the decoded PNG has the same one.
public struct ContainerPixelFormat: Sendable, Hashable, CustomStringConvertible {
  /// Gray or RGB; stored in bit 3 of the header word.
  public enum ColorModel: UInt8, Sendable {
    /// One gray channel.
    case gray = 0
    /// Red, green and blue channels.
    case rgb = 1
  }

  /// What happened to the source's alpha channel; stored in bits 4-5 of the header word.
  public enum Alpha: UInt8, Sendable {
    /// The source had no alpha channel.
    case absent = 0
    /// The alpha channel is coded losslessly in the payload.
    case lossless = 1
    /// The source had an alpha channel and the file does not carry it.
    case dropped = 2
  }

  /// The bit depths a file can record: those PNG allows.
  public static let bitDepths: [Int] = [1, 2, 4, 8, 16]

  /// Gray or RGB.
  public var colorModel: ColorModel
  /// What happened to the alpha channel.
  public var alpha: Alpha
  /// The sample depth of the source PNG: 1, 2, 4, 8 or 16.
  public var bitDepth: Int

  /// Creates a pixel format; `isSupported` tells whether a file can record it.
  public init(colorModel: ColorModel, alpha: Alpha = .absent, bitDepth: Int = 8) {
    self.colorModel = colorModel
    self.alpha = alpha
    self.bitDepth = bitDepth
  }

  /// The number of coded channels: 1 or 3, plus 1 for a losslessly coded alpha.
  public var channels: Int {
    (colorModel == .gray ? 1 : 3) + (alpha == .lossless ? 1 : 0)
  }

  /// Whether a file can record this format: a PNG bit depth, and depths below 8 only for
  /// gray without a coded alpha channel (the only PNG color type that has them, once
  /// palettes are expanded).
  public var isSupported: Bool {
    guard Self.bitDepths.contains(bitDepth) else { return false }
    return bitDepth >= 8 || (colorModel == .gray && alpha != .lossless)
  }

  /// For example "gray 8-bit" or "RGB 16-bit, alpha coded losslessly".
  public var description: String {
    let base = "\(colorModel == .gray ? "gray" : "RGB") \(bitDepth)-bit"
    switch alpha {
    case .absent: return base
    case .lossless: return base + ", alpha coded losslessly"
    case .dropped: return base + ", alpha dropped"
    }
  }
}
