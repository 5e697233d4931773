import Foundation
import NumericCore
import Testing

@testable import Models

@Suite struct PhotoModelFileTests {
  @Test func exportImportRoundTripGivesIdenticalOutputs() throws {
    let codec = try PhotoFixtures.codec(seed: 61)
    let file = try codec.modelFile(notes: ["description": "test"])
    let bytes = file.serialized()
    let loaded = try PhotoCodec(modelFile: try ModelFile(bytes: bytes))

    #expect(loaded.architecture == codec.architecture)
    #expect(loaded.entropyModel == codec.entropyModel)
    #expect(try loaded.modelFile().fingerprint == file.fingerprint)
    let planes = PhotoFixtures.image(height: 64, width: 128, seed: 62)
    let original = try codec.compress(planes: planes, height: 64, width: 128, quality: 70)
    let reloaded = try loaded.compress(planes: planes, height: 64, width: 128, quality: 70)
    #expect(original == reloaded)
    #expect(
      try codec.decompress(original.bytes, height: 64, width: 128, quality: 70)
        == loaded.decompress(original.bytes, height: 64, width: 128, quality: 70))
  }

  @Test func integerEntriesArePartOfTheFingerprint() throws {
    let codec = try PhotoFixtures.codec(seed: 63)
    var file = try codec.modelFile()
    for name in [
      "prior.tables", "gaussian.tables", "gaussian.thresholds", "gain.fixed",
      "hyperSynthesis.integer",
    ] {
      #expect(file.entries[name] != nil, "missing \(name)")
    }
    let fingerprint = file.fingerprint
    guard case .bytes(var network) = file.entries["hyperSynthesis.integer"] else {
      Issue.record("the integer network is not a byte entry")
      return
    }
    network[network.count - 1] ^= 1
    file.entries["hyperSynthesis.integer"] = .bytes(network)
    #expect(file.fingerprint != fingerprint)
  }

  @Test func misshapenTensorIsRefusedWithBothShapes() throws {
    let codec = try PhotoFixtures.codec(seed: 64)
    var file = try codec.modelFile()
    file.entries["synthesis.0.weight"] = .tensor(
      shape: [12, 8, 3, 3],
      values: .init(
        repeating: 0, count: 12 * 8 * 9))
    #expect(
      throws: ModelFileError.shapeMismatch(
        name: "synthesis.0.weight", expected: [12, 8, 5, 5], actual: [12, 8, 3, 3])
    ) { try PhotoCodec(modelFile: file) }
  }

  struct Damage: CustomTestStringConvertible, Sendable {
    var entry: String
    var bytes: [UInt8]?
    var testDescription: String { bytes == nil ? "no \(entry)" : "bad \(entry)" }
  }

  static let damages: [Damage] = [
    Damage(entry: "gain.log", bytes: nil),
    Damage(entry: "prior.tables", bytes: nil),
    Damage(entry: "prior.tables", bytes: [1, 2, 3]),
    Damage(entry: "gaussian.tables", bytes: [1]),
    Damage(entry: "gaussian.thresholds", bytes: [UInt8](repeating: 0, count: 8 * 63)),
    Damage(entry: "gain.fixed", bytes: [UInt8](repeating: 0xFF, count: 7)),
    Damage(entry: "hyperSynthesis.integer", bytes: [1, 16, 0]),
  ]

  @Test(arguments: damages) func damagedEntriesAreRefused(_ damage: Damage) throws {
    let codec = try PhotoFixtures.codec(seed: 65)
    var file = try codec.modelFile()
    file.entries[damage.entry] = damage.bytes.map { .bytes($0) }
    #expect(throws: ModelFileError.self) { try PhotoCodec(modelFile: file) }
  }

  @Test func integerNetworkOfAnotherShapeIsRefused() throws {
    let small = try PhotoFixtures.codec(seed: 66)
    var generator = SeededGenerator(seed: 67)
    var architecture = PhotoFixtures.architecture
    architecture.latentChannels = 16
    let other = PhotoCodec(architecture: architecture, generator: &generator)
    var file = try small.modelFile()
    file.entries["hyperSynthesis.integer"] = try other.modelFile().entries[
      "hyperSynthesis.integer"]
    #expect(throws: ModelFileError.self) { try PhotoCodec(modelFile: file) }
  }
}
