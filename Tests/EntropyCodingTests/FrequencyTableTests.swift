import EntropyCoding
import Foundation
import Testing

@Suite("Frequency tables")
struct FrequencyTableTests {
  /// The expected code length in bits of `probabilities` (normalized, escape last) coded
  /// with `frequencies` out of `total`.
  static func crossEntropy(_ probabilities: [Double], _ frequencies: [UInt32], total: Int) -> Double
  {
    let mass = probabilities.reduce(0, +)
    return zip(probabilities, frequencies).reduce(0) {
      $0 + $1.0 / mass * log2(Double(total) / Double($1.1))
    }
  }

  static func frequencies(of table: FrequencyTable) -> [UInt32] {
    (0..<table.symbolCount).map { table.frequency(ofSymbol: $0) }
  }

  @Test("Tables from random probabilities keep every invariant")
  func invariantsFromRandomProbabilities() throws {
    var generator = SeededGenerator(seed: 2_024)
    for trial in 0..<300 {
      let precision = Int.random(in: 1...16, using: &generator)
      let maximumCount = min(600, (1 << precision) - 1)
      let count = Int.random(in: 1...maximumCount, using: &generator)
      // Mix exact zeros, tiny and large weights, so that clamping to 1 and the remainder
      // hand-out both get exercised.
      let probabilities = (0..<count).map { _ -> Double in
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return 0
        case 1: return Double.random(in: 0..<1e-9, using: &generator)
        default: return Double.random(in: 0..<1, using: &generator)
        }
      }
      let escape = Double.random(in: 0..<0.1, using: &generator)
      let table = try FrequencyTable(
        minimum: Int32.random(in: -1_000...1_000, using: &generator),
        probabilities: probabilities, escapeProbability: escape + 1e-12, precision: precision)

      #expect(table.symbolCount == count + 1, "trial \(trial)")
      #expect(table.cumulativeFrequencies.first == 0)
      #expect(table.cumulativeFrequencies.last == table.total)
      #expect(Self.frequencies(of: table).allSatisfy { $0 >= 1 }, "trial \(trial)")
      #expect(Int(table.maximum) - Int(table.minimum) == count - 1)
    }
  }

  @Test("Quantization finds the exact optimum on small cases (exhaustive check)")
  func quantizationIsOptimal() throws {
    var generator = SeededGenerator(seed: 8)
    for trial in 0..<80 {
      let precision = Int.random(in: 3...5, using: &generator)
      let total = 1 << precision
      let probabilities = (0..<3).map { _ in Double.random(in: 0..<1, using: &generator) }
      let escape = Double.random(in: 0..<0.2, using: &generator)
      let weights = probabilities + [escape]
      let table = try FrequencyTable(
        minimum: 0, probabilities: probabilities, escapeProbability: escape, precision: precision)
      let cost = Self.crossEntropy(weights, Self.frequencies(of: table), total: total)

      // Every split of `total` into four parts of at least 1.
      var best = Double.infinity
      for a in 1..<total {
        for b in 1..<(total - a) {
          for c in 1..<(total - a - b) {
            let d = total - a - b - c
            let candidate = [a, b, c, d].map { UInt32($0) }
            best = min(best, Self.crossEntropy(weights, candidate, total: total))
          }
        }
      }
      #expect(cost <= best + 1e-12, "trial \(trial): \(cost) bits against the optimum \(best)")
    }
  }

  @Test("Quantization costs little over the entropy at 16 bits")
  func quantizationLossIsSmall() throws {
    let probabilities = (-40...40).map { exp(-abs(Double($0)) / 4) }
    let table = try FrequencyTable(
      minimum: -40, probabilities: probabilities, escapeProbability: 1e-7)
    let weights = probabilities + [1e-7]
    let mass = weights.reduce(0, +)
    let entropy = weights.reduce(0) { $0 - $1 / mass * log2($1 / mass) }
    let cost = Self.crossEntropy(weights, Self.frequencies(of: table), total: 1 << 16)
    // The loss comes from the tails held at frequency 1; it is a few thousandths of a bit.
    #expect(cost - entropy < 0.005, "cost \(cost), entropy \(entropy)")
    #expect(cost >= entropy - 1e-12)
  }

  @Test("Values map to symbols and escapes")
  func valueToSymbol() throws {
    let table = try FrequencyTable(minimum: -2, frequencies: [1, 2, 3, 4, 6], precision: 4)
    #expect(table.maximum == 1)
    #expect(table.escapeSymbol == 4)
    #expect(table.symbol(forValue: -2) == 0)
    #expect(table.symbol(forValue: 1) == 3)
    #expect(table.symbol(forValue: 2) == 4)
    #expect(table.symbol(forValue: -3) == 4)
    #expect(table.symbol(forValue: Int32.min) == 4)
    #expect(table.frequency(ofSymbol: 4) == 6)
    #expect(table.cumulativeFrequencies == [0, 1, 3, 6, 10, 16])
  }

  static let invalidCumulativeCases: [(String, [UInt32], Int32, Int, FrequencyTableDefect)] = [
    ("decreasing", [0, 5, 3, 16], 0, 4, .nonMonotone(index: 2, previous: 5, value: 3)),
    ("repeated", [0, 5, 5, 16], 0, 4, .zeroFrequency(symbol: 1)),
    ("short total", [0, 5, 10, 15], 0, 4, .wrongTotal(expected: 16, actual: 15)),
    ("long total", [0, 5, 10, 17], 0, 4, .wrongTotal(expected: 16, actual: 17)),
    ("nonzero start", [1, 5, 16], 0, 4, .cumulativeStartNotZero(1)),
    ("zero precision", [0, 1, 2], 0, 0, .precisionOutOfRange(0)),
    ("17-bit precision", [0, 1, 131_072], 0, 17, .precisionOutOfRange(17)),
    ("escape only", [0, 16], 0, 4, .valueRangeOutOfBounds(minimum: 0, maximum: -1)),
    ("empty", [], 0, 4, .valueRangeOutOfBounds(minimum: 0, maximum: -3)),
    (
      "past Int32.max", [0, 1, 2, 4], Int32.max, 2,
      .valueRangeOutOfBounds(minimum: Int64(Int32.max), maximum: Int64(Int32.max) + 1)
    ),
    ("too many symbols", [0, 1, 2, 3, 4, 5], 0, 2, .tooManySymbols(count: 5, limit: 4)),
  ]

  @Test(
    "Invalid cumulative frequencies are rejected with the right defect",
    arguments: invalidCumulativeCases)
  func invalidCumulative(
    _ name: String, cumulative: [UInt32], minimum: Int32, precision: Int,
    defect: FrequencyTableDefect
  ) {
    #expect(throws: EntropyCodingError.invalidTable(defect), "\(name)") {
      try FrequencyTable(
        minimum: minimum, cumulativeFrequencies: cumulative, precision: precision)
    }
  }

  @Test("Invalid frequencies are rejected with the right defect")
  func invalidFrequencies() {
    #expect(throws: EntropyCodingError.invalidTable(.zeroFrequency(symbol: 1))) {
      try FrequencyTable(minimum: 0, frequencies: [8, 0, 8], precision: 4)
    }
    #expect(throws: EntropyCodingError.invalidTable(.wrongTotal(expected: 16, actual: 17))) {
      try FrequencyTable(minimum: 0, frequencies: [8, 1, 8], precision: 4)
    }
    #expect(
      throws: EntropyCodingError.invalidTable(
        .wrongTotal(expected: 16, actual: UInt64(UInt32.max) * 2))
    ) {
      try FrequencyTable(minimum: 0, frequencies: [UInt32.max, UInt32.max], precision: 4)
    }
  }

  static let invalidProbabilityCases: [(String, [Double], Double, FrequencyTableDefect)] = [
    ("negative", [0.5, -0.1], 0.1, .invalidProbability(index: 1, value: -0.1)),
    ("infinite", [.infinity, 1], 0.1, .invalidProbability(index: 0, value: .infinity)),
    ("negative escape", [1, 1], -1, .invalidProbability(index: 2, value: -1)),
    ("all zero", [0, 0], 0, .zeroProbabilityMass),
    ("no values", [], 1, .valueRangeOutOfBounds(minimum: 0, maximum: -1)),
  ]

  @Test(
    "Invalid probabilities are rejected with the right defect",
    arguments: invalidProbabilityCases)
  func invalidProbabilities(
    _ name: String, probabilities: [Double], escape: Double, defect: FrequencyTableDefect
  ) {
    #expect(throws: EntropyCodingError.invalidTable(defect), "\(name)") {
      try FrequencyTable(minimum: 0, probabilities: probabilities, escapeProbability: escape)
    }
  }

  @Test("A NaN probability is rejected")
  func nanProbability() {
    let error = #expect(throws: EntropyCodingError.self) {
      try FrequencyTable(minimum: 0, probabilities: [1, .nan], escapeProbability: 1)
    }
    guard case .invalidTable(.invalidProbability(let index, let value)) = error else {
      Issue.record("expected an invalid-probability error, got \(String(describing: error))")
      return
    }
    #expect(index == 1)
    #expect(value.isNaN)
  }

  @Test("Discretizing a CDF leaves at most the tail mass outside the range")
  func discretizedLaplacian() throws {
    // A Laplacian with scale 3 centred at 2.25: the CDF has closed-form tails.
    let center = 2.25
    let scale = 3.0
    func cdf(_ x: Double) -> Double {
      x < center ? 0.5 * exp((x - center) / scale) : 1 - 0.5 * exp(-(x - center) / scale)
    }
    let tailMass = 1e-6
    let table = try FrequencyTable.discretized(cdf: cdf, tailMass: tailMass)

    let below = cdf(Double(table.minimum) - 0.5)
    let above = 1 - cdf(Double(table.maximum) + 0.5)
    #expect(below <= tailMass / 2)
    #expect(above <= tailMass / 2)
    // The range is the narrowest such: one value less on either side breaks the bound.
    #expect(cdf(Double(table.minimum) + 0.5) > tailMass / 2)
    #expect(1 - cdf(Double(table.maximum) - 0.5) > tailMass / 2)
    // The most probable value is the one nearest the centre.
    let mostProbable = (0..<table.symbolCount - 1).max {
      table.frequency(ofSymbol: $0) < table.frequency(ofSymbol: $1)
    }
    #expect(mostProbable.map { Int32($0) + table.minimum } == 2)
  }

  @Test("Discretizing rejects bad tail masses and ranges too wide for the precision")
  func discretizedErrors() {
    let normal = { (x: Double) in NormalDistribution.cumulativeProbability(x) }
    #expect(throws: EntropyCodingError.invalidTable(.tailMassOutOfRange(0))) {
      try FrequencyTable.discretized(cdf: normal, tailMass: 0)
    }
    #expect(throws: EntropyCodingError.invalidTable(.tailMassOutOfRange(1))) {
      try FrequencyTable.discretized(cdf: normal, tailMass: 1)
    }
    let wide = { (x: Double) in NormalDistribution.cumulativeProbability(x / 1_000) }
    let error = #expect(throws: EntropyCodingError.self) {
      try FrequencyTable.discretized(cdf: wide, tailMass: 1e-9, precision: 8)
    }
    if case .invalidTable(.tooManySymbols(_, let limit)) = error {
      #expect(limit == 256)
    } else {
      Issue.record("expected a too-many-symbols error, got \(String(describing: error))")
    }
    #expect(throws: EntropyCodingError.invalidTable(.cdfOutOfRange(argument: -0.5, value: 1.5))) {
      try FrequencyTable.discretized(cdf: { _ in 1.5 }, tailMass: 1e-9)
    }
    let nanError = #expect(throws: EntropyCodingError.self) {
      try FrequencyTable.discretized(cdf: { _ in .nan }, tailMass: 1e-9)
    }
    if case .invalidTable(.cdfOutOfRange(_, let value)) = nanError {
      #expect(value.isNaN)
    } else {
      Issue.record("expected a CDF-out-of-range error, got \(String(describing: nanError))")
    }
  }

  @Test("Discretizing evaluates the CDF only near its mass")
  func discretizedProbesLocally() throws {
    // A CDF that is undefined far from its mass, as a learned one can overflow there.
    var largestArgument = 0.0
    let table = try FrequencyTable.discretized(
      cdf: { x in
        largestArgument = max(largestArgument, abs(x))
        return abs(x) > 1e4 ? .nan : NormalDistribution.cumulativeProbability((x - 40) / 5)
      }, tailMass: 1e-9)
    #expect(table.minimum > 0 && table.maximum < 80)
    #expect(largestArgument < 200)
  }
}
