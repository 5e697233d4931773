import Testing

@testable import Reports

struct BjontegaardTests {
  /// A typical anchor: four rates in bits per pixel and the PSNR reached at each.
  static let anchorRates = [0.125, 0.25, 0.5, 1.0]
  static let anchorPSNR = [27.2, 29.9, 32.8, 35.9]

  @Test func constantRateRatioGivesExactlyThatRatio() throws {
    // The test codec reaches every PSNR with 0.8 times the anchor's rate, so its log-rate
    // curve is the anchor's shifted by ln 0.8 and BD-rate must be exactly -20 %.
    let delta = try Bjontegaard.delta(
      anchorRates: Self.anchorRates, anchorQualities: Self.anchorPSNR,
      testRates: Self.anchorRates.map { $0 * 0.8 }, testQualities: Self.anchorPSNR)
    #expect(abs(delta.ratePercent - -20) < 1e-9)
    #expect(delta.qualityDelta > 0)
    #expect(delta.qualityInterval == 27.2...35.9)
  }

  @Test func constantQualityOffsetGivesExactlyThatOffset() throws {
    let delta = try Bjontegaard.delta(
      anchorRates: Self.anchorRates, anchorQualities: Self.anchorPSNR,
      testRates: Self.anchorRates, testQualities: Self.anchorPSNR.map { $0 + 0.5 })
    #expect(abs(delta.qualityDelta - 0.5) < 1e-9)
    #expect(delta.ratePercent < 0)
  }

  @Test func identicalCurvesDifferByNothing() throws {
    let delta = try Bjontegaard.delta(
      anchorRates: Self.anchorRates, anchorQualities: Self.anchorPSNR,
      testRates: Self.anchorRates, testQualities: Self.anchorPSNR)
    #expect(abs(delta.ratePercent) < 1e-12)
    #expect(abs(delta.qualityDelta) < 1e-12)
  }

  @Test func swappingTheCurvesInvertsTheRateRatio() throws {
    let testRates = [0.1, 0.21, 0.44, 0.93]
    let testPSNR = [27.0, 29.8, 32.9, 36.1]
    let forward = try Bjontegaard.delta(
      anchorRates: Self.anchorRates, anchorQualities: Self.anchorPSNR, testRates: testRates,
      testQualities: testPSNR)
    let backward = try Bjontegaard.delta(
      anchorRates: testRates, anchorQualities: testPSNR, testRates: Self.anchorRates,
      testQualities: Self.anchorPSNR)
    // (1 + r_forward)(1 + r_backward) = e^Δ e^-Δ = 1.
    #expect(abs((1 + forward.ratePercent / 100) * (1 + backward.ratePercent / 100) - 1) < 1e-12)
    #expect(abs(forward.qualityDelta + backward.qualityDelta) < 1e-12)
  }

  struct Published: CustomTestStringConvertible, Sendable {
    let name: String
    let anchorRates: [Double]
    let anchorPSNR: [Double]
    let testRates: [Double]
    let testPSNR: [Double]
    let ratePercent: Double
    let psnrDelta: Double
    var testDescription: String { name }
  }

  /// Published rate-distortion pairs; the expected values were computed for this test with
  /// an independent NumPy implementation of VCEG-M33 (`numpy.polyfit` of degree 3,
  /// `numpy.polyint`, natural logarithm of the rate), not with this code.
  static let published: [Published] = [
    // libx265 at two presets, the example data of the FAU-LMS "bjontegaard" Python package
    // (README and example_usage.py, github.com/FAU-LMS/bjontegaard).
    Published(
      name: "x265 presets (FAU-LMS bjontegaard example)",
      anchorRates: [9487.76, 4593.60, 2486.44, 1358.24],
      anchorPSNR: [40.037, 38.615, 36.845, 34.851],
      testRates: [9787.80, 4469.00, 2451.52, 1356.24],
      testPSNR: [40.121, 38.651, 36.970, 34.987],
      ratePercent: -4.4204627060902, psnrDelta: 0.12040941911472329),
    // "Sample 1" of the widely copied bjontegaard_metric.py demo
    // (github.com/Anserw/Bjontegaard_metric, demo.py).
    Published(
      name: "Bjontegaard_metric demo sample 1",
      anchorRates: [686.76, 309.58, 157.11, 85.95], anchorPSNR: [40.28, 37.18, 34.24, 31.42],
      testRates: [893.34, 407.8, 204.93, 112.75], testPSNR: [40.39, 37.21, 34.17, 31.24],
      ratePercent: 31.39737405490792, psnrDelta: -1.1848979217703406),
    // Both FAU-LMS example cases merged into six points per curve, so the cubic is a true
    // least-squares fit rather than an interpolation.
    Published(
      name: "x265 presets, six points (least squares)",
      anchorRates: [82472.76, 26875.24, 9487.76, 4593.6, 2486.44, 1358.24],
      anchorPSNR: [43.825, 41.404, 40.037, 38.615, 36.845, 34.851],
      testRates: [99896.96, 33952.04, 9787.8, 4469.0, 2451.52, 1356.24],
      testPSNR: [44.731, 41.875, 40.121, 38.651, 36.970, 34.987],
      ratePercent: -4.108569357055214, psnrDelta: 0.10163136845487508),
  ]

