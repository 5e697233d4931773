import Image
import Testing

@testable import Training

/// A grey 8-bit image whose pixel `i` is `(seed + 13 i) mod 256`.
private func greyImage(width: Int, height: Int, seed: Int) -> PixelBuffer {
  PixelBuffer(
    width: width, height: height, layout: .grey, sampleDepth: .eight,
    samples: (0..<width * height).map { UInt16((seed + 13 * $0) % 256) })
}

@Suite("Grey image sets")
struct GreyImageSetTests {
  @Test("IDX files load as values in [0, 1], one file after the other")
  func fromIDX() throws {
    let set = try GreyImageSet(paths: [
      TrainingFixtures.idx("images-5x4x4.idx"), TrainingFixtures.idx("images-5x4x4.idx.gz"),
    ])
    #expect((set.count, set.height, set.width) == (10, 4, 4))
    let expected = TrainingFixtures.pixels.map { Float($0) / 255 }
    #expect(set.values == expected + expected)
  }

  @Test("a folder loads its PNG files in name order, converted to grey")
  func fromFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let first = greyImage(width: 6, height: 5, seed: 1)
    let second = greyImage(width: 6, height: 5, seed: 2)
    try folder.writePNG(second, to: "b.png")
    try folder.writePNG(first, to: "a.png")
    // Colour with alpha: alpha is dropped and the colour reduced with BT.601 weights.
    let colour = PixelBuffer(
      width: 6, height: 5, layout: .rgba, sampleDepth: .eight,
      samples: (0..<30).flatMap { [UInt16($0 * 8), 200, 10, 17] as [UInt16] })
    try folder.writePNG(colour, to: "c.PNG")
    // Sixteen bits are scaled to [0, 1] from 65535.
    let deep = greyImage(width: 6, height: 5, seed: 3).converted(to: .sixteen)
    try folder.writePNG(deep, to: "d.png")
    try folder.write(Array("not an image".utf8), to: "notes.txt")

    let set = try GreyImageSet(paths: [folder.path])
    #expect((set.count, set.height, set.width) == (4, 5, 6))
    let grey = colour.removingAlpha().convertedToGrey()
    let expected =
      first.floatPlanes() + second.floatPlanes() + grey.floatPlanes() + deep.floatPlanes()
    #expect(set.values == expected)
    #expect(set.batch([2]) == grey.floatPlanes())
  }

  @Test("images of another size are refused, naming the file and both sizes")
  func mixedSizesInFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.writePNG(greyImage(width: 6, height: 5, seed: 1), to: "a.png")
    let odd = try folder.writePNG(greyImage(width: 7, height: 5, seed: 1), to: "b.png")
    let error = DatasetError.mixedSizes(odd, expected: "6x5", actual: "7x5")
    #expect(throws: error) { try GreyImageSet(paths: [folder.path]) }
    #expect(error.description == "\(odd): is 7x5, but the other images are 6x5")
  }

  @Test("an IDX file and a folder of another size are refused")
  func mixedSizesAcrossPaths() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let png = try folder.writePNG(greyImage(width: 6, height: 5, seed: 1), to: "a.png")
    #expect(throws: DatasetError.mixedSizes(png, expected: "4x4", actual: "6x5")) {
      try GreyImageSet(paths: [TrainingFixtures.idx("images-5x4x4.idx"), folder.path])
    }
  }

  @Test("no images, a missing path, or IDX data that are not images are refused")
  func unusablePaths() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    #expect(throws: DatasetError.empty(folder.path)) { try GreyImageSet(paths: [folder.path]) }
    let missing = folder.file("missing")
    #expect(throws: DatasetError.notFound(missing)) { try GreyImageSet(paths: [missing]) }
    let labels = try folder.write([0, 0, 8, 1, 0, 0, 0, 2, 7, 3], to: "labels.idx")
    #expect(
      throws: DatasetError.corrupt(labels, reason: "IDX file has 1 dimensions, images have 3")
    ) { try GreyImageSet(paths: [labels]) }
  }

  @Test("a corrupt PNG in a folder is an error, not skipped")
  func corruptPNG() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.writePNG(greyImage(width: 6, height: 5, seed: 1), to: "a.png")
    let bad = try folder.write(Array("\u{89}PNG broken".utf8), to: "b.png")
    let error = #expect(throws: PNGError.self) { try GreyImageSet(paths: [folder.path]) }
    #expect(error.map { "\($0)".contains(bad) } == true, "\(String(describing: error))")
  }

  @Test("batches and the split keep the layout")
  func batchAndSplit() {
    var set = GreyImageSet(height: 1, width: 2, values: [0, 0.1, 1, 1.1, 2, 2.1, 3, 3.1])
    #expect(set.batch([3, 0]) == [3, 3.1, 0, 0.1])
    let tail = set.splitLast(1)
    #expect(set.count == 3)
    #expect(tail.count == 1)
    #expect(tail.values == [3, 3.1])
    #expect(set.values == [0, 0.1, 1, 1.1, 2, 2.1])
  }
}
