@testable import EntropyCoding
import Testing

@Suite("Symbol search and coding paths")
struct SymbolSearchTests {
  @Test(
    "The bucketed search finds the owner of every cumulative position",
    arguments: [1, 2, 3, 7, 8, 9, 12, 16])
  func searchMatchesLinearScan(precision: Int) throws {
    var generator = SeededGenerator(seed: UInt64(precision))
    for _ in 0..<5 {
      let symbolLimit = min(1 << precision, 3_000)
      let symbolCount = Int.random(in: 2...symbolLimit, using: &generator)
      // Random weights spanning six orders of magnitude give buckets with one symbol and
      // buckets with hundreds.
      let probabilities = (0..<symbolCount - 1).map { _ in
        Double.random(in: 0..<1, using: &generator) * (Bool.random(using: &generator) ? 1 : 1e-6)
      }
      let table = try FrequencyTable(
        minimum: 0, probabilities: probabilities, escapeProbability: 0.01, precision: precision)
      var owner = 0
      for target in 0..<table.total {
        while table.cumulativeFrequencies[owner + 1] <= target { owner += 1 }
        #expect(table.symbol(forCumulative: target) == owner)
      }
    }
  }

  @Test("Whole-tensor coding and value-by-value coding produce the same bytes")
  func pathsAgree() throws {
    let tables = try Distribution.allCases.map { try $0.table() }
    var generator = SeededGenerator(seed: 12)
    let indices = (0..<5_000).map { _ in Int.random(in: 0..<tables.count, using: &generator) }
    let values = indices.map { sampleValues(from: tables[$0], count: 1, using: &generator)[0] }

    var encoder = RangeEncoder()
    for (value, index) in zip(values, indices) {
      encoder.encode(value: value, table: tables[index])
    }
    let oneByOne = encoder.finish()
    let whole = LatentStream.encode(values: values, tableIndices: indices, tables: tables)
    #expect(oneByOne == whole)

    var decoder = RangeDecoder(bytes: whole)
    let decoded = try indices.map { try decoder.decodeValue(table: tables[$0]) }
    try decoder.finish()
    expectSameValues(decoded, values)
  }
}
