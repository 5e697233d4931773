import Codec
import Foundation
import Image
import Models
import NumericCore
import Reports

/// Images, models and folders for the tests of `aez bench` and `aez compare`.
enum BenchFixtures {
  /// A 28x28 grey "digit": a soft ring whose centre, radius and thickness follow `seed`.
  ///
  /// Pixel value: `255 · exp(-(r - radius)² / (2 · width²))`, rounded, with `r` the distance
  /// from the centre; smooth enough that every classical codec has a sensible curve.
  static func digit(seed: Int) -> PixelBuffer {
    let centreX = 13.5 + Double(seed % 3) - 1
    let centreY = 13.5 + Double(seed % 2)
    let radius = 6.0 + Double(seed % 4)
    let width = 1.5 + Double(seed % 3) * 0.5
    var samples: [UInt16] = []
    for y in 0..<28 {
      for x in 0..<28 {
        let distance =
          ((Double(x) - centreX) * (Double(x) - centreX)
          + (Double(y) - centreY) * (Double(y) - centreY)).squareRoot()
        let offset = distance - radius
        samples.append(UInt16((255 * exp(-offset * offset / (2 * width * width))).rounded()))
      }
    }
    return PixelBuffer(width: 28, height: 28, layout: .grey, sampleDepth: .eight, samples: samples)
  }

  /// Writes `count` digits as `digit-N.png` into `folder` and returns their paths.
  @discardableResult
  static func writeDigits(count: Int, in folder: BenchFolder) throws -> [String] {
    try (0..<count).map { index in
      try folder.write(try PNG.encode(digit(seed: index + 1)), to: "digit-\(index + 1).png")
    }
  }

  /// The digits as the command line reads them.
  static func inputs(count: Int) throws -> [InputImage] {
    try (0..<count).map { index in
      try InputImage(path: "digit-\(index + 1).png", bytes: try PNG.encode(digit(seed: index + 1)))
    }
  }

  /// A seeded, untrained dense codec for 28x28 images with `latent` latents, its encoder
  /// weights scaled so that the latents spread over several integers: more latents, more
  /// bits.
  static func codec(latent: Int, seed: UInt64) -> FactorizedCodec {
    var generator = SeededGenerator(seed: seed)
    let codec = FactorizedCodec(
      architecture: .dense(
        hidden: [], latent: latent, activation: .relu, latentActivation: .linear),
      height: 28, width: 28, distortion: .mse, generator: &generator)
    for (_, parameter) in codec.encoder.parameters {
      parameter.value = Tensor(
        shape: parameter.shape, scalars: parameter.value.scalars.map { $0 * 6 })
    }
    return codec
  }

  /// The model file of a family member: `codec(latent:seed:)` with its family and quality
  /// in the notes.
  static func modelFile(latent: Int, family: String, quality: Double) throws -> ModelFile {
    try codec(latent: latent, seed: UInt64(latent)).modelFile(notes: [
      "family": .string(family), "quality": .number(quality),
    ])
  }

  /// The qualities and latent sizes of the test family `tiny`.
  static let familyMembers: [(quality: Double, latent: Int)] = [
    (20, 2), (40, 4), (60, 8), (80, 16),
  ]

  /// A catalog holding only the four members of family `tiny`.
  static func familyCatalog() throws -> ModelCatalog {
    ModelCatalog(
      models: try familyMembers.map { member in
        CatalogModel(
          name: "tiny-q\(Int(member.quality))",
          file: try modelFile(latent: member.latent, family: "tiny", quality: member.quality),
          isEmbedded: false)
      })
  }

  /// Whether the encoder and decoder of every codec in `codecs` are on `PATH`.
  static func toolsAvailable(_ codecs: [ClassicalCodec]) -> Bool {
    let runner = ClassicalCodecRunner()
    return codecs.allSatisfy { runner.availability(of: $0).isAvailable }
  }
}

/// A fresh empty folder under the temporary directory, removed by `remove()`.
struct BenchFolder {
  /// The folder's path.
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("aez-bench-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> String {
    (path as NSString).appendingPathComponent(name)
  }

  /// Writes `bytes` to `name` inside the folder and returns its path.
  @discardableResult
  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let target = file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: target))
    return target
  }

  /// The bytes of `name` inside the folder.
  func read(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: file(name))))
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
