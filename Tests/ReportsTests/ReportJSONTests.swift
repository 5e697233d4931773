import Foundation
import Testing

@testable import Reports

struct ReportJSONTests {
  @Test func keysAreSortedAndOutputEndsWithANewline() throws {
    let curve = RateDistortionCurve(
      name: "a/b", points: [RateDistortionPoint(bitsPerPixel: 0.25, psnr: 30.5)])
    let text = try ReportJSON.string(curve)
    #expect(text.hasSuffix("}\n"))
    // "name" sorts before "points"; inside a point "bitsPerPixel" before "psnr".
    let name = try #require(text.range(of: "\"name\""))
    let points = try #require(text.range(of: "\"points\""))
    #expect(name.lowerBound < points.lowerBound)
    #expect(text.contains("\"a/b\""))
    let decoded = try JSONDecoder().decode(RateDistortionCurve.self, from: Data(text.utf8))
    #expect(decoded == curve)
  }

  @Test func nonFiniteNumbersNameTheirField() {
    let curve = RateDistortionCurve(
      name: "x",
      points: [
        RateDistortionPoint(bitsPerPixel: 0.25, psnr: 30.5),
        RateDistortionPoint(bitsPerPixel: 0.5, psnr: .infinity),
      ])
    #expect(throws: ReportJSONError.nonFiniteNumber(path: "points[1].psnr")) {
      try ReportJSON.encode(curve)
    }
  }
}
