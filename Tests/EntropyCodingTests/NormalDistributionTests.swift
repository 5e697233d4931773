import EntropyCoding
import Testing

@Suite("Normal distribution")
struct NormalDistributionTests {
  // Reference values of erfc from the C library (correctly rounded to within an ulp).
  static let references: [(x: Double, erfc: Double)] = [
    (-3.0, 1.9999779095030015),
    (-1.0, 1.842700792949715),
    (-0.5, 1.5204998778130465),
    (0.0, 1.0),
    (0.3, 0.6713732405408726),
    (0.5, 0.4795001221869535),
    (1.0, 0.15729920705028513),
    (1.5, 0.033894853524689274),
    (1.79, 0.01135945129359184),
    (1.8, 0.010909498364269285),
    (1.81, 0.010475455378055632),
    (2.0, 0.004677734981047265),
    (2.5, 0.0004069520174449589),
    (3.0, 2.2090496998585438e-05),
    (4.0, 1.541725790028002e-08),
    (5.0, 1.5374597944280351e-12),
    (6.0, 2.1519736712498916e-17),
    (8.0, 1.1224297172982928e-29),
    (10.0, 2.088487583762545e-45),
    (15.0, 7.212994172451206e-100),
    (20.0, 5.3958656116079005e-176),
    (25.0, 8.300172571196522e-274),
  ]

  @Test("erfc matches reference values to 1e-13 relative", arguments: references)
  func complementaryErrorFunction(reference: (x: Double, erfc: Double)) {
    let value = NormalDistribution.complementaryErrorFunction(reference.x)
    let relativeError = abs(value - reference.erfc) / reference.erfc
    #expect(relativeError <= 1e-13, "erfc(\(reference.x)) = \(value)")
  }

  @Test("erfc handles the far tails and NaN")
  func complementaryErrorFunctionEdges() {
    #expect(NormalDistribution.complementaryErrorFunction(30) == 0)
    #expect(NormalDistribution.complementaryErrorFunction(.infinity) == 0)
    #expect(NormalDistribution.complementaryErrorFunction(-30) == 2)
    #expect(NormalDistribution.complementaryErrorFunction(-.infinity) == 2)
    #expect(NormalDistribution.complementaryErrorFunction(.nan).isNaN)
  }

  @Test(
    "The standard normal CDF matches reference values to 1e-13 relative",
    arguments: [
      (-5.0, 2.866515718791946e-07), (-1.96, 0.024997895148220435), (0.0, 0.5),
      (1.0, 0.8413447460685429), (1.96, 0.9750021048517795), (3.0, 0.9986501019683699),
    ])
  func cumulativeProbability(z: Double, expected: Double) {
    let value = NormalDistribution.cumulativeProbability(z)
    #expect(abs(value - expected) <= 1e-13 * expected, "Φ(\(z)) = \(value)")
  }
}
