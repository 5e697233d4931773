import Image
import Testing

@testable import Reports

struct ImageGridTests {
  @Test func gridSizeIsColumnWidthsRowHeightsAndPadding() {
    let grid = ImageGrid.compose(
      rows: [
        [
          TestImages.solid(width: 10, height: 8, layout: .grey, value: 10),
          TestImages.solid(width: 12, height: 6, layout: .grey, value: 20),
        ],
        [TestImages.solid(width: 10, height: 10, layout: .grey, value: 30)],
      ],
      padding: 2, background: 255)
    // Columns 10 and 12 wide, rows 8 and 10 tall, three padding bands each way.
    #expect(grid.width == 10 + 12 + 3 * 2)
    #expect(grid.height == 8 + 10 + 3 * 2)
    #expect(grid.layout == .grey)
    #expect(grid.sampleDepth == .eight)

    #expect(grid[0, 0, 0] == 255)
    #expect(grid[2, 2, 0] == 10)
    #expect(grid[11, 9, 0] == 10)
    // The 12x6 image is centred vertically in the 8-pixel row: rows 3...8 of the grid.
    #expect(grid[14, 2, 0] == 255)
    #expect(grid[14, 3, 0] == 20)
    #expect(grid[25, 8, 0] == 20)
    #expect(grid[14, 9, 0] == 255)
    #expect(grid[2, 12, 0] == 30)
    // The second row has no second image: background there.
    #expect(grid[20, 15, 0] == 255)
  }

  @Test func colourAnywhereMakesTheGridColour() {
    let grid = ImageGrid.compose(
      rows: [
        [
          TestImages.solid(width: 4, height: 4, layout: .grey, value: 100),
          TestImages.photoLike(width: 4, height: 4),
        ]
      ],
      padding: 1)
    #expect(grid.layout == .rgb)
    #expect(grid[1, 1, 0] == 100 && grid[1, 1, 1] == 100 && grid[1, 1, 2] == 100)
  }

  @Test func alphaIsCompositedOverTheBackground() {
    // One transparent and one half-transparent RGBA pixel over a background of 200.
    let image = PixelBuffer(
      width: 2, height: 1, layout: .rgba, sampleDepth: .eight,
      samples: [0, 0, 0, 0, 100, 100, 100, 128])
    let grid = ImageGrid.compose(rows: [[image]], padding: 0, background: 200)
    #expect(grid.layout == .rgb)
    #expect(grid[0, 0, 0] == 200)
    // (100 × 128 + 200 × 127 + 127) / 255 = 150.
    #expect(grid[1, 0, 0] == 150)
  }

  @Test func sixteenBitImagesAreReducedToEightBits() {
    let image = TestImages.solid(
      width: 3, height: 3, layout: .rgb, value: 257 * 77, depth: .sixteen)
    let grid = ImageGrid.compose(rows: [[image]], padding: 0)
    #expect(grid.sampleDepth == .eight)
    #expect(grid[1, 1, 2] == 77)
  }

  @Test func errorImageAmplifiesTheMeanAbsoluteDifference() throws {
    let reference = TestImages.solid(width: 5, height: 4, layout: .rgb, value: 100)
    let reconstruction = PixelBuffer(
      width: 5, height: 4, layout: .rgb, sampleDepth: .eight,
      samples: (0..<60).map { $0 % 3 == 0 ? 110 : 100 })
    let error = try ErrorImage.difference(
      reference: reference, reconstruction: reconstruction, amplification: 6)
    #expect(error.layout == .grey && error.width == 5 && error.height == 4)
    // Mean over three channels of |10|, |0|, |0| is 10/3; times 6 is 20.
    #expect(error.samples.allSatisfy { $0 == 20 })

    let saturated = try ErrorImage.difference(
      reference: reference,
      reconstruction: TestImages.solid(
        width: 5, height: 4, layout: .rgb, value: 255), amplification: 4)
    #expect(saturated.samples.allSatisfy { $0 == 255 })
    let none = try ErrorImage.difference(reference: reference, reconstruction: reference)
    #expect(none.samples.allSatisfy { $0 == 0 })
  }

  @Test func errorImageRefusesDifferentSizes() {
    #expect(
      throws: ImageQualityError.sizeMismatch(
        referenceWidth: 5, referenceHeight: 4, distortedWidth: 4, distortedHeight: 4)
    ) {
      try ErrorImage.difference(
        reference: TestImages.solid(width: 5, height: 4, layout: .grey, value: 1),
        reconstruction: TestImages.solid(width: 4, height: 4, layout: .grey, value: 1))
    }
  }

  @Test func magnifyingRepeatsEachPixelAsABlock() {
    let image = PixelBuffer(
      width: 2, height: 2, layout: .grey, sampleDepth: .eight, samples: [1, 2, 3, 4])
    let large = image.magnified(by: 3)
    #expect(large.width == 6 && large.height == 6)
    for y in 0..<6 {
      for x in 0..<6 {
        #expect(large[x, y, 0] == image[x / 3, y / 3, 0])
      }
    }
  }
}
