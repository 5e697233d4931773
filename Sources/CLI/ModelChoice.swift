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

  /// The model for `images`: the one `option` names (a file, a model or a family, the
  /// family's member nearest `quality`), or else `digits` for 28x28 grey images and
  /// `photo` for everything else.
  ///
  /// - Throws: `CodingError.unknownModel` or `.mixedModels`.
  static func model(
    option: String?, quality: Double, images: [PixelBuffer], catalog: ModelCatalog
  ) throws -> LoadedModel {
    let names: [String]
    if let option {
      names = [option]
    } else {
      names = Array(Set(images.map(defaultFamily))).sorted()
    }
    guard names.count == 1, let name = names.first else {
      throw CodingError.mixedModels(names)
    }
    guard let entry = catalog.model(named: name, quality: quality) else {
      throw CodingError.unknownModel(name, available: catalog.families.map(\.name))
    }
    return try LoadedModel(entry)
  }

  private static func defaultFamily(_ image: PixelBuffer) -> String {
    let grey = image.layout == .grey || image.layout == .greyAlpha
    return grey && image.width == 28 && image.height == 28 ? "digits" : "photo"
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