  @Test(arguments: published)
  func matchesIndependentReference(_ pair: Published) throws {
    let delta = try Bjontegaard.delta(
      anchorRates: pair.anchorRates, anchorQualities: pair.anchorPSNR,
      testRates: pair.testRates, testQualities: pair.testPSNR)
    #expect(abs(delta.ratePercent - pair.ratePercent) < 1e-8)
    #expect(abs(delta.qualityDelta - pair.psnrDelta) < 1e-10)
  }

  @Test func curvesAreAcceptedInAnyPointOrder() throws {
    let pair = Self.published[0]
    let ordered = try Bjontegaard.delta(
      anchorRates: pair.anchorRates, anchorQualities: pair.anchorPSNR,
      testRates: pair.testRates, testQualities: pair.testPSNR)
    let reversed = try Bjontegaard.delta(
      anchorRates: pair.anchorRates.reversed(), anchorQualities: pair.anchorPSNR.reversed(),
      testRates: pair.testRates, testQualities: pair.testPSNR)
    #expect(abs(ordered.ratePercent - reversed.ratePercent) < 1e-9)
  }

  @Test func rateDistortionCurvesUseBitsPerPixelAndPSNR() throws {
    let pair = Self.published[1]
    let anchor = RateDistortionCurve(
      name: "anchor",
      points: zip(pair.anchorRates, pair.anchorPSNR).map {
        RateDistortionPoint(bitsPerPixel: $0, psnr: $1)
      })
    let test = RateDistortionCurve(
      name: "test",
      points: zip(pair.testRates, pair.testPSNR).map {
        RateDistortionPoint(bitsPerPixel: $0, psnr: $1)
      })
    let delta = try Bjontegaard.delta(anchor: anchor, test: test)
    #expect(abs(delta.ratePercent - pair.ratePercent) < 1e-8)
  }

  @Test func tooFewPointsAreRefused() {
    #expect(throws: BjontegaardError.tooFewPoints(curve: "test", count: 3)) {
      try Bjontegaard.delta(
        anchorRates: Self.anchorRates, anchorQualities: Self.anchorPSNR,
        testRates: [0.1, 0.2, 0.4], testQualities: [27, 30, 33])
    }
  }

  @Test func nonPositiveRatesAreRefused() {
    #expect(throws: BjontegaardError.invalidPoint(curve: "anchor", rate: 0, quality: 27.2)) {
      try Bjontegaard.delta(
        anchorRates: [0, 0.25, 0.5, 1], anchorQualities: Self.anchorPSNR,
        testRates: Self.anchorRates, testQualities: Self.anchorPSNR)
    }
  }

  @Test func repeatedQualitiesAreRefused() {
    #expect(throws: BjontegaardError.tooFewDistinctValues(curve: "test", axis: "quality")) {
      try Bjontegaard.delta(
        anchorRates: Self.anchorRates, anchorQualities: Self.anchorPSNR,
        testRates: [0.1, 0.2, 0.4, 0.8], testQualities: [28, 28, 33, 33])
    }
  }

  @Test func disjointCurvesAreRefused() {
    let error = #expect(throws: BjontegaardError.self) {
      try Bjontegaard.delta(
        anchorRates: Self.anchorRates, anchorQualities: Self.anchorPSNR,
        testRates: Self.anchorRates, testQualities: Self.anchorPSNR.map { $0 + 20 })
    }
    #expect(
      error == .noOverlap(axis: "quality", anchor: 27.2...35.9, test: 47.2...55.9))
    #expect(error?.description.contains("do not overlap") == true)
  }
}
