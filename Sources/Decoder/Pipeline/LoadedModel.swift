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
    case let name:
      throw CodingError.unsupportedArchitecture(name)
    }
  }

  /// A description of the images the model codes, such as `28x28 grey`.
  public var imageKind: String {
    switch codec {
    case .factorized(let model, _, _): return "\(model.width)x\(model.height) grey"
    }
  }

  /// Whether the model can code an image of this size.
  public func accepts(width: Int, height: Int) -> Bool {
    switch codec {
    case .factorized(let model, _, _): return model.width == width && model.height == height
    }
  }

  /// The latent shape the model produces for an image of this size.
  public func latentShape(width: Int, height: Int) -> [Int] {
    switch codec {
    case .factorized(let model, _, _): return model.latentShape
    }
  }

  /// Decodes the colour planes of one image from its coded stream.
  ///
  /// - Returns: Channel-first planes in [0, 1]: one plane for a grey model.
  /// - Throws: `CodingError.corruptStream`.
  func decodePlanes(_ stream: [UInt8], width: Int, height: Int) throws -> [Float] {
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
    }
  }

  /// The number of colour channels the model's planes hold.
  var planeChannels: Int {
    switch codec {
    case .factorized: return 1
    }
  }
}
