import Testing

@testable import Models

@Suite struct PhotoQualityBlendTests {
  static let points: [PhotoArchitecture.RatePoint] = [
    .init(quality: 10, lambda: 0.01), .init(quality: 50, lambda: 0.02),
    .init(quality: 90, lambda: 0.04),
  ]

  struct Case: CustomTestStringConvertible, Sendable {
    var quality: Double
    var lower: Int
    var upper: Int
    var weight: Int64
    var testDescription: String { "quality \(quality)" }
  }

  static let cases: [Case] = [
    Case(quality: 0, lower: 0, upper: 0, weight: 0),
    Case(quality: 10, lower: 0, upper: 0, weight: 0),
    Case(quality: 30, lower: 0, upper: 1, weight: 32_768),
    Case(quality: 50, lower: 1, upper: 2, weight: 0),
    Case(quality: 60, lower: 1, upper: 2, weight: 16_384),
    Case(quality: 89.999, lower: 1, upper: 2, weight: 65_534),
    Case(quality: 90, lower: 2, upper: 2, weight: 0),
    Case(quality: 100, lower: 2, upper: 2, weight: 0),
  ]

  @Test(arguments: cases) func qualitiesMapToTheirNeighbours(_ c: Case) throws {
    let blend = try QualityBlend(quality: c.quality, ratePoints: Self.points)
    #expect(blend.lower == c.lower && blend.upper == c.upper && blend.weight == c.weight)
  }

  @Test(arguments: [-0.5, 100.5, Double.nan, Double.infinity])
  func qualitiesOutsideTheScaleAreRefused(_ quality: Double) {
    #expect(throws: PhotoCodingError.self) {
      try QualityBlend(quality: quality, ratePoints: Self.points)
    }
  }

  @Test func mixInterpolatesInFixedPoint() throws {
    let blend = try QualityBlend(quality: 30, ratePoints: Self.points)
    #expect(blend.mix(100, 300) == 200)
    #expect(blend.mix(-100, -300) == -200)
    #expect(blend.mix(0, 1) == 1)  // 0.5 rounds half up
  }
}
