import Foundation
import Image
import NumericCore

@testable import Training

/// The committed fixtures under `Fixtures/`, found from this file's path.
enum TrainingFixtures {
  /// `Fixtures/idx` at the package root.
  static let idxFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TrainingTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Fixtures/idx")

  /// The full path of the IDX fixture called `name`.
  static func idx(_ name: String) -> String {
    idxFolder.appendingPathComponent(name).path
  }

  /// The bytes of the IDX fixture called `name`.
  static func idxBytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: idxFolder.appendingPathComponent(name)))
  }

  /// Pixel `(row, column)` of image `image` in the IDX fixtures, as
  /// `Fixtures/idx/make_idx_fixtures.py` writes it.
  static func pixel(image: Int, row: Int, column: Int) -> UInt8 {
    UInt8((37 * image + 11 * row + 5 * column) % 256)
  }

  /// Every pixel of the five 4x4 fixture images, image after image, row-major.
  static var pixels: [UInt8] {
    (0..<5).flatMap { image in
      (0..<4).flatMap { row in (0..<4).map { pixel(image: image, row: row, column: $0) } }
    }
  }
}

/// A fresh empty folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("training-tests-\(UUID().uuidString)").path
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

  /// Writes `image` as a PNG called `name` and returns its path.
  @discardableResult
  func writePNG(_ image: PixelBuffer, to name: String) throws -> String {
    try write(try PNG.encode(image), to: name)
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// `count` seeded synthetic images of `size` by `size`: a bright square of random place and
/// size on a dark noisy background, the kind of structure an autoencoder learns quickly.
func syntheticImages(count: Int, size: Int, seed: UInt64) -> GreyImageSet {
  var generator = SeededGenerator(seed: seed)
  var values: [Float] = []
  for _ in 0..<count {
    let side = 2 + generator.nextIndex(below: size / 2)
    let top = generator.nextIndex(below: size - side + 1)
    let left = generator.nextIndex(below: size - side + 1)
    for row in 0..<size {
      for column in 0..<size {
        let inside = (top..<top + side).contains(row) && (left..<left + side).contains(column)
        values.append(inside ? 0.9 : generator.uniform(in: 0..<0.1))
      }
    }
  }
  return GreyImageSet(height: size, width: size, values: values)
}
