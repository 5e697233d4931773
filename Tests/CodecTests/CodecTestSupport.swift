import Codec
import Decoder
import Foundation
import Image
import Models
import NumericCore

/// The committed PNG fixtures under `Fixtures/png`, found from this file's path.
enum PNGFixtures {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CodecTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Fixtures/png")

  /// The full path of the fixture called `name`.
  static func path(_ name: String) -> String {
    folder.appendingPathComponent(name).path
  }

  /// The fixture called `name`, read as the command line reads its inputs.
  static func input(_ name: String) throws -> InputImage {
    let path = path(name)
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    return try InputImage(path: path, bytes: bytes)
  }

  /// The names of every valid fixture (all but `corrupt_*`), sorted.
  static let validNames: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".png") && !$0.hasPrefix("corrupt_") }.sorted()
  }()
}

/// Small, seeded, untrained models sized to an image's geometry.
enum TestModels {
  /// A dense factorized codec for `width` by `height` grey images: no hidden layer, latent
  /// 4, encoder weights scaled so the latents spread over several integers.
  static func codec(width: Int, height: Int, seed: UInt64 = 1) -> FactorizedCodec {
    var generator = SeededGenerator(seed: seed)
    let codec = FactorizedCodec(
      architecture: .dense(hidden: [], latent: 4, activation: .relu, latentActivation: .linear),
      height: height, width: width, distortion: .mse, generator: &generator)
    for (_, parameter) in codec.encoder.parameters {
      parameter.value = Tensor(
        shape: parameter.shape, scalars: parameter.value.scalars.map { $0 * 6 })
    }
    return codec
  }

  /// The catalog entry of `codec`'s model file, named `name`.
  static func catalogModel(_ codec: FactorizedCodec, name: String) throws -> CatalogModel {
    CatalogModel(
      name: name, file: try codec.modelFile(notes: ["description": "test model"]),
      isEmbedded: false)
  }

  /// A loaded model for `width` by `height` images.
  static func loaded(width: Int, height: Int, seed: UInt64 = 1) throws -> LoadedModel {
    let codec = codec(width: width, height: height, seed: seed)
    return try LoadedModel(try catalogModel(codec, name: "test-\(width)x\(height)-s\(seed)"))
  }
}

/// A grey 8-bit image whose pixel `i` is `(seed + 29 i) mod 256`.
func patternImage(width: Int, height: Int, seed: Int) -> PixelBuffer {
  PixelBuffer(
    width: width, height: height, layout: .grey, sampleDepth: .eight,
    samples: (0..<width * height).map { UInt16((seed + 29 * $0) % 256) })
}
