import Foundation
import Image
import Testing

@testable import Reports

struct ComparisonFigureTests {
  static let original = TestImages.photoLike(width: 96, height: 64, seed: 7)

  static func figure(detail: PixelRegion? = PixelRegion(x: 40, y: 10, width: 24, height: 16))
    -> ComparisonFigure
  {
    ComparisonFigure(
      title: "kodim <01> & friends", original: original,
      entries: [
        ComparisonEntry(
          label: "JPEG q50", image: TestImages.photoLike(width: 96, height: 64, seed: 8),
          bitsPerPixel: 0.8123, psnr: 31.456),
        ComparisonEntry(label: "aez", image: original, bitsPerPixel: 0.5, psnr: .infinity),
      ],
      detail: detail, panelWidth: 192)
  }

  @Test func panelsCarryLabelsRatesAndQuality() throws {
    let root = try parseXML(try Self.figure().svg())
    let panels = root.descendants(withClass: "comparison-panel")
    #expect(panels.map { $0.attributes["data-label"] } == ["Original", "JPEG q50", "aez"])
    #expect(
      root.descendants(withClass: "panel-label").map(\.text) == [
        "Original", "JPEG q50", "aez",
      ])
    let facts = root.descendants(withClass: "panel-facts").map(\.text)
    #expect(facts == ["96×64 pixels", "0.812 bpp · PSNR 31.46 dB", "0.500 bpp · lossless"])
    #expect(root.descendants(named: "title").first?.text == "kodim <01> & friends")
  }

  @Test func imagesAreEmbeddedPNGsAndTheDetailIsMagnified() throws {
    let root = try parseXML(try Self.figure().svg())
    let images = root.descendants(named: "image")
    #expect(images.count == 6)
    let prefix = "data:image/png;base64,"
    for image in images {
      let href = try #require(image.attributes["xlink:href"])
      #expect(href.hasPrefix(prefix))
      let data = try #require(Data(base64Encoded: String(href.dropFirst(prefix.count))))
      let decoded = try PNG.decode(Array(data))
      if image.attributes["class"] == "detail" {
        // 192 / 24 = 8 times the 24x16 region, one block per source pixel.
        #expect(decoded.width == 24 * 8 && decoded.height == 16 * 8)
        #expect(image.attributes["width"] == "192" && image.attributes["height"] == "128")
      } else {
        #expect(decoded.width == 96 && decoded.height == 64)
      }
    }
    // The original's detail crop holds exactly the original's pixels.
    let firstDetail = try #require(images.first { $0.attributes["class"] == "detail" })
    let href = try #require(firstDetail.attributes["xlink:href"])
    let data = try #require(Data(base64Encoded: String(href.dropFirst(prefix.count))))
    let crop = try PNG.decode(Array(data))
    #expect(crop[8 * 3, 8 * 5, 1] == Self.original[40 + 3, 10 + 5, 1])
    #expect(root.descendants(withClass: "detail-outline").count == 6)
  }

  @Test func mismatchedSizesAreRefused() {
    var figure = Self.figure()
    figure.entries.append(
      ComparisonEntry(label: "cropped", image: TestImages.photoLike(width: 95, height: 64)))
    #expect(
      throws: ComparisonFigureError.sizeMismatch(
        label: "cropped", expectedWidth: 96, expectedHeight: 64, width: 95, height: 64)
    ) { try figure.svg() }
  }

  @Test func detailOutsideTheImageIsRefused() {
    let region = PixelRegion(x: 80, y: 10, width: 24, height: 16)
    #expect(
      throws: ComparisonFigureError.detailOutsideImage(region: region, width: 96, height: 64)
    ) { try Self.figure(detail: region).svg() }
  }

  @Test func automaticDetailFindsTheTexturedPatch() {
    // A flat image with one noisy 16x16 patch whose top-left corner is (60, 30).
    var generator = SplitMix64(seed: 42)
    var samples = [UInt16](repeating: 128, count: 100 * 80)
    for y in 30..<46 {
      for x in 60..<76 { samples[y * 100 + x] = UInt16(generator.next() % 256) }
    }
    let image = PixelBuffer(
      width: 100, height: 80, layout: .grey, sampleDepth: .eight, samples: samples)
    let region = ComparisonFigure.mostDetailedRegion(in: image, maximumWidth: 20)
    #expect(region.width == 20 && region.height == 13)
    #expect(region.fits(width: 100, height: 80))
    // Most of the region lies over the patch.
    let overlapWidth = min(region.x + region.width, 76) - max(region.x, 60)
    let overlapHeight = min(region.y + region.height, 46) - max(region.y, 30)
    #expect(overlapWidth > 0 && overlapHeight > 0)
    #expect(Double(overlapWidth * overlapHeight) >= 0.7 * Double(region.width * region.height))
  }

  @Test func automaticDetailIsUsedWhenNoneIsGiven() throws {
    let root = try parseXML(try Self.figure(detail: nil).svg())
    #expect(root.descendants(named: "image").count == 6)
  }
}
