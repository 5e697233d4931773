import Image
import Models

/// One image decoded from a `.aez` file.
public struct DecodedImage: Sendable {
  /// The image's stored name, if the file has names.
  public var name: String?
  /// The pixels, in the layout and bit depth the file records.
  public var image: PixelBuffer
  /// The header the image was coded with.
  public var header: ContainerImageHeader
}

/// Turns `.aez` files back into images.
public enum ImageDecoder {
  /// The largest `width * height` decoded by default: 2^28, the same limit as for PNG input.
  public static let defaultMaximumPixelCount = PNG.defaultMaximumPixelCount

  /// Finds the model that made `file` among `catalog`'s models and checks the file with it.
  ///
  /// - Throws: `ContainerError.unknownModel` naming the file's model when none matches,
  ///   `.checksumMismatch` when the file is damaged.
  public static func model(for file: ContainerFile, in catalog: ModelCatalog) throws -> CatalogModel
  {
    let fingerprint = try file.identifyModel(among: catalog.models.map(\.fingerprint))
    guard let model = catalog.model(fingerprint: fingerprint) else {
      preconditionFailure("identifyModel returned a fingerprint that is not in the list")
    }
    return model
  }

  /// Decodes every image of a `.aez` file.
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - catalog: The models to look for the file's model among.
  ///   - maximumPixelCount: The largest `width * height` decoded.
  /// - Throws: `ContainerError` for a damaged or unknown file, `CodingError` for a payload
  ///   that does not decode or an image over the limit.
  /// - Complexity: One synthesis pass per image.
  public static func decode(
    _ bytes: [UInt8], catalog: ModelCatalog,
    maximumPixelCount: Int = defaultMaximumPixelCount
  ) throws -> [DecodedImage] {
    let file = try ContainerFile.parse(bytes)
    let model = try LoadedModel(try model(for: file, in: catalog))
    return try file.entries.map {
      try decode($0, with: model, maximumPixelCount: maximumPixelCount)
    }
  }

  /// Decodes one entry of a checked file with its model.
  ///
  /// The declared size is checked before any memory in proportion to it is taken: against
  /// the model, against `maximumPixelCount`, and against the payload's length (a coded
  /// image of a given size needs some least number of bytes, see
  /// `LoadedModel.minimumPayloadByteCount(width:height:)`).
  ///
  /// - Parameters:
  ///   - entry: The image's header and payload, from a verified file.
  ///   - model: The model that made the file.
  ///   - maximumPixelCount: The largest `width * height` decoded.
  /// - Throws: `CodingError.imageDoesNotFitModel`, `.tooManyPixels`, `.payloadTooShort`,
  ///   `.latentShapeMismatch` or `.corruptStream`; `ContainerError` for a payload whose
  ///   streams are not framed correctly.
  public static func decode(
    _ entry: ContainerEntry, with model: LoadedModel,
    maximumPixelCount: Int = defaultMaximumPixelCount
  ) throws -> DecodedImage {
    let header = entry.header
    // The check catches accidental damage, but a crafted file can carry any header that
    // parses: a size the model cannot code is refused before any pixels are laid out.
    guard model.accepts(width: header.width, height: header.height) else {
      throw CodingError.imageDoesNotFitModel(
        model: model.entry.name, expected: model.imageKind,
        actual: "\(header.width)x\(header.height)")
    }
    // Each side is below 2^31, so the product cannot overflow.
    guard header.width * header.height <= maximumPixelCount else {
      throw CodingError.tooManyPixels(
        width: header.width, height: header.height, limit: maximumPixelCount)
    }
    let minimumPayload = model.minimumPayloadByteCount(width: header.width, height: header.height)
    guard entry.payload.count >= minimumPayload else {
      throw CodingError.payloadTooShort(
        width: header.width, height: header.height, byteCount: entry.payload.count,
        minimum: minimumPayload)
    }
    let expectedShape = model.latentShape(width: header.width, height: header.height)
    if let shape = header.latentShape, shape != expectedShape {
      throw CodingError.latentShapeMismatch(expected: expectedShape, actual: shape)
    }
    let format = header.pixelFormat
    let hasAlpha = format.alpha == .lossless
    let streams = try PayloadStreams.split(entry.payload, count: hasAlpha ? 2 : 1)
    let layout: PixelBuffer.Layout = format.colorModel == .gray ? .grey : .rgb
    let depth: PixelBuffer.SampleDepth = format.bitDepth == 16 ? .sixteen : .eight
    var image = try model.decodeColour(
      streams[0], width: header.width, height: header.height, quality: header.quality,
      layout: layout, depth: depth, sourceBitDepth: format.bitDepth)
    if hasAlpha {
      image = image.addingAlpha(
        try AlphaPlane.decode(
          streams[1], width: header.width,
          height: header.height, depth: depth))
    }
    return DecodedImage(name: entry.name, image: image, header: header)
  }
}
