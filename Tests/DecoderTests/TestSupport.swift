import Foundation

@testable import Decoder

/// The model fingerprint the fixtures were written for (that of
/// `Fixtures/models/fixture-model.aezm`), and a few others.
enum Fingerprints {
  static let fixture: UInt64 = 0xAC43_641B_79B6_08B6
  /// Same short fingerprint as `fixture`, different model.
  static let collidingWithFixture: UInt64 = 0xAC43_0000_0000_0001
  static let other: UInt64 = 0x0123_4567_89AB_CDEF
}

/// Reads the files in `Fixtures/aez`, written by `Fixtures/aez/generate.py`.
enum Fixtures {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/aez")

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
  }
}

/// The headers and payloads the fixtures hold (see `generate.py`).
enum FixtureContent {
  static let mnistHeader = ContainerImageHeader(
    pixelFormat: ContainerPixelFormat(colorModel: .gray), width: 28, height: 28,
    qualityHundredths: 7500)
  static let photoHeader = ContainerImageHeader(
    pixelFormat: ContainerPixelFormat(colorModel: .rgb, alpha: .dropped), width: 40,
    height: 30, qualityHundredths: 6250, latentShape: [8, 2, 3])
  static let payload10: [UInt8] = [0x3F, 0x8A, 0x01, 0xC4, 0x77, 0x02, 0xE9, 0x5D, 0x10, 0xB6]
  static let payload7: [UInt8] = [0x51, 0x00, 0xFE, 0x23, 0x9C, 0x44, 0x07]
  static let payload12: [UInt8] = Array(0xA0...0xAB)

  static let archiveEntries = [
    ContainerEntry(header: mnistHeader, name: "zero.png", payload: payload10),
    ContainerEntry(header: mnistHeader, name: "one.png", payload: payload7),
    ContainerEntry(header: photoHeader, name: "photo.png", payload: payload12),
  ]
}

/// SplitMix64: a small seeded generator, so every random test is reproducible from its seed.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
  }
}

enum FileManagerListing {
  /// The names of the files in `folder` that end in `.extension`.
  static func names(in folder: URL, withExtension fileExtension: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix("." + fileExtension) }
  }
}
