import Codec
import CommandLineKit
import Decoder
import Image
import Models

/// What `compress` and `eval` code every image with: the model choice, quality, alpha and
/// the size limit, read once from the command line and shared by every thread.
struct CompressionSettings: Sendable {
  /// The embedded models, plus the model file `--model` names.
  var catalog: ModelCatalog
  /// The `--model` value: a family, a model's name or a file; `nil` to choose by image.
  var modelOption: String?
  /// The quality, 0 to 100, or the size or PSNR each image aims for.
  var target: RateTarget
  /// Whether alpha is kept.
  var alpha: AlphaHandling
  /// The largest `width * height` read.
  var maximumPixelCount: Int
  /// Files no output may replace besides each image's own input: the model file, if any.
  var protectedFiles: [String]

  /// The settings `parsed` asks for.
  ///
  /// - Throws: `ModelFileError` or `InputFileError` for a model file that cannot be read,
  ///   `CodingError.unknownModel` when `--model` names no model.
  init(_ parsed: ParsedArguments, maximumPixelCount: Int) throws {
    modelOption = parsed.string("model")
    catalog = try ModelChoice.catalog(adding: modelOption)
    target = try Self.rateTarget(parsed)
    alpha = parsed.flag("drop-alpha") ? .drop : .keep
    self.maximumPixelCount = maximumPixelCount
    protectedFiles = [modelOption].compactMap { $0 }.filter(isRegularFile)
    // A name that matches nothing is a mistake in the command, found before any file.
    if let modelOption {
      _ = try ModelChoice.entry(
        option: modelOption, target: target, families: [], catalog: catalog)
    }
  }

  /// The model that codes `image`: the `--model` choice, or its kind's default family.
  ///
  /// - Throws: `CodingError.unknownModel` when that family has no model here.
  func entry(for image: PixelBuffer) throws -> CatalogModel {
    try ModelChoice.entry(
      option: modelOption, target: target,
      families: [
        ModelChoice.defaultFamily(
          width: image.width, height: image.height, isGrey: ModelChoice.isGrey(image.layout))
      ], catalog: catalog)
  }

  /// `--quality`, `--target-bpp` or `--target-psnr`; at most one of them may be given.
  ///
  /// - Throws: `UsageError.invalidUsage` when more than one is.
  static func rateTarget(_ parsed: ParsedArguments) throws -> RateTarget {
    let given = ["quality", "target-bpp", "target-psnr"].filter(parsed.wasGiven)
    guard given.count <= 1 else {
      throw UsageError.invalidUsage(
        "give only one of " + given.map { "--" + $0 }.joined(separator: ", "))
    }
    if let bitsPerPixel = parsed.double("target-bpp") { return .bitsPerPixel(bitsPerPixel) }
    if let decibels = parsed.double("target-psnr") { return .psnr(decibels) }
    return .quality(parsed.double("quality") ?? 75)
  }

  /// Reads and decodes the PNG at `path`, refusing one over the size limit from its header.
  ///
  /// - Throws: `InputFileError`, `PNGError`.
  func read(_ path: String) throws -> InputImage {
    try InputImage(
      path: path, bytes: try readInputFile(path), maximumPixelCount: maximumPixelCount)
  }

  /// Checks that `model` codes `input`, naming the image when it does not.
  ///
  /// - Throws: `CodingError.imageDoesNotFitModel`.
  static func check(_ input: InputImage, fits model: LoadedModel) throws {
    let image = input.image
    guard model.accepts(width: image.width, height: image.height) else {
      throw CodingError.imageDoesNotFitModel(
        model: model.entry.name, expected: model.imageKind,
        actual: "\(image.width)x\(image.height) \(image.layout)")
    }
  }
}
