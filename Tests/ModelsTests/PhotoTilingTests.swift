import NumericCore
import Testing

@testable import Models

@Suite struct PhotoTilingTests {
  @Test(arguments: [
    (count: 1, tile: 48), (count: 48, tile: 48), (count: 49, tile: 48),
    (count: 500, tile: 48), (count: 7, tile: 2),
  ])
  func tileRunsCoverTheGridOnceInNearlyEqualParts(count: Int, tile: Int) {
    let runs = PhotoCodec.tileRuns(count: count, tileLatents: tile)
    #expect(runs.first?.lowerBound == 0 && runs.last?.upperBound == count)
    #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    #expect(runs.allSatisfy { $0.count <= tile })
    #expect(runs.count == (count + tile - 1) / tile)
    let lengths = runs.map(\.count)
    #expect(lengths.max()! - lengths.min()! <= 1)
  }

  /// With margins of four latents each tile's produced part is what the whole image gives, so
  /// small tiles and a single tile agree to float rounding.
  @Test func tiledAnalysisMatchesTheWholeImage() throws {
    let codec = try PhotoFixtures.codec()
    let height = 128
    let width = 192
    let planes = PhotoFixtures.image(height: height, width: width, seed: 31)
    let whole = codec.analysis.infer(Tensor(shape: [1, 3, height, width], scalars: planes))
    let tiled = codec.tiledAnalysis(height: height, width: width, tileLatents: 3) { region in
      Self.crop(planes, height: height, width: width, to: region)
    }
    #expect(PhotoCodec.tiles(latentHeight: 8, latentWidth: 12, tileLatents: 3).count == 12)
    let difference = zip(whole.scalars, tiled).map { abs($0 - $1) }.max() ?? 0
    #expect(tiled.count == whole.count && difference < 1e-5, "largest difference \(difference)")
  }

  @Test func tiledSynthesisMatchesTheWholeImage() throws {
    let codec = try PhotoFixtures.codec()
    let latentHeight = 7
    let latentWidth = 10
    var generator = SeededGenerator(seed: 32)
    let latents = (0..<(12 * latentHeight * latentWidth)).map { _ in
      4 * (generator.nextUnitFloat() - 0.5)
    }
    let whole = codec.synthesis.infer(
      Tensor(shape: [1, 12, latentHeight, latentWidth], scalars: latents)
    ).scalars.map { min(max($0, 0), 1) }

    let height = 16 * latentHeight
    let width = 16 * latentWidth
    var tiled = [Float](repeating: -1, count: 3 * height * width)
    codec.tiledSynthesis(
      latents, latentHeight: latentHeight, latentWidth: latentWidth, tileLatents: 2
    ) { region, planes in
      var index = 0
      for channel in 0..<3 {
        for row in region.rows {
          for column in region.columns {
            tiled[(channel * height + row) * width + column] = planes[index]
            index += 1
          }
        }
      }
    }
    #expect(!tiled.contains(-1), "every pixel is produced")
    let difference = zip(whole, tiled).map { abs($0 - $1) }.max() ?? 0
    #expect(difference < 1e-5, "largest difference \(difference)")
  }

  static func crop(_ planes: [Float], height: Int, width: Int, to region: GridRegion) -> [Float] {
    var result: [Float] = []
    for channel in 0..<3 {
      for row in region.rows {
        let start = (channel * height + row) * width
        result += planes[(start + region.columns.lowerBound)..<(start + region.columns.upperBound)]
      }
    }
    return result
  }
}
