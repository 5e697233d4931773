import EntropyCoding
import Foundation
import Testing

/// SplitMix64: a small, fast, seeded generator so that every failure reproduces.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}

/// The shapes of distribution the round-trip and size tests cover.
enum Distribution: String, CaseIterable, CustomTestStringConvertible {
  case uniform
  case laplacian
  case dominant
  case withEscapes
  case binary

  var testDescription: String { rawValue }

  /// A table of this shape at `precision` bits.
  func table(precision: Int = 16) throws -> FrequencyTable {
    switch self {
    case .uniform:
      return try FrequencyTable(
        minimum: -20, probabilities: Array(repeating: 1, count: 41), escapeProbability: 1e-9,
        precision: precision)
    case .laplacian:
      let probabilities = (-30...30).map { exp(-abs(Double($0)) / 2.5) }
      return try FrequencyTable(
        minimum: -30, probabilities: probabilities, escapeProbability: 1e-6,
        precision: precision)
    case .dominant:
      // One value holds all but 0.1% of the mass.
      var probabilities = Array(repeating: 0.0001, count: 11)
      probabilities[5] = 0.999
      return try FrequencyTable(
        minimum: -5, probabilities: probabilities, escapeProbability: 1e-9,
        precision: precision)
    case .withEscapes:
      // A narrow range that a fifth of the values fall outside of.
      let probabilities = (-3...3).map { exp(-abs(Double($0))) }
      return try FrequencyTable(
        minimum: -3, probabilities: probabilities, escapeProbability: 0.8,
        precision: precision)
    case .binary:
      return try FrequencyTable(
        minimum: 0, probabilities: [0.7, 0.3], escapeProbability: 1e-9, precision: precision)
    }
  }
}

/// `count` values drawn from the distribution a table encodes, escapes included.
///
/// A value is drawn by picking a cumulative position uniformly, so values follow the table's
/// integer frequencies exactly. Escapes become values at a random gamma-distributed distance
/// beyond either end of the range, sometimes reaching `Int32.min` or `Int32.max`.
func sampleValues(
  from table: FrequencyTable, count: Int, using generator: inout SeededGenerator
) -> [Int32] {
  (0..<count).map { _ in
    let position = UInt32.random(in: 0..<table.total, using: &generator)
    let symbol = table.cumulativeFrequencies.lastIndex { $0 <= position } ?? 0
    guard symbol == table.escapeSymbol else {
      return table.minimum + Int32(symbol)
    }
    let bitLength = Int64.random(in: 1...32, using: &generator)
    let distance = Int64.random(in: 1...(1 << bitLength) - 1, using: &generator)
    if Bool.random(using: &generator) {
      return Int32(clamping: Int64(table.maximum) + distance)
    }
    return Int32(clamping: Int64(table.minimum) - distance)
  }
}

/// The ideal code length in bits of `value` under `table`: `log2(total / frequency)` of its
/// symbol, plus the escape code's bits when it is escaped.
func idealBits(of value: Int32, table: FrequencyTable) -> Double {
  let symbol = table.symbol(forValue: value)
  let frequency = Double(table.frequency(ofSymbol: symbol))
  var bits = log2(Double(table.total) / frequency)
  if symbol == table.escapeSymbol {
    let distance =
      value < table.minimum
      ? Int64(table.minimum) - Int64(value) : Int64(value) - Int64(table.maximum)
    let bitLength = 64 - distance.leadingZeroBitCount
    bits += Double(2 * bitLength)
  }
  return bits
}

/// The ideal code length in bits of a whole stream.
func idealBits(of values: [Int32], tableIndices: [Int], tables: [FrequencyTable]) -> Double {
  zip(values, tableIndices).reduce(0) { $0 + idealBits(of: $1.0, table: tables[$1.1]) }
}

/// Expects two value arrays to be equal, reporting the first difference instead of both
/// arrays (which can hold thousands of values).
func expectSameValues(
  _ actual: [Int32], _ expected: [Int32], sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "lengths differ", sourceLocation: sourceLocation)
  let firstDifference = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }
  if let difference = firstDifference {
    let (position, (actualValue, expectedValue)) = difference
    let message = "values differ first at \(position): \(actualValue) instead of \(expectedValue)"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}
