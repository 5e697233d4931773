import NumericCore
import Testing

@testable import Models

/// A small dense codec: 8x8 images, one hidden layer of 6, latent 4.
func smallDenseCodec(seed: UInt64 = 1, latent: Int = 4) -> FactorizedCodec {
  var generator = SeededGenerator(seed: seed)
  return FactorizedCodec(
    architecture: .dense(hidden: [6], latent: latent, activation: .relu, latentActivation: .linear),
    height: 8, width: 8, distortion: .mse, generator: &generator)
}

/// `count` seeded random images of `height` by `width`, NCHW in [0, 1].
func randomImages(count: Int, height: Int, width: Int, seed: UInt64) -> Tensor {
  var generator = SeededGenerator(seed: seed)
  return Tensor(
    shape: [count, 1, height, width],
    scalars: generator.floats(count * height * width, in: 0..<1))
}

@Suite("Factorized codec")
struct FactorizedCodecTests {
  static let architectures: [DigitArchitecture] = [
    .dense(hidden: [6], latent: 4, activation: .relu, latentActivation: .linear),
    .dense(hidden: [], latent: 3, activation: .elu, latentActivation: .sigmoid),
    .conv(channels: 2, latentChannels: 3),
  ]

  @Test(
    "a model file rebuilds a codec with identical latents and reconstructions",
    arguments: architectures)
  func modelFileRoundTrip(architecture: DigitArchitecture) throws {
    var generator = SeededGenerator(seed: 3)
    let codec = FactorizedCodec(
      architecture: architecture, height: 8, width: 8, distortion: .binaryCrossEntropy,
      generator: &generator)
    // Scale the weights so the latents span several integers.
    for (_, parameter) in codec.encoder.parameters {
      parameter.value = Tensor(
        shape: parameter.shape, scalars: parameter.value.scalars.map { $0 * 4 })
    }
    let file = try codec.modelFile(notes: ["description": "round trip"])
    let restored = try FactorizedCodec(modelFile: try ModelFile(bytes: file.serialized()))

    #expect(restored.architecture == architecture)
    #expect((restored.height, restored.width) == (8, 8))
    #expect(restored.distortion == .binaryCrossEntropy)
    #expect(restored.parameters.map(\.name) == codec.parameters.map(\.name))
    for ((name, original), (_, copy)) in zip(codec.parameters, restored.parameters) {
      #expect(original.value.scalars == copy.value.scalars, "\(name)")
    }

    let images = randomImages(count: 3, height: 8, width: 8, seed: 4)
    let latents = codec.quantizedLatents(of: images)
    #expect(restored.quantizedLatents(of: images) == latents)
    #expect(Set(latents).count > 1)
    #expect(
      restored.reconstruct(latents: latents, count: 3).scalars
        == codec.reconstruct(latents: latents, count: 3).scalars)
    #expect(try restored.modelFile().fingerprint == file.fingerprint)
  }

  @Test("the model file holds one integer table per latent channel", arguments: architectures)
  func tablesPerChannel(architecture: DigitArchitecture) throws {
    var generator = SeededGenerator(seed: 5)
    let codec = FactorizedCodec(
      architecture: architecture, height: 8, width: 8, distortion: .mse, generator: &generator)
    let file = try codec.modelFile()
    let channels = codec.latentShape[0]
    let tables = try FactorizedCodec.tables(in: file, channels: channels)
    #expect(tables == (try codec.prior.tables()))
    #expect(tables.count == channels)
    #expect(
      throws: ModelFileError.malformed(
        field: "prior.tables", reason: "\(channels) tables for \(channels + 1) channels")
    ) { try FactorizedCodec.tables(in: file, channels: channels + 1) }
  }

  @Test("the latent shape follows the architecture")
  func latentShape() {
    var generator = SeededGenerator(seed: 1)
    let conv = FactorizedCodec(
      architecture: .conv(channels: 2, latentChannels: 5), height: 13, width: 8,
      distortion: .mse, generator: &generator)
    #expect(conv.latentShape == [5, 4, 2])
    let images = randomImages(count: 2, height: 13, width: 8, seed: 2)
    #expect(conv.quantizedLatents(of: images).count == 2 * 5 * 4 * 2)
    #expect(smallDenseCodec(latent: 7).latentShape == [7])
  }

  @Test("a misshapen tensor is refused, naming it with both shapes")
  func misshapenTensor() throws {
    var file = try smallDenseCodec().modelFile()
    // The first dense layer's weight is [6, 64]; store it as [64, 6].
    guard case .tensor(_, let values) = file.entries["encoder.0.weight"] else {
      Issue.record("the model file lacks encoder.0.weight")
      return
    }
    file.entries["encoder.0.weight"] = .tensor(shape: [64, 6], values: values)
    #expect(
      throws: ModelFileError.shapeMismatch(
        name: "encoder.0.weight", expected: [6, 64], actual: [64, 6])
    ) { try FactorizedCodec(modelFile: file) }
  }

  @Test("a missing tensor is refused, naming it")
  func missingTensor() throws {
    var file = try smallDenseCodec().modelFile()
    file.entries["prior.factor.1"] = nil
    #expect(throws: ModelFileError.missingEntry("prior.factor.1")) {
      try FactorizedCodec(modelFile: file)
    }
  }

  @Test("an architecture another build does not know, or bad geometry, is refused")
  func badArchitecture() throws {
    let good = try smallDenseCodec().modelFile()
    var unknown = good
    unknown.architecture["name"] = "transformer"
    #expect(throws: ModelFileError.unknownArchitecture("transformer")) {
      try FactorizedCodec(modelFile: unknown)
    }
    for (key, value) in [
      ("height", JSONValue.number(0)), ("width", .string("8")), ("height", .number(5000)),
    ] {
      var file = good
      file.architecture[key] = value
      #expect(
        throws: ModelFileError.malformed(field: "architecture", reason: "no valid height and width")
      ) { try FactorizedCodec(modelFile: file) }
    }
    var distortion = good
    distortion.architecture["distortion"] = "ssim"
    #expect(throws: ModelFileError.malformed(field: "architecture.distortion", reason: "unknown")) {
      try FactorizedCodec(modelFile: distortion)
    }
  }

  @Test("architectures survive their JSON form", arguments: architectures)
  func architectureJSON(architecture: DigitArchitecture) throws {
    #expect(try DigitArchitecture(json: architecture.json) == architecture)
  }

  @Test("invalid architecture values name the key")
  func invalidArchitectureJSON() {
    let dense = FactorizedCodecTests.architectures[0].json
    let cases: [(String, JSONValue?, ModelFileError)] = [
      ("latent", 0, .malformed(field: "architecture.latent", reason: "not a size")),
      ("latent", 2.5, .malformed(field: "architecture.latent", reason: "not a size")),
      ("latent", nil, .malformed(field: "architecture.latent", reason: "not a size")),
      ("hidden", .array([3, -1]), .malformed(field: "architecture.hidden", reason: "not sizes")),
      ("hidden", 3, .malformed(field: "architecture.hidden", reason: "not a list")),
      (
        "activation", "swish",
        .malformed(field: "architecture.activation", reason: "not an activation")
      ),
      ("name", nil, .unknownArchitecture("(none)")),
    ]
    for (key, value, error) in cases {
      var json = dense
      json[key] = value
      #expect(throws: error) { try DigitArchitecture(json: json) }
    }
  }
}
