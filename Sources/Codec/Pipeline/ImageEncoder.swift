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
  /// Codes one image as an entry of a `.aez` file at a fixed quality.
  ///
  /// See ``encode(_:name:model:target:alpha:)``.
  public static func encode(
    _ image: PixelBuffer, name: String? = nil, model: LoadedModel, quality: Double,
    alpha: AlphaHandling = .keep
  ) throws -> ContainerEntry {
    try encode(image, name: name, model: model, target: .quality(quality), alpha: alpha)
  }

  /// Codes one image as an entry of a `.aez` file.
  ///
  /// The colour is coded by the model from the image's 8-bit precision (16-bit samples are
  /// rounded to 8 bits first); the header records the original layout and bit depth so the
  /// decoder writes the image back in its own format. The quality is kept to hundredths, the
  /// precision the header records, so the decoder uses exactly the encoder's gains.
  ///
  /// A photo model runs its networks once; a search for a target size then repeats only the
  /// quantization and entropy coding (about 14 times), and a search for a target PSNR also
  /// decodes each candidate (about 8 times). A digit model codes at its own quality whatever
  /// the target: the choice among a family's models is the caller's.
  ///
  /// - Parameters:
  ///   - image: The image.
  ///   - name: The name stored for it in an archive, if any.
  ///   - model: The model to code with.
  ///   - target: The quality, or the size or PSNR to aim for.
  ///   - alpha: Whether to keep the alpha channel.
  /// - Throws: `CodingError.imageDoesNotFitModel` when the model cannot code this image.
  public static func encode(
    _ image: PixelBuffer, name: String? = nil, model: LoadedModel, target: RateTarget,
    alpha: AlphaHandling = .keep
  ) throws -> ContainerEntry {
    guard model.accepts(width: image.width, height: image.height) else {
      throw CodingError.imageDoesNotFitModel(
        model: model.entry.name, expected: model.imageKind,
        actual: "\(image.width)x\(image.height) \(image.layout)")
    }
    let colour = image.removingAlpha()
    var alphaStream: [UInt8]?
    let alphaFormat: ContainerPixelFormat.Alpha
    if let alphaSamples = image.alphaPlane() {
      if alpha == .keep {
        alphaFormat = .lossless
        alphaStream = try AlphaPlane.encode(
          alphaSamples, width: image.width, height: image.height, depth: image.sampleDepth)
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
    let pixelFormat = ContainerPixelFormat(
      colorModel: colour.layout == .grey ? .gray : .rgb, alpha: alphaFormat, bitDepth: bitDepth)
    func entry(colourStream: [UInt8], qualityHundredths: Int) -> ContainerEntry {
      let header = ContainerImageHeader(
        pixelFormat: pixelFormat, width: image.width, height: image.height,
        qualityHundredths: qualityHundredths, latentShape: nil)
      let streams = [colourStream] + (alphaStream.map { [$0] } ?? [])
      return ContainerEntry(header: header, name: name, payload: PayloadStreams.join(streams))
    }

    switch model.codec {
    case .factorized(let network, let tables, let channelOfLatent):
      let planes = colour.convertedToGrey().converted(to: .eight).floatPlanes()
      let input = Tensor(shape: [1, 1, image.height, image.width], scalars: planes)
      let latents = network.quantizedLatents(of: input)
      let stream = LatentStream.encode(
        values: latents, tableIndices: channelOfLatent, tables: tables)
      let quality: Double
      switch target {
      case .quality(let value): quality = value
      case .bitsPerPixel, .psnr: quality = model.entry.quality ?? 0
      }
      return entry(colourStream: stream, qualityHundredths: hundredths(quality))
    case .photo(let codec):
      // Padding by edge replication to the networks' stride; the decoder crops it off.
      let (paddedWidth, paddedHeight) = LoadedModel.photoPadding(
        width: image.width, height: image.height)
      let analysis = try codec.analyze(height: paddedHeight, width: paddedWidth) { region in
        colour.photoPlanes(region)
      }
      func candidate(_ qualityHundredths: Int) throws -> ContainerEntry {
        let bitstream = try codec.compress(analysis, quality: Double(qualityHundredths) / 100)
        return entry(colourStream: bitstream.bytes, qualityHundredths: qualityHundredths)
      }
      switch target {
      case .quality(let value):
        return try candidate(hundredths(value))
      case .bitsPerPixel(let bitsPerPixel):
        return try RateSearch.nearestSize(
          bits: bitsPerPixel * Double(image.pixelCount), candidate: candidate
        ) {
          try ContainerWriter.single(
            header: $0.header, payload: $0.payload, modelFingerprint: model.entry.fingerprint
          ).count * 8
        }
      case .psnr(let decibels):
        return try RateSearch.lowestReaching(decibels, candidate: candidate) { entry in
          let decoded = try ImageDecoder.decode(entry, with: model).image.removingAlpha()
          let error = try ImageQuality.meanSquaredError(colour, decoded)
          return ImageQuality.peakSignalToNoiseRatio(meanSquaredError: error)
        }
      }
    }
  }

  /// `quality` in hundredths, clamped to the range the header holds.
  private static func hundredths(_ quality: Double) -> Int {
    let maximum = ContainerImageHeader.maximumQualityHundredths
    return min(max(Int((quality * 100).rounded()), 0), maximum)
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
