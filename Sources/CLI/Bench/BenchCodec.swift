import Reports

/// A codec that `aez bench` measures: aez itself, or a classical codec run through its tools.
enum BenchCodec: Hashable, Sendable, CustomStringConvertible {
  /// aez, with the model the command line chose.
  case aez
  /// A classical codec through its command-line encoder and decoder.
  case classical(ClassicalCodec)

  /// Every codec, in the order of `--codecs`' default.
  static let all: [BenchCodec] = [.aez] + ClassicalCodec.allCases.map { .classical($0) }

  /// The names `--codecs` accepts, one per codec, in the order of `all`.
  static let names = all.map(\.name)

  /// The codec called `name` on the command line: `aez`, `jpeg`, `webp`, `avif` or `jxl`
  /// (`jpeg-xl` too), in any case; `nil` for another name.
  init?(name: String) {
    let wanted = name.lowercased()
    if wanted == "jpeg-xl" {
      self = .classical(.jpegXL)
      return
    }
    guard let codec = Self.all.first(where: { $0.name == wanted }) else { return nil }
    self = codec
  }

  /// The name used on the command line and as the JSON key, such as `webp` or `jxl`.
  var name: String {
    switch self {
    case .aez: "aez"
    case .classical(.jpegXL): "jxl"
    case .classical(let codec): codec.rawValue
    }
  }

  /// The name shown in tables and legends, such as `WebP`.
  var description: String {
    switch self {
    case .aez: "aez"
    case .classical(let codec): codec.description
    }
  }

  /// A fixed chart colour per codec, so that every chart draws a codec alike.
  var paletteSlot: Int {
    Self.all.firstIndex(of: self) ?? 0
  }

  /// The qualities a bench sweeps when none are given; `nil` for aez, whose sweep depends
  /// on the model (see `AEZModels`).
  ///
  /// Nine settings per classical codec, from heavily blocky to near transparent: on
  /// photographs about 0.3 to 3 bits per pixel for every codec, so that the curves share
  /// most of their range. AVIF's quality maps to the AV1 quantizer, whose top end spends
  /// bits fast (q90 costs well over 3 bits per pixel), hence a lower, finer list.
  var defaultQualities: [Double]? {
    switch self {
    case .aez: nil
    case .classical(.avif): [10, 20, 30, 40, 50, 60, 70, 80, 85]
    case .classical: [10, 20, 30, 40, 50, 60, 70, 80, 90]
    }
  }

  /// The qualities this codec accepts, for checking `--qualities`.
  var qualityRange: ClosedRange<Double> {
    switch self {
    case .aez: 0...100
    case .classical(let codec):
      Double(codec.qualityRange.lowerBound)...Double(codec.qualityRange.upperBound)
    }
  }

  /// Whether qualities must be whole numbers (the classical tools take integers).
  var takesWholeQualities: Bool {
    if case .classical = self { return true }
    return false
  }
}

extension BenchCodec {
  /// A quality as typed: `75` for a whole number, `72.5` otherwise.
  static func qualityText(_ quality: Double) -> String {
    quality == quality.rounded() && abs(quality) < 1e9 ? String(Int(quality)) : String(quality)
  }
}
