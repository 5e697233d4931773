import Codec
import Decoder
import Foundation
import Image
import Models
import Training

/// How the command line picks a model: a file, a name or family, or by the image's kind.
enum ModelChoice {
  /// The catalog of embedded models, plus the file named by `option` if it is one.
  ///
  /// - Parameter optionIsFile: Whether `option` can only be a file (as for `decompress`
  ///   and `info`), so that a path naming no file is an error rather than ignored.
  static func catalog(adding option: String?, optionIsFile: Bool = false) throws -> ModelCatalog {
    if optionIsFile, let option, !isRegularFile(option) {
      throw InputFileError(path: option, reason: "no such model file")
    }
    var catalog = try ModelCatalog.embedded()
    if let option, isRegularFile(option) {
      _ = try namingFile(option) { try catalog.add(path: option) }
    }
    return catalog
  }

  /// The model for `images`: the one `option` names, or else `digits` for 28x28 grey images
  /// and `photo` for everything else; see ``entry(option:target:families:catalog:)``.
  ///
  /// - Throws: `CodingError.unknownModel` or `.mixedModels`.
  static func model(
    option: String?, target: RateTarget, images: [PixelBuffer], catalog: ModelCatalog
  ) throws -> LoadedModel {
    let families = images.map {
      defaultFamily(width: $0.width, height: $0.height, isGrey: isGrey($0.layout))
    }
    return try LoadedModel(
      entry(option: option, target: target, families: families, catalog: catalog))
  }

  /// The catalog model for images whose default families are `families`: the one `option`
  /// names (a file, a model or a family), or else the single family they share.
  ///
  /// Within a family of several models, a quality picks the member nearest it; a target size
  /// picks the member whose validation bits per pixel are nearest, and a target PSNR the
  /// lowest-quality member whose validation PSNR reaches it (or the best one). A model that
  /// covers every rate itself, such as the photo model, meets a target image by image.
  ///
  /// - Throws: `CodingError.unknownModel` when no model has the name, `.mixedModels` when
  ///   the families differ and no option chooses.
  static func entry(
    option: String?, target: RateTarget, families: [String], catalog: ModelCatalog
  ) throws -> CatalogModel {
    let names = option.map { [$0] } ?? Array(Set(families)).sorted()
    guard names.count == 1, let name = names.first else {
      throw CodingError.mixedModels(names)
    }
    let members = catalog.models.filter { $0.family == name && $0.quality != nil }
    let chosen: CatalogModel?
    switch target {
    case .quality(let quality):
      chosen = catalog.model(named: name, quality: quality)
    case .bitsPerPixel(let bitsPerPixel) where members.count > 1:
      chosen = members.min { first, second in
        abs(log(validationBitsPerPixel(first) / bitsPerPixel))
          < abs(log(validationBitsPerPixel(second) / bitsPerPixel))
      }
    case .psnr(let decibels) where members.count > 1:
      let ordered = members.sorted { ($0.quality ?? 0) < ($1.quality ?? 0) }
      chosen = ordered.first { validationPSNR($0) >= decibels } ?? ordered.last
    case .bitsPerPixel, .psnr:
      chosen = catalog.model(named: name, quality: nil)
    }
    guard let entry = chosen else {
      throw CodingError.unknownModel(name, available: catalog.families.map(\.name))
    }
    return entry
  }

  /// The bits per pixel a model's notes record for its validation images, or infinity.
  private static func validationBitsPerPixel(_ model: CatalogModel) -> Double {
    let validation = model.file.notes["validation"]?.object
    guard let bits = validation?["bitsPerImage"]?.number,
      let height = model.file.architecture["height"]?.number,
      let width = model.file.architecture["width"]?.number, height * width > 0
    else { return .infinity }
    return bits / (height * width)
  }

  /// The PSNR a model's notes record for its validation images, or minus infinity.
  private static func validationPSNR(_ model: CatalogModel) -> Double {
    model.file.notes["validation"]?.object?["psnr"]?.number ?? -.infinity
  }

  /// The family that codes an image of this kind by default: `digits` for 28x28 grey
  /// images (with or without alpha), `photo` for everything else.
  static func defaultFamily(width: Int, height: Int, isGrey: Bool) -> String {
    isGrey && width == 28 && height == 28 ? "digits" : "photo"
  }

  /// Whether the layout is grey, with or without alpha.
  static func isGrey(_ layout: PixelBuffer.Layout) -> Bool {
    layout == .grey || layout == .greyAlpha
  }

  /// The PNG files among `paths`, with folders replaced by the PNG files inside them.
  static func pngPaths(_ paths: [String]) throws -> [String] {
    try paths.flatMap { path -> [String] in
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return [path] }
      return try PNGFolder.files(in: path)
    }
  }
}
