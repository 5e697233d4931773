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

extension TestModels {
  /// A small, seeded, untrained photo codec (`N = 8`, `M = 12`, three rate points), loaded.
  static func photo(seed: UInt64 = 7) throws -> LoadedModel {
    var generator = SeededGenerator(seed: seed)
    let codec = PhotoCodec(
      architecture: PhotoArchitecture(
        featureChannels: 8, latentChannels: 12,
        ratePoints: [
          .init(quality: 0, lambda: 0.004), .init(quality: 50, lambda: 0.02),
          .init(quality: 100, lambda: 0.1),
        ]),
      generator: &generator)
    try codec.updateEntropyModel()
    return try LoadedModel(
      CatalogModel(name: "test-photo", file: try codec.modelFile(), isEmbedded: false))
  }
}

/// An 8-bit RGB image of smooth colour gradients with seeded noise.
func photoImage(width: Int, height: Int, seed: UInt64) -> PixelBuffer {
  var generator = SeededGenerator(seed: seed)
  var samples: [UInt16] = []
  for row in 0..<height {
    for column in 0..<width {
      for channel in 0..<3 {
        let x = Double(column) / Double(width)
        let y = Double(row) / Double(height)
        let base = 0.5 + 0.35 * sin(6 * x + 2 * Double(channel)) * cos(4 * y - Double(channel))
        let value = base + 0.1 * (Double(generator.nextUnitFloat()) - 0.5)
        samples.append(UInt16((min(max(value, 0), 1) * 255).rounded()))
      }
    }
  }
  return PixelBuffer(
    width: width, height: height, layout: .rgb, sampleDepth: .eight, samples: samples)
}

/// A grey 8-bit image whose pixel `i` is `(seed + 29 i) mod 256`.
func patternImage(width: Int, height: Int, seed: Int) -> PixelBuffer {
  PixelBuffer(
    width: width, height: height, layout: .grey, sampleDepth: .eight,
    samples: (0..<width * height).map { UInt16((seed + 29 * $0) % 256) })
}
