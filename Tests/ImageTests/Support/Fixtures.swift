import Foundation
import Image

/// Locations of the committed fixtures and helpers to read them.
enum Fixtures {
  /// `Fixtures/png` at the package root, found from this file's path.
  static let pngDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // ImageTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Fixtures/png")

  /// Full path of the fixture called `name`.
  static func path(_ name: String) -> String {
    pngDirectory.appendingPathComponent(name).path
  }

  /// Raw bytes of the fixture called `name`.
  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: pngDirectory.appendingPathComponent(name)))
  }

  /// Names of every valid (non-corrupt) fixture, sorted.
  static func validNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: pngDirectory.path)
      .filter { $0.hasSuffix(".png") && !$0.hasPrefix("corrupt_") }
      .sorted()
  }

  /// A fresh, empty directory under the system's temporary directory.
  static func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("image-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }
}

/// The sample formulas of Fixtures/make_png_fixtures.py, repeated here to predict every
/// decoded value.
enum FixtureFormula {
  /// `(x * 40503 + y * 7919 + c * 21011 + x * y * 131) % levels`.
  static func sample(x: Int, y: Int, channel: Int, levels: Int) -> Int {
    (x * 40503 + y * 7919 + channel * 21011 + x * y * 131) % levels
  }

  /// Palette entry `index` as (r, g, b).
  static func paletteEntry(_ index: Int) -> [Int] {
    [(index * 73 + 11) % 256, (index * 151 + 7) % 256, (index * 31 + 200) % 256]
  }

  /// tRNS alpha of palette entry `index`.
  static func paletteAlpha(_ index: Int) -> Int {
    (index * 97 + 3) % 256
  }
}

/// A seeded SplitMix64 generator, so every random test is reproducible from its seed.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

/// A random image with samples spread over the whole range of `depth`.
func randomImage(
  width: Int, height: Int, layout: PixelBuffer.Layout, depth: PixelBuffer.SampleDepth,
  seed: UInt64
) -> PixelBuffer {
  var generator = SeededGenerator(seed: seed)
  let count = width * height * layout.channelCount
  let samples = (0..<count).map { _ in
    UInt16.random(in: 0...depth.maximumValue, using: &generator)
  }
  return PixelBuffer(
    width: width, height: height, layout: layout, sampleDepth: depth, samples: samples)
}
