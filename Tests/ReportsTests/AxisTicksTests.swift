import Testing

@testable import Reports

struct AxisTicksTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let lower: Double
    let upper: Double
    var scale: AxisScale = .linear
    var extend = true
    let bounds: ClosedRange<Double>
    let labels: [String]

    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "unit interval takes steps of 0.2", lower: 0, upper: 1, bounds: 0...1,
      labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
    Case(
      name: "0.3 to 2.7 widens to 0 to 3 in halves", lower: 0.3, upper: 2.7, bounds: 0...3,
      labels: ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"]),
    Case(
      name: "PSNR range takes steps of 2 dB", lower: 26.3, upper: 38.9, bounds: 26...40,
      labels: ["26", "28", "30", "32", "34", "36", "38", "40"]),
    Case(
      name: "range across zero takes steps of 2", lower: -3, upper: 7, bounds: -4...8,
      labels: ["-4", "-2", "0", "2", "4", "6", "8"]),
    Case(
      name: "small losses keep four decimals", lower: 0.00118, upper: 0.00297,
      bounds: 0.001...0.003, labels: ["0.0010", "0.0015", "0.0020", "0.0025", "0.0030"]),
    Case(
      name: "a single value is widened by 10 %", lower: 5, upper: 5, bounds: 4.4...5.6,
      labels: ["4.4", "4.6", "4.8", "5.0", "5.2", "5.4", "5.6"]),
    Case(
      name: "zero alone becomes -1 to 1", lower: 0, upper: 0, bounds: -1...1,
      labels: ["-1.0", "-0.5", "0.0", "0.5", "1.0"]),
    Case(
      name: "ten millions switch to scientific labels", lower: 0, upper: 1.2e7,
      bounds: 0...1.2e7, labels: ["0", "2.0e6", "4.0e6", "6.0e6", "8.0e6", "1.0e7", "1.2e7"]),
    Case(
      name: "fixed range keeps its bounds and inner ticks", lower: 0.05, upper: 0.95,
      extend: false, bounds: 0.05...0.95, labels: ["0.2", "0.4", "0.6", "0.8"]),
    Case(
      name: "log bits per pixel use 1-2-5 in each decade", lower: 0.13, upper: 1.7,
      scale: .logarithmic, bounds: 0.1...2, labels: ["0.1", "0.2", "0.5", "1", "2"]),
    Case(
      name: "log within one decade uses every value 1-9", lower: 0.2, upper: 0.9,
      scale: .logarithmic, bounds: 0.2...0.9,
      labels: ["0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"]),
    Case(
      name: "log over six decades uses powers of ten", lower: 1, upper: 1e6,
      scale: .logarithmic, bounds: 1...1e6,
      labels: ["1", "10", "100", "1000", "10000", "100000", "1000000"]),
    Case(
      name: "log over twelve decades skips every other decade", lower: 1e-3, upper: 1e9,
      scale: .logarithmic, bounds: 1e-3...1e9,
      labels: ["1e-2", "1e0", "1e2", "1e4", "1e6", "1e8"]),
    Case(
      name: "log range grows to the next value of 1-9, not of 1-2-5", lower: 0.21, upper: 2.1,
      scale: .logarithmic, bounds: 0.2...3, labels: ["0.2", "0.5", "1", "2"]),
    Case(
      name: "narrow log range falls back to linear steps", lower: 0.41, upper: 0.47,
      scale: .logarithmic, bounds: 0.40...0.48,
      labels: ["0.40", "0.42", "0.44", "0.46", "0.48"]),
  ]

  @Test(arguments: cases)
  func ticks(_ testCase: Case) {
    let ticks = AxisTicks(
      covering: testCase.lower, testCase.upper, scale: testCase.scale, maximumCount: 8,
      extendToTicks: testCase.extend)
    #expect(ticks.labels == testCase.labels)
    #expect(abs(ticks.lowerBound - testCase.bounds.lowerBound) < 1e-12)
    #expect(abs(ticks.upperBound - testCase.bounds.upperBound) < 1e-12)
    #expect(ticks.values.count == ticks.labels.count)
    #expect(ticks.values.count <= 8)
    #expect(ticks.values == ticks.values.sorted())
    for value in ticks.values {
      #expect(value >= ticks.lowerBound - 1e-12 && value <= ticks.upperBound + 1e-12)
    }
  }

  @Test func decimalTicksAreTheNearestDoubles() {
    // 0.1 × 3 is 0.30000000000000004; ticks must be the double nearest to 0.3 instead.
    let ticks = AxisTicks(covering: 0, 0.7, maximumCount: 8)
    #expect(ticks.values == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
  }

  @Test func fractionIsLinearOrLogarithmic() {
    let linear = AxisTicks(covering: 0, 10, maximumCount: 6)
    #expect(abs(linear.fraction(of: 2.5) - 0.25) < 1e-12)
    let logarithmic = AxisTicks(covering: 0.1, 10, scale: .logarithmic, maximumCount: 6)
    #expect(logarithmic.lowerBound == 0.1 && logarithmic.upperBound == 10)
    #expect(abs(logarithmic.fraction(of: 1) - 0.5) < 1e-12)
    #expect(abs(logarithmic.fraction(of: 0.1)) < 1e-12)
  }

  @Test(arguments: [3, 4, 5, 8, 12])
  func countNeverExceedsTheMaximum(maximumCount: Int) {
    var generator = SplitMix64(seed: 0x5EED_0001)
    for _ in 0..<200 {
      let a = Double.random(in: -1000...1000, using: &generator)
      let b = a + Double.random(in: 1e-6...1e4, using: &generator)
      let ticks = AxisTicks(covering: a, b, maximumCount: maximumCount)
      #expect(ticks.values.count <= maximumCount, "range \(a)...\(b)")
      #expect(ticks.lowerBound <= a && ticks.upperBound >= b, "range \(a)...\(b)")
      let positive = AxisTicks(
        covering: abs(a) + 1e-3, abs(a) + 1e-3 + abs(b - a), scale: .logarithmic,
        maximumCount: maximumCount)
      #expect(positive.values.count <= maximumCount, "log range from \(abs(a) + 1e-3)")
    }
  }
}

/// A small seeded generator so that random test inputs are reproducible from their seed.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
