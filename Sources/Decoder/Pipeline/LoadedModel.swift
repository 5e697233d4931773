import EntropyCoding
import Image
import Models

/// A catalog model with its network built and its coding tables read, ready to code.
public final class LoadedModel {
  /// The catalog entry the model came from.
  public let entry: CatalogModel
  /// The network and its integer coding tables, by architecture.
  public let codec: Codec

  /// The networks this build can code with.
  public enum Codec {
    /// A codec for small grey images with a factorized prior, its per-channel tables, and
    /// the channel of each latent in coding order.
    case factorized(FactorizedCodec, tables: [FrequencyTable], channelOfLatent: [Int])
    /// The photo codec with its scale hyperprior, for RGB images of any size.
    case photo(PhotoCodec)
  }

  /// Builds the network of `entry`.
  ///
  /// - Throws: `ModelFileError` for a damaged file, `CodingError` for an architecture that
  ///   cannot code images.
  public init(_ entry: CatalogModel) throws {
    self.entry = entry
    switch entry.file.architectureName {
    case "dense", "conv":
      let model = try FactorizedCodec(modelFile: entry.file)
      let shape = model.latentShape
      let perChannel = shape.dropFirst().reduce(1, *)
      let channelOfLatent = (0..<shape.reduce(1, *)).map { $0 / perChannel }
      codec = .factorized(
        model, tables: try FactorizedCodec.tables(in: entry.file, channels: shape[0]),
        channelOfLatent: channelOfLatent)
    case "photo":
      codec = .photo(try PhotoCodec(modelFile: entry.file))
    case let name:
      throw CodingError.unsupportedArchitecture(name)
    }
  }

  /// A description of the images the model codes, such as `28x28 grey`.
  public var imageKind: String {
    switch codec {
    case .factorized(let model, _, _): return "\(model.width)x\(model.height) grey"
    case .photo: return "RGB or grey, any size"
    }
  }

  /// Whether the model can code an image of this size.
  public func accepts(width: Int, height: Int) -> Bool {
    switch codec {
    case .factorized(let model, _, _): return model.width == width && model.height == height
    case .photo: return width > 0 && height > 0
    }
  }

  /// The fewest payload bytes a valid coding of a `width` by `height` image can have; the
  /// colour stream alone has this many, whatever else the payload holds.
  ///
  /// - Complexity: O(total table size) for the photo model, O(1) otherwise.
  public func minimumPayloadByteCount(width: Int, height: Int) -> Int {
    switch codec {
    case .factorized: return 0
    case .photo(let codec):
      let (paddedWidth, paddedHeight) = Self.photoPadding(width: width, height: height)
      return codec.minimumBitstreamByteCount(height: paddedHeight, width: paddedWidth)
    }
  }

  /// The latent shape the model produces for an image of this size.
  public func latentShape(width: Int, height: Int) -> [Int] {
    switch codec {
    case .factorized(let model, _, _): return model.latentShape
    case .photo(let codec):
      let (paddedWidth, paddedHeight) = Self.photoPadding(width: width, height: height)
      return codec.latentShape(height: paddedHeight, width: paddedWidth)
    }
  }

  /// Decodes the colour of one image from its coded stream.
  ///
  /// A grey model's plane is repeated for an RGB image; a photo decoded as grey is the mean of
  /// its three planes. Photos are rebuilt tile by tile straight into the samples, so memory
  /// stays near the size of the decoded image.
  ///
  /// - Parameters:
  ///   - stream: The coded colour.
  ///   - width: The image width.
  ///   - height: The image height.
  ///   - quality: The quality the image was coded at.
  ///   - layout: `.grey` or `.rgb`.
  ///   - depth: The sample depth of the result.
  ///   - sourceBitDepth: The bit depth the image is written back at.
  /// - Throws: `CodingError.corruptStream`.
  func decodeColour(
    _ stream: [UInt8], width: Int, height: Int, quality: Double, layout: PixelBuffer.Layout,
    depth: PixelBuffer.SampleDepth, sourceBitDepth: Int
  ) throws -> PixelBuffer {
    precondition(layout == .grey || layout == .rgb, "colour is grey or RGB")
    switch codec {
    case .factorized(let model, let tables, let channelOfLatent):
      let latents: [Int32]
      do {
        latents = try LatentStream.decode(
          bytes: stream, tableIndices: channelOfLatent, tables: tables)
      } catch {
        throw CodingError.corruptStream("latent", reason: "\(error)")
      }
      let plane = model.reconstruct(latents: latents, count: 1).scalars
      return PixelBuffer(
        floatPlanes: layout == .rgb ? plane + plane + plane : plane, width: width,
        height: height, layout: layout, sampleDepth: depth, sourceBitDepth: sourceBitDepth)
    case .photo(let codec):
      let (paddedWidth, paddedHeight) = Self.photoPadding(width: width, height: height)
      var samples = [UInt16](repeating: 0, count: width * height * layout.channelCount)
      do {
        try codec.decompress(
          stream, height: paddedHeight, width: paddedWidth, quality: quality
        ) { region, planes in
          Self.store(
            planes, of: region, into: &samples, width: width, height: height, layout: layout,
            maximum: Float(depth.maximumValue))
        }
      } catch {
        throw CodingError.corruptStream("latent", reason: "\(error)")
      }
      return PixelBuffer(
        width: width, height: height, layout: layout, sampleDepth: depth, samples: samples,
        sourceBitDepth: sourceBitDepth)
    }
  }

  /// Quantizes the part of a decoded tile that lies inside the image into its samples: RGB as
  /// it is, grey as the mean of the three planes.
  ///
  /// - Parameters:
  ///   - planes: The tile's RGB planes in [0, 1], `[3, rows, columns]`.
  ///   - region: Where the tile lies in the padded image.
  ///   - samples: The image's interleaved samples.
  ///   - width: The image width.
  ///   - height: The image height.
  ///   - layout: `.grey` or `.rgb`.
  ///   - maximum: The largest sample value.
  private static func store(
    _ planes: [Float], of region: GridRegion, into samples: inout [UInt16], width: Int,
    height: Int, layout: PixelBuffer.Layout, maximum: Float
  ) {
    let tileWidth = region.columns.count
    let tilePlane = region.rows.count * tileWidth
    let rows = region.rows.clamped(to: 0..<height)
    let columns = region.columns.clamped(to: 0..<width)
    for row in rows {
      for column in columns {
        let index = (row - region.rows.lowerBound) * tileWidth + column - region.columns.lowerBound
        let red = planes[index]
        let green = planes[tilePlane + index]
        let blue = planes[2 * tilePlane + index]
        if layout == .grey {
          samples[row * width + column] = UInt16(((red + green + blue) / 3 * maximum).rounded())
        } else {
          let target = (row * width + column) * 3
          samples[target] = UInt16((red * maximum).rounded())
          samples[target + 1] = UInt16((green * maximum).rounded())
          samples[target + 2] = UInt16((blue * maximum).rounded())
        }
      }
    }
  }

  /// The size a photo is padded to: each side rounded up to the networks' total stride.
  public static func photoPadding(width: Int, height: Int) -> (width: Int, height: Int) {
    let stride = PhotoArchitecture.hyperLatentStride
    return ((width + stride - 1) / stride * stride, (height + stride - 1) / stride * stride)
  }
}
