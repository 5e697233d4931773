import Image
import Testing

@Suite("PixelBuffer geometry")
struct PixelBufferGeometryTests {
  /// A 4 x 3 grey image whose sample is `10 * y + x`.
  private let ramp = PixelBuffer(
    width: 4, height: 3, layout: .grey, sampleDepth: .eight,
    samples: (0..<3).flatMap { y in (0..<4).map { x in UInt16(10 * y + x) } })

  @Test("crop keeps the chosen rectangle")
  func crop() {
    let cropped = ramp.cropped(x: 1, y: 1, width: 2, height: 2)
    #expect(cropped.width == 2 && cropped.height == 2)
    #expect(cropped.samples == [11, 12, 21, 22])
  }

  @Test("crop of a multi-channel image keeps whole pixels")
  func cropChannels() {
    let image = randomImage(width: 5, height: 4, layout: .rgba, depth: .sixteen, seed: 8)
    let cropped = image.cropped(x: 2, y: 1, width: 3, height: 2)
    for y in 0..<2 {
      for x in 0..<3 {
        for channel in 0..<4 {
          #expect(cropped[x, y, channel] == image[x + 2, y + 1, channel])
        }
      }
    }
  }

  @Test("padding replicates the edges")
  func padding() {
    let padded = ramp.padded(top: 1, left: 2, bottom: 0, right: 1)
    #expect(padded.width == 7 && padded.height == 4)
    let rows = (0..<4).map { Array(padded.samples[($0 * 7)..<($0 * 7 + 7)]) }
    #expect(rows[0] == [0, 0, 0, 1, 2, 3, 3])
    #expect(rows[1] == [0, 0, 0, 1, 2, 3, 3])
    #expect(rows[3] == [20, 20, 20, 21, 22, 23, 23])
  }

  @Test("padding to a multiple adds rows and columns at the bottom and right only")
  func paddingToMultiple() {
    let padded = ramp.padded(toMultipleOf: 8)
    #expect(padded.width == 8 && padded.height == 8)
    #expect(padded.cropped(x: 0, y: 0, width: 4, height: 3) == ramp)
    #expect(padded[7, 7, 0] == 23)
    #expect(ramp.padded(toMultipleOf: 1) == ramp)
  }

  @Test("cropping undoes padding for every layout", arguments: PixelBuffer.Layout.allCases)
  func padThenCrop(layout: PixelBuffer.Layout) {
    let image = randomImage(width: 5, height: 3, layout: layout, depth: .eight, seed: 9)
    let padded = image.padded(top: 2, left: 3, bottom: 4, right: 1)
    #expect(padded.cropped(x: 3, y: 2, width: 5, height: 3) == image)
  }
}
