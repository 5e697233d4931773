import EntropyCoding
import Testing

@Suite("Range coder round trips")
struct RangeCoderRoundTripTests {
  static let lengths = [0, 1, 2, 10, 10_000]

  @Test("Values drawn from a table decode exactly", arguments: Distribution.allCases, lengths)
  func valuesRoundTrip(distribution: Distribution, length: Int) throws {
    let table = try distribution.table()
    var generator = SeededGenerator(seed: UInt64(length) * 31 + 7)
    let values = sampleValues(from: table, count: length, using: &generator)
    let indices = Array(repeating: 0, count: length)

    let bytes = LatentStream.encode(values: values, tableIndices: indices, tables: [table])
    let decoded = try LatentStream.decode(bytes: bytes, tableIndices: indices, tables: [table])

    expectSameValues(decoded, values)
  }

  @Test("An empty stream is zero bytes and decodes to nothing")
  func emptyStream() throws {
    let table = try Distribution.laplacian.table()
    let bytes = LatentStream.encode(values: [], tableIndices: [], tables: [table])
    #expect(bytes.isEmpty)
    #expect(try LatentStream.decode(bytes: [], tableIndices: [], tables: [table]).isEmpty)
  }

  @Test("Tables of different precisions mix in one stream", arguments: [2, 5, 12, 16])
  func mixedTablesAndPrecisions(precision: Int) throws {
    let tables = [
      // The coarsest table there is: one value and the escape at 1 bit of precision.
      try FrequencyTable(minimum: 7, frequencies: [1, 1], precision: 1),
      try Distribution.binary.table(precision: precision),
      try Distribution.laplacian.table(precision: 16),
      try Distribution.withEscapes.table(precision: max(precision, 4)),
    ]
    var generator = SeededGenerator(seed: UInt64(precision))
    let indices = (0..<3000).map { _ in Int.random(in: 0..<tables.count, using: &generator) }
    let values = indices.map {
      sampleValues(from: tables[$0], count: 1, using: &generator)[0]
    }

    let bytes = LatentStream.encode(values: values, tableIndices: indices, tables: tables)
    let decoded = try LatentStream.decode(bytes: bytes, tableIndices: indices, tables: tables)

    expectSameValues(decoded, values)
  }

  @Test(
    "Extreme escaped values survive",
    arguments: [
      Int32.min, Int32.min + 1, -1_000_000, -4, 4, 65_537, Int32.max - 1, Int32.max,
    ])
  func extremeEscapes(value: Int32) throws {
    let table = try Distribution.withEscapes.table()
    let values: [Int32] = [0, value, 1, value, -3]
    let indices = Array(repeating: 0, count: values.count)
    let bytes = LatentStream.encode(values: values, tableIndices: indices, tables: [table])
    #expect(try LatentStream.decode(bytes: bytes, tableIndices: indices, tables: [table]) == values)
  }

  @Test("Escapes work when the range touches the ends of Int32")
  func rangeAtInt32Ends() throws {
    let low = try FrequencyTable(
      minimum: Int32.min, probabilities: [1, 1, 1], escapeProbability: 1)
    let high = try FrequencyTable(
      minimum: Int32.max - 2, probabilities: [1, 1, 1], escapeProbability: 1)
    let values: [Int32] = [Int32.min, Int32.max, 0, Int32.max, Int32.min, -5]
    let indices = [0, 0, 0, 1, 1, 1]
    let bytes = LatentStream.encode(values: values, tableIndices: indices, tables: [low, high])
    let decoded = try LatentStream.decode(bytes: bytes, tableIndices: indices, tables: [low, high])
    expectSameValues(decoded, values)
  }

  @Test("Symbols, raw bits and values interleave")
  func interleavedSymbolsAndBits() throws {
    let table = try Distribution.laplacian.table()
    var generator = SeededGenerator(seed: 99)
    var encoder = RangeEncoder()
    var expected: [(symbol: Int, bits: UInt32, bitCount: Int)] = []
    for _ in 0..<2000 {
      let symbol = Int.random(in: 0..<table.symbolCount, using: &generator)
      let bitCount = Int.random(in: 0...32, using: &generator)
      let bits =
        bitCount == 0
        ? 0
        : UInt32.random(
          in: 0...UInt32.max >> (32 - bitCount),
          using: &generator)
      encoder.encode(symbol: symbol, table: table)
      encoder.encodeBits(bits, count: bitCount)
      expected.append((symbol, bits, bitCount))
    }
    let bytes = encoder.finish()

    var decoder = RangeDecoder(bytes: bytes)
    for entry in expected {
      #expect(try decoder.decode(table: table) == entry.symbol)
      #expect(try decoder.decodeBits(count: entry.bitCount) == entry.bits)
    }
    try decoder.finish()
  }

  @Test("Runs of 0xFF bytes and carries resolve correctly")
  func carryPropagation() throws {
    // Repeating the last symbol of a table drives the code value toward the top of the
    // interval, so the output fills with 0xFF bytes that wait for a possible carry; the rare
    // other symbols then decide whether the carry comes.
    let table = try FrequencyTable(
      minimum: 0, frequencies: [1 << 14, 1 << 14, 1 << 15], precision: 16)
    var generator = SeededGenerator(seed: 5)
    var longestRun = 0
    for trial in 0..<300 {
      let count = 1 + trial * 13
      let symbols = (0..<count).map { _ -> Int in
        Int.random(in: 0..<200, using: &generator) == 0
          ? Int.random(in: 0...1, using: &generator) : 2
      }
      var encoder = RangeEncoder()
      for symbol in symbols { encoder.encode(symbol: symbol, table: table) }
      let bytes = encoder.finish()
      longestRun = max(longestRun, Self.longestRun(of: 0xFF, in: bytes))

      var decoder = RangeDecoder(bytes: bytes)
      let decoded = try symbols.map { _ in try decoder.decode(table: table) }
      try decoder.finish()
      #expect(decoded == symbols, "trial \(trial)")
    }
    // The test is only meaningful if it produced pending runs many bytes long.
    #expect(longestRun >= 16)
  }

  private static func longestRun(of byte: UInt8, in bytes: [UInt8]) -> Int {
    var longest = 0
    var current = 0
    for element in bytes {
      current = element == byte ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }
}
