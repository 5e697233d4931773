import Decoder
import EntropyCoding
import Image
import Models
import NumericCore

/// What to do with an image's alpha channel.
public enum AlphaHandling: String, Sendable, CaseIterable {
  /// Code alpha exactly, alongside the lossy colour.
  case keep
  /// Code the colour only; the decoded image has no alpha.
  case drop
}

/// Turns images into `.aez` files with a loaded model.
public enum ImageEncoder {
  /// Codes one image as an entry of a `.aez` file.
  ///
  /// The colour is coded by the model from the image's 8-bit precision (16-bit samples are
  /// rounded to 8 bits first); the header records the original layout and bit depth so the
  /// decoder writes the image back in its own format.
  ///
  /// - Parameters:
  ///   - image: The image.
  ///   - name: The name stored for it in an archive, if any.
  ///   - model: The model to code with.
  ///   - quality: The quality recorded in the file (the model was chosen for it).
  ///   - alpha: Whether to keep the alpha channel.
  /// - Throws: `CodingError.imageDoesNotFitModel` when the model cannot code this image.
  public static func encode(
    _ image: PixelBuffer, name: String? = nil, model: LoadedModel, quality: Double,
    alpha: AlphaHandling = .keep
  ) throws -> ContainerEntry {
    guard model.accepts(width: image.width, height: image.height) else {
      throw CodingError.imageDoesNotFitModel(
        model: model.entry.name, expected: model.imageKind,
        actual: "\(image.width)x\(image.height) \(image.layout)")
    }
    let colour = image.removingAlpha()
    var streams: [[UInt8]] = []
    switch model.codec {
    case .factorized(let network, let tables, let channelOfLatent):
      let planes = colour.convertedToGrey().converted(to: .eight).floatPlanes()
      let input = Tensor(shape: [1, 1, image.height, image.width], scalars: planes)
      let latents = network.quantizedLatents(of: input)
      streams.append(
        LatentStream.encode(values: latents, tableIndices: channelOfLatent, tables: tables))
    case .photo(let codec):
      // Padding by edge replication to the networks' stride; the decoder crops it off.
      let padded = colour.convertedToRGB().converted(to: .eight).padded(
        toMultipleOf: PhotoArchitecture.hyperLatentStride)
      streams.append(
        try codec.compress(
          planes: padded.floatPlanes(), height: padded.height, width: padded.width,
          quality: quality
        ).bytes)
    }

    let alphaFormat: ContainerPixelFormat.Alpha
    if let alphaSamples = image.alphaPlane() {
      if alpha == .keep {
        alphaFormat = .lossless
        streams.append(
          try AlphaPlane.encode(
            alphaSamples, width: image.width, height: image.height, depth: image.sampleDepth))
      } else {
        alphaFormat = .dropped
      }
    } else {
      alphaFormat = .absent
    }
    // Depths below 8 exist only for grey without alpha: a palette image's index depth
    // (1, 2 or 4) is not a sample depth, and an alpha plane is coded at 8 bits at least.
    var bitDepth = image.sourceBitDepth
    if bitDepth < 8 && (colour.layout != .grey || alphaFormat == .lossless) { bitDepth = 8 }
    let header = ContainerImageHeader(
      pixelFormat: ContainerPixelFormat(
        colorModel: colour.layout == .grey ? .gray : .rgb, alpha: alphaFormat,
        bitDepth: bitDepth),
      width: image.width, height: image.height,
      qualityHundredths: Int((quality * 100).rounded()), latentShape: nil)
    return ContainerEntry(header: header, name: name, payload: PayloadStreams.join(streams))
  }

  /// The bytes of a `.aez` file holding `entries`: a single-image file for one entry
  /// without a name, an archive otherwise.
  ///
  /// - Throws: `ContainerError` for an entry the format cannot hold.
  public static func file(_ entries: [ContainerEntry], model: LoadedModel) throws -> [UInt8] {
    if entries.count == 1 && entries[0].name == nil {
      return try ContainerWriter.single(
        header: entries[0].header, payload: entries[0].payload,
        modelFingerprint: model.entry.fingerprint)
    }
    return try ContainerWriter.archive(entries, modelFingerprint: model.entry.fingerprint)
  }
}
