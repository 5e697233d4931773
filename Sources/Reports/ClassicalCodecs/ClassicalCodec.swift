/// An established image codec that aez is compared with, run through its command-line tools.
///
/// Every codec takes an integer quality where higher means larger files and better images.
/// Each tool runs with its own defaults apart from quality:
///
/// | Codec | Encoder | Decoder | Quality flags | Input, output |
/// | --- | --- | --- | --- | --- |
/// | JPEG | `cjpeg` | `djpeg` | `-optimize -quality Q` | PPM/PGM, PPM/PGM |
/// | WebP | `cwebp` | `dwebp` | `-q Q` | PPM/PGM, PPM |
/// | AVIF | `avifenc` | `avifdec` | `--min q --max q` | PNG, PNG |
/// | JPEG XL | `cjxl` | `djxl` | `-q Q` | PPM/PGM, PPM/PGM |
///
/// AVIF quality is mapped to the AV1 quantizer `q = round((100 - Q) × 63 / 100)` and passed as
/// both the minimum and maximum quantizer, the same mapping newer `avifenc` releases apply to
/// their own `-q`; the `--min`/`--max` flags exist in old and new releases alike, so results
/// do not depend on which one is installed. `avifenc` reads no PPM, hence PNG there.
public enum ClassicalCodec: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
  /// JPEG through libjpeg-turbo's `cjpeg` and `djpeg`.
  case jpeg
  /// WebP (lossy) through libwebp's `cwebp` and `dwebp`.
  case webp
  /// AVIF through libavif's `avifenc` and `avifdec`.
  case avif
  /// JPEG XL through libjxl's `cjxl` and `djxl`.
  case jpegXL = "jpeg-xl"

  /// The usual name of the format, for tables and legends.
  public var description: String {
    switch self {
    case .jpeg: "JPEG"
    case .webp: "WebP"
    case .avif: "AVIF"
    case .jpegXL: "JPEG XL"
    }
  }

  /// The encoder's executable name.
  public var encoderName: String {
    switch self {
    case .jpeg: "cjpeg"
    case .webp: "cwebp"
    case .avif: "avifenc"
    case .jpegXL: "cjxl"
    }
  }

  /// The decoder's executable name.
  public var decoderName: String {
    switch self {
    case .jpeg: "djpeg"
    case .webp: "dwebp"
    case .avif: "avifdec"
    case .jpegXL: "djxl"
    }
  }

  /// The qualities accepted, lowest to highest.
  ///
  /// `cjpeg` treats 0 as 1. `cjxl` maps quality to a Butteraugli distance and refuses
  /// distances above 25, which qualities below 5 reach.
  public var qualityRange: ClosedRange<Int> {
    switch self {
    case .jpeg: 1...100
    case .webp, .avif: 0...100
    case .jpegXL: 5...100
    }
  }

  /// The compressed file's extension, without the dot.
  public var fileExtension: String {
    switch self {
    case .jpeg: "jpg"
    case .webp: "webp"
    case .avif: "avif"
    case .jpegXL: "jxl"
    }
  }

  /// Whether the encoder is fed PNG (else PPM or PGM).
  var readsPNG: Bool { self == .avif }

  /// Whether the decoder writes PNG (else PPM or PGM).
  var writesPNG: Bool { self == .avif }

  /// The AV1 quantizer (0 best … 63 worst) for an AVIF quality 0…100.
  static func avifQuantizer(quality: Int) -> Int {
    ((100 - quality) * 63 + 50) / 100
  }

  /// The encoder's arguments, run in the working directory that holds `input`.
  func encoderArguments(quality: Int, input: String, output: String) -> [String] {
    switch self {
    case .jpeg:
      return ["-optimize", "-quality", String(quality), "-outfile", output, input]
    case .webp:
      return ["-quiet", "-q", String(quality), input, "-o", output]
    case .avif:
      let quantizer = String(Self.avifQuantizer(quality: quality))
      return ["--min", quantizer, "--max", quantizer, input, output]
    case .jpegXL:
      return [input, output, "-q", String(quality)]
    }
  }

  /// The decoder's arguments, run in the working directory that holds `input`.
  func decoderArguments(input: String, output: String) -> [String] {
    switch self {
    case .jpeg:
      return ["-outfile", output, input]
    case .webp:
      return ["-quiet", input, "-ppm", "-o", output]
    case .avif:
      return ["--depth", "8", input, output]
    case .jpegXL:
      return [input, output, "--bits_per_sample=8"]
    }
  }
}
