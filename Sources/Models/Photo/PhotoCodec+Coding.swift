import EntropyCoding
import Foundation
import NumericCore

extension PhotoCodec {
  /// Runs the analysis, the hyper-analysis and the exact hyper-synthesis on one image.
  ///
  /// - Parameters:
  ///   - planes: RGB planes in [0, 1], `[3, height, width]`.
  ///   - height: A positive multiple of 64.
  ///   - width: A positive multiple of 64.
  /// - Throws: `PhotoCodingError.unsupportedSize` or `.planeCountMismatch`.
  /// - Complexity: About 4.6 billion multiply-adds for 768x512 with the standard
  ///   architecture, nearly all in the analysis.
  public func analyze(planes: [Float], height: Int, width: Int) throws(PhotoCodingError)
    -> PhotoAnalysis
  {
    guard planes.count == 3 * height * width else {
      throw .planeCountMismatch(expected: 3 * height * width, actual: planes.count)
    }
    return try analyze(height: height, width: width) { region in
      var tile: [Float] = []
      tile.reserveCapacity(3 * region.rows.count * region.columns.count)
      for channel in 0..<3 {
        for row in region.rows {
          let start = (channel * height + row) * width
          tile += planes[(start + region.columns.lowerBound)..<(start + region.columns.upperBound)]
        }
      }
      return tile
    }
  }

  /// Runs the analysis tile by tile, then the hyper-analysis and the exact hyper-synthesis,
  /// on an image whose pixels `planes` supplies region by region.
  ///
  /// - Parameters:
  ///   - height: A positive multiple of 64.
  ///   - width: A positive multiple of 64.
  ///   - planes: Returns the RGB planes in [0, 1], `[3, rows, columns]`, of a region.
  /// - Throws: `PhotoCodingError.unsupportedSize`.
  /// - Complexity: See ``tiledAnalysis(height:width:planes:)``; memory for the latents and
  ///   one tile, never the whole image's activations.
  public func analyze(height: Int, width: Int, planes: (GridRegion) -> [Float])
    throws(PhotoCodingError) -> PhotoAnalysis
  {
    let model = requireEntropyModel()
    guard Self.acceptsSize(height: height, width: width) else {
      throw .unsupportedSize(height: height, width: width)
    }
    let shape = latentShape(height: height, width: width)
    let latents = tiledAnalysis(height: height, width: width, planes: planes)
    let magnitudes = Tensor(shape: [1] + shape, scalars: latents.map { abs($0) })
    let limit = Float(model.hyperSynthesis.hyperLatentLimit)
    let hyperLatents = hyperAnalysis.infer(magnitudes).scalars.map {
      Self.roundedInteger($0, limit: limit)
    }

    let hyperShape = hyperLatentShape(height: height, width: width)
    let hyperPlane = hyperShape[1] * hyperShape[2]
    let hyperLatentBytes = LatentStream.encode(
      values: hyperLatents, tableIndices: hyperLatents.indices.map { $0 / hyperPlane },
      tables: model.hyperLatentTables)
    let logScales = model.hyperSynthesis.logScales(
      hyperLatents: hyperLatents, height: hyperShape[1], width: hyperShape[2])
    return PhotoAnalysis(
      height: height, width: width, latents: latents, hyperLatents: hyperLatents,
      hyperLatentBytes: hyperLatentBytes, logScales: logScales)
  }

  /// Quantizes and codes an analysed image at `quality`.
  ///
  /// - Throws: `PhotoCodingError.qualityOutOfRange`.
  /// - Complexity: O(latents): a few milliseconds for 768x512.
  public func compress(_ analysis: PhotoAnalysis, quality: Double) throws(PhotoCodingError)
    -> PhotoBitstream
  {
    let model = requireEntropyModel()
    let blend = try QualityBlend(quality: quality, ratePoints: architecture.ratePoints)
    let logGains = model.blendedLogGains(blend)
    let unit = Double(1 << model.hyperSynthesis.outputFractionBits)
    let gains = logGains.map { Float(exp2(Double($0) / unit)) }
    let shape = latentShape(height: analysis.height, width: analysis.width)
    let plane = shape[1] * shape[2]
    let values = analysis.latents.indices.map { index in
      Self.roundedInteger(analysis.latents[index] * gains[index / plane], limit: 1e9)
    }
    let tableIndices = model.tableIndices(
      logScales: analysis.logScales, blendedLogGains: logGains)
    let latentBytes = LatentStream.encode(
      values: values, tableIndices: tableIndices, tables: model.gaussian.tables)
    return PhotoBitstream(
      hyperLatentBytes: analysis.hyperLatentBytes, latentBytes: latentBytes,
      hyperLatentShape: hyperLatentShape(height: analysis.height, width: analysis.width),
      latentShape: shape)
  }

