/// What coding one image cost and how close its reconstruction came.
///
/// Sizes are in bytes and bits; errors are measured on the 0-255 scale (16-bit images are
/// scaled to it), PSNR in dB, SSIM as a mean over channels; times in seconds.
public struct ImageReport: Sendable, Codable, Equatable {
  /// The input file.
  public var file: String
  /// The width in pixels.
  public var width: Int
  /// The height in pixels.
  public var height: Int
  /// The channels of the input, alpha included.
  public var channels: Int
  /// The bit depth of the input PNG.
  public var bitDepth: Int
  /// The size of the input PNG.
  public var pngBytes: Int
  /// width × height × channels × bytes per sample.
  public var rawBytes: Int
  /// This image's bytes in the `.aez` file: its payload plus its share of the file's
  /// headers and check.
  public var aezBytes: Double
  /// The bits of the coded payload alone.
  public var payloadBits: Int
  /// `aezBytes × 8`.
  public var bitsPerImage: Double
  /// Bits per pixel, `bitsPerImage / (width × height)`.
  public var bpp: Double
  /// `rawBytes / aezBytes`.
  public var ratioRaw: Double
  /// `pngBytes / aezBytes`.
  public var ratioPng: Double
  /// The mean squared error on the 0-255 scale.
  public var mse: Double
  /// The peak signal-to-noise ratio in dB, 100 for an exact image.
  public var psnr: Double
  /// The structural similarity (Wang et al. 2004), 1 for an exact image.
  public var ssim: Double
  /// The time to encode, in seconds.
  public var encodeSeconds: Double
  /// The time to decode, in seconds.
  public var decodeSeconds: Double
  /// The model's name.
  public var model: String
  /// The quality setting.
  public var quality: Double

  enum CodingKeys: String, CodingKey {
    case file, width, height, channels
    case bitDepth = "bit_depth"
    case pngBytes = "png_bytes"
    case rawBytes = "raw_bytes"
    case aezBytes = "aez_bytes"
    case payloadBits = "payload_bits"
    case bitsPerImage = "bits_per_image"
    case bpp
    case ratioRaw = "ratio_raw"
    case ratioPng = "ratio_png"
    case mse, psnr, ssim
    case encodeSeconds = "encode_seconds"
    case decodeSeconds = "decode_seconds"
    case model, quality
  }
}
