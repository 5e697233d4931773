import EntropyCoding
import Foundation
import Testing

@Suite("Gaussian conditional tables")
struct GaussianConditionalTests {
  /// The default ladder: 64 scales from 0.11 to 256, built once for the whole suite.
  static let conditional: GaussianConditional? = try? GaussianConditional()

  func conditional() throws -> GaussianConditional {
    try #require(Self.conditional, "the default Gaussian conditional must build")
  }

  @Test("The default scales are log-spaced from 0.11 to 256")
  func scaleLadder() {
    let scales = GaussianConditional.logSpacedScales()
    #expect(scales.count == 64)
    #expect(scales.first == 0.11)
    #expect(scales.last == 256)
    let ratio = pow(256 / 0.11, 1.0 / 63)
    for index in 1..<scales.count {
      #expect(abs(scales[index] / scales[index - 1] - ratio) < 1e-12, "step \(index)")
    }
  }

  @Test("Each table holds all but the tail mass and is the narrowest that does")
  func tablesCoverTheirMass() throws {
    let conditional = try conditional()
    let halfTail = GaussianConditional.defaultTailMass / 2
    for (scale, table) in zip(conditional.scales, conditional.tables) {
      let cdf = { (x: Double) in NormalDistribution.cumulativeProbability(x / scale) }
      // Symmetric: the range is centred on zero.
      #expect(table.minimum == -table.maximum, "scale \(scale)")
      #expect(cdf(Double(table.minimum) - 0.5) <= halfTail, "scale \(scale)")
      #expect(cdf(Double(table.minimum) + 0.5) > halfTail, "scale \(scale)")
      // The escape frequency stays tiny: the tails hold at most 1e-9 of the mass.
      #expect(table.frequency(ofSymbol: table.escapeSymbol) == 1, "scale \(scale)")
      #expect(table.precision == 16)
    }
    // The widest table spans about ±6.1σ at σ = 256.
    let widest = try #require(conditional.tables.last)
    #expect(widest.maximum > 1_500 && widest.maximum < 1_600)
  }

  @Test("Tables code their Gaussian close to its entropy", arguments: [0, 20, 40, 63])
  func tablesAreEfficient(index: Int) throws {
    let conditional = try conditional()
    let scale = conditional.scales[index]
    let table = conditional.tables[index]
    var entropy = 0.0
    var cost = 0.0
    for value in table.minimum...table.maximum {
      let probability =
        NormalDistribution.cumulativeProbability((Double(value) + 0.5) / scale)
        - NormalDistribution.cumulativeProbability((Double(value) - 0.5) / scale)
      guard probability > 0 else { continue }
      entropy -= probability * log2(probability)
      cost +=
        probability
        * log2(
          Double(table.total)
            / Double(
              table.frequency(
                ofSymbol: table.symbol(forValue: value))))
    }
    // Frequencies of at least 1 in the far tails and 16-bit rounding cost a little. The
    // widest scale pays most: beyond about 4.4σ every value sits at frequency 1, which
    // reserves over 1% of the total for a sliver of mass (0.03 bits of 10 at σ = 256).
    #expect(
      cost - entropy < 0.004 * entropy + 0.001,
      "scale \(scale): cost \(cost), entropy \(entropy)")
    #expect(cost >= entropy - 1e-9)
  }

  @Test("A scale maps to the nearest table scale at or above it")
  func tableIndexRoundsUp() throws {
    let conditional = try conditional()
    let scales = conditional.scales
    for index in scales.indices {
      #expect(conditional.tableIndex(forScale: scales[index]) == index)
      if index > 0 {
        #expect(conditional.tableIndex(forScale: scales[index].nextDown) == index)
        #expect(conditional.tableIndex(forScale: scales[index - 1].nextUp) == index)
      }
    }
    #expect(conditional.tableIndex(forScale: 0) == 0)
    #expect(conditional.tableIndex(forScale: -1) == 0)
    #expect(conditional.tableIndex(forScale: 0.05) == 0)
    #expect(conditional.tableIndex(forScale: 300) == 63)
    #expect(conditional.tableIndex(forScale: .infinity) == 63)
    #expect(conditional.tableIndex(forScale: .nan) == 63)
    #expect(conditional.tableIndices(forScales: [0.11, 0.12, 1e9]) == [0, 1, 63])
  }

  @Test("Latents coded with per-element scales round-trip near the ideal size")
  func latentsRoundTrip() throws {
    let conditional = try conditional()
    var generator = SeededGenerator(seed: 64)
    let count = 20_000
    let indices = (0..<count).map { _ in Int.random(in: 0..<40, using: &generator) }
    var values = indices.map {
      sampleValues(from: conditional.tables[$0], count: 1, using: &generator)[0]
    }
    // A few outliers far beyond any table, as a badly predicted scale would produce.
    values[17] = 5_000
    values[18_000] = -70_000

    let bytes = LatentStream.encode(
      values: values, tableIndices: indices, tables: conditional.tables)
    let decoded = try LatentStream.decode(
      bytes: bytes, tableIndices: indices, tables: conditional.tables)

    expectSameValues(decoded, values)
    let ideal = idealBits(of: values, tableIndices: indices, tables: conditional.tables)
    #expect(Double(bytes.count * 8) <= ideal * 1.001 + 16)
  }

  @Test("The scales and tables round-trip through their stored form")
  func serialization() throws {
    let conditional = try GaussianConditional(
      scales: GaussianConditional.logSpacedScales(count: 8, minimum: 0.2, maximum: 20))
    let bytes = conditional.serialized()
    var offset = 0
    #expect(try GaussianConditional(serialized: bytes, offset: &offset) == conditional)
    #expect(offset == bytes.count)

    // Every truncation is reported rather than read.
    for length in stride(from: 0, to: bytes.count, by: 7) {
      var start = 0
      #expect(throws: EntropyCodingError.self, "length \(length)") {
        try GaussianConditional(serialized: Array(bytes.prefix(length)), offset: &start)
      }
    }
  }

  @Test("Bad scale ladders are rejected")
  func invalidScales() throws {
    #expect(throws: EntropyCodingError.invalidTable(.invalidScale(index: 1, value: 0.5))) {
      try GaussianConditional(scales: [1, 0.5, 2])
    }
    #expect(throws: EntropyCodingError.invalidTable(.invalidScale(index: 0, value: 0))) {
      try GaussianConditional(scales: [0, 1])
    }
    #expect(throws: EntropyCodingError.invalidTable(.invalidScale(index: 2, value: 2))) {
      try GaussianConditional(scales: [1, 2, 2])
    }
    #expect(throws: EntropyCodingError.invalidTable(.noScales)) {
      try GaussianConditional(scales: [])
    }
    let table = try Distribution.binary.table()
    #expect(
      throws: EntropyCodingError.invalidTable(.scaleCountMismatch(scaleCount: 2, tableCount: 1))
    ) {
      try GaussianConditional(scales: [1, 2], tables: [table])
    }
  }
}