  /// Compresses one image at `quality`: ``analyze(planes:height:width:)`` then
  /// ``compress(_:quality:)``.
  ///
  /// - Parameters:
  ///   - planes: RGB planes in [0, 1], `[3, height, width]`.
  ///   - height: A positive multiple of 64.
  ///   - width: A positive multiple of 64.
  ///   - quality: In 0...100; between two rate points the gains are interpolated.
  /// - Throws: `PhotoCodingError` for a bad size, plane count or quality.
  public func compress(planes: [Float], height: Int, width: Int, quality: Double)
    throws(PhotoCodingError) -> PhotoBitstream
  {
    _ = try QualityBlend(quality: quality, ratePoints: architecture.ratePoints)
    return try compress(analyze(planes: planes, height: height, width: width), quality: quality)
  }

  /// Entropy-decodes the integer latents of a bitstream, the deterministic part of decoding.
  ///
  /// - Throws: `PhotoCodingError.qualityOutOfRange`, or `.corruptStream` when a stream does
  ///   not decode.
  public func decodeLatents(_ bitstream: PhotoBitstream, quality: Double) throws(PhotoCodingError)
    -> PhotoLatents
  {
    let model = requireEntropyModel()
    let blend = try QualityBlend(quality: quality, ratePoints: architecture.ratePoints)
    let hyperShape = bitstream.hyperLatentShape
    let hyperPlane = hyperShape[1] * hyperShape[2]
    let hyperCount = hyperShape.reduce(1, *)
    let decodedHyperLatents: [Int32]
    do {
      decodedHyperLatents = try LatentStream.decode(
        bytes: bitstream.hyperLatentBytes,
        tableIndices: (0..<hyperCount).map { $0 / hyperPlane }, tables: model.hyperLatentTables)
    } catch {
      throw .corruptStream(stream: "hyper-latent", error)
    }
    // A valid stream never exceeds the limit (the encoder clamps); a damaged one may.
    let limit = Int32(clamping: model.hyperSynthesis.hyperLatentLimit)
    let hyperLatents = decodedHyperLatents.map { min(max($0, -limit), limit) }
    let logScales = model.hyperSynthesis.logScales(
      hyperLatents: hyperLatents, height: hyperShape[1], width: hyperShape[2])
    let tableIndices = model.tableIndices(
      logScales: logScales, blendedLogGains: model.blendedLogGains(blend))
    do {
      let latents = try LatentStream.decode(
        bytes: bitstream.latentBytes, tableIndices: tableIndices, tables: model.gaussian.tables)
      return PhotoLatents(
        hyperLatents: hyperLatents, latents: latents, latentShape: bitstream.latentShape)
    } catch {
      throw .corruptStream(stream: "latent", error)
    }
  }

  /// Rebuilds the image from decoded latents: `g_s(ŷ · h)` clamped to [0, 1].
  ///
  /// - Returns: RGB planes, `[3, 16 · latentHeight, 16 · latentWidth]`.
  /// - Throws: `PhotoCodingError.qualityOutOfRange`.
  public func reconstruct(_ latents: PhotoLatents, quality: Double) throws(PhotoCodingError)
    -> [Float]
  {
    let shape = latents.latentShape
    let stride = PhotoArchitecture.latentStride
    let height = shape[1] * stride
    let width = shape[2] * stride
    var planes = [Float](repeating: 0, count: 3 * height * width)
    try reconstruct(latents, quality: quality) { region, tile in
      let columns = region.columns.count
      var index = 0
      for channel in 0..<3 {
        for row in region.rows {
          let start = (channel * height + row) * width + region.columns.lowerBound
          for offset in 0..<columns {
            planes[start + offset] = tile[index]
            index += 1
          }
        }
      }
    }
    return planes
  }

