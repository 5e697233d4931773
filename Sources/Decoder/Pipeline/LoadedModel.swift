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

  /// Decodes the colour planes of one image from its coded stream.
  ///
  /// - Returns: Channel-first planes in [0, 1]: one plane for a grey model.
  /// - Throws: `CodingError.corruptStream`.
  func decodePlanes(
    _ stream: [UInt8], width: Int, height: Int, quality: Double
  ) throws -> [Float] {
    switch codec {
    case .factorized(let model, let tables, let channelOfLatent):
      let latents: [Int32]
      do {
        latents = try LatentStream.decode(
          bytes: stream, tableIndices: channelOfLatent, tables: tables)
      } catch {
        throw CodingError.corruptStream("latent", reason: "\(error)")
      }
      return model.reconstruct(latents: latents, count: 1).scalars
    case .photo(let codec):
      let (paddedWidth, paddedHeight) = Self.photoPadding(width: width, height: height)
      let planes: [Float]
      do {
        planes = try codec.decompress(
          stream, height: paddedHeight, width: paddedWidth, quality: quality)
      } catch {
        throw CodingError.corruptStream("latent", reason: "\(error)")
      }
      return Self.cropPlanes(
        planes, channels: 3, from: (paddedWidth, paddedHeight), to: (width, height))
    }
  }

  /// The number of colour channels the model's planes hold.
  var planeChannels: Int {
    switch codec {
    case .factorized: return 1
    case .photo: return 3
    }
  }

  /// The size a photo is padded to: each side rounded up to the networks' total stride.
  public static func photoPadding(width: Int, height: Int) -> (width: Int, height: Int) {
    let stride = PhotoArchitecture.hyperLatentStride
    return ((width + stride - 1) / stride * stride, (height + stride - 1) / stride * stride)
  }

  /// The top-left `to` pixels of each channel-first plane of size `from`.
  static func cropPlanes(
    _ planes: [Float], channels: Int, from: (width: Int, height: Int), to: (width: Int, height: Int)
  ) -> [Float] {
    guard from != to else { return planes }
    var cropped: [Float] = []
    cropped.reserveCapacity(channels * to.width * to.height)
    for channel in 0..<channels {
      for row in 0..<to.height {
        let start = (channel * from.height + row) * from.width
        cropped += planes[start..<start + to.width]
      }
    }
    return cropped
  }
}