  /// Rebuilds the image from decoded latents tile by tile, handing each region of it to
  /// `emit` as RGB planes in [0, 1], `[3, rows, columns]`.
  ///
  /// - Throws: `PhotoCodingError.qualityOutOfRange`.
  /// - Complexity: See ``tiledSynthesis(_:latentHeight:latentWidth:emit:)``; memory for one
  ///   tile besides the latents.
  public func reconstruct(
    _ latents: PhotoLatents, quality: Double, emit: (GridRegion, [Float]) -> Void
  ) throws(PhotoCodingError) {
    let blend = try QualityBlend(quality: quality, ratePoints: architecture.ratePoints)
    let inverseGains = self.inverseGains(blend)
    let shape = latents.latentShape
    let plane = shape[1] * shape[2]
    let input = latents.latents.indices.map { index in
      Float(latents.latents[index]) * inverseGains[index / plane]
    }
    tiledSynthesis(input, latentHeight: shape[1], latentWidth: shape[2], emit: emit)
  }

  /// Decodes a bitstream's self-delimiting bytes into RGB planes.
  ///
  /// - Parameters:
  ///   - bytes: ``PhotoBitstream/bytes``.
  ///   - height: The coded (padded) height, a positive multiple of 64.
  ///   - width: The coded (padded) width, a positive multiple of 64.
  ///   - quality: The quality the image was compressed at.
  /// - Returns: RGB planes in [0, 1], `[3, height, width]`.
  /// - Throws: `PhotoCodingError` for a bad size or quality, or damaged bytes.
  public func decompress(_ bytes: [UInt8], height: Int, width: Int, quality: Double)
    throws(PhotoCodingError) -> [Float]
  {
    guard Self.acceptsSize(height: height, width: width) else {
      throw .unsupportedSize(height: height, width: width)
    }
    let bitstream = try PhotoBitstream(
      bytes: bytes, hyperLatentShape: hyperLatentShape(height: height, width: width),
      latentShape: latentShape(height: height, width: width))
    return try reconstruct(decodeLatents(bitstream, quality: quality), quality: quality)
  }

  /// Decodes a bitstream's self-delimiting bytes tile by tile, handing each region of the
  /// image to `emit` as RGB planes in [0, 1], `[3, rows, columns]`.
  ///
  /// - Parameters:
  ///   - bytes: ``PhotoBitstream/bytes``.
  ///   - height: The coded (padded) height, a positive multiple of 64.
  ///   - width: The coded (padded) width, a positive multiple of 64.
  ///   - quality: The quality the image was compressed at.
  ///   - emit: Receives every region of the padded image once.
  /// - Throws: `PhotoCodingError` for a bad size or quality, or damaged bytes.
  /// - Complexity: Memory for the latents and one tile, never the whole image's planes.
  public func decompress(
    _ bytes: [UInt8], height: Int, width: Int, quality: Double,
    emit: (GridRegion, [Float]) -> Void
  ) throws(PhotoCodingError) {
    guard Self.acceptsSize(height: height, width: width) else {
      throw .unsupportedSize(height: height, width: width)
    }
    let bitstream = try PhotoBitstream(
      bytes: bytes, hyperLatentShape: hyperLatentShape(height: height, width: width),
      latentShape: latentShape(height: height, width: width))
    try reconstruct(decodeLatents(bitstream, quality: quality), quality: quality, emit: emit)
  }

  /// The inverse gains `h = exp((1 − t) ln h_k + t ln h_{k+1})`, one per latent channel.
  func inverseGains(_ blend: QualityBlend) -> [Float] {
    let m = architecture.latentChannels
    let logs = logInverseGain.value.scalars
    let t = blend.fraction
    return (0..<m).map { channel in
      let low = Double(logs[blend.lower * m + channel])
      let high = Double(logs[blend.upper * m + channel])
      return Float(exp((1 - t) * low + t * high))
    }
  }

  /// The entropy model, which coding cannot do without.
  func requireEntropyModel() -> PhotoEntropyModel {
    guard let model = entropyModel else {
      preconditionFailure("call updateEntropyModel() or load a model file before coding")
    }
    return model
  }

  /// `round(value)` clamped to `±limit`, with NaN mapped to 0.
  static func roundedInteger(_ value: Float, limit: Float) -> Int32 {
    guard !value.isNaN else { return 0 }
    return Int32(min(max(value.rounded(), -limit), limit))
  }
}
