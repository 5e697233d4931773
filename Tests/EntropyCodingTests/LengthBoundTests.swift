import EntropyCoding
import Testing

@Suite("The least length of a latent stream")
struct LengthBoundTests {
  static let counts = [0, 1, 7, 100, 10_000, 200_000]

  /// The value a table gives its largest frequency: a stream of only this value is the
  /// shortest the table allows for its length.
  static func mostLikelyValue(_ table: FrequencyTable) -> Int32 {
    let symbols = 0..<(table.symbolCount - 1)
    let best = symbols.max { table.frequency(ofSymbol: $0) < table.frequency(ofSymbol: $1) } ?? 0
    return table.minimum + Int32(best)
  }

  @Test(
    "no stream is shorter than the bound, and the shortest comes within 3 bytes of it",
    arguments: Distribution.allCases)
  func boundIsTight(_ distribution: Distribution) throws {
    let table = try distribution.table()
    for count in Self.counts {
      let values = Array(repeating: Self.mostLikelyValue(table), count: count)
      let stream = LatentStream.encode(
        values: values, tableIndices: Array(repeating: 0, count: count), tables: [table])
      let bound = LatentStream.minimumByteCount(symbolCount: count, tables: [table])
      #expect(stream.count >= bound, "\(count) values: \(stream.count) bytes, bound \(bound)")
      #expect(stream.count - bound <= 3, "\(count) values: \(stream.count) bytes, bound \(bound)")
    }
  }

  @Test("random streams over several tables are never shorter than the bound")
  func randomStreams() throws {
    let tables = try Distribution.allCases.map { try $0.table() }
    var generator = SeededGenerator(seed: 11)
    for count in Self.counts {
      let indices = (0..<count).map { _ in Int.random(in: 0..<tables.count, using: &generator) }
      let values = indices.map {
        sampleValues(from: tables[$0], count: 1, using: &generator)[0]
      }
      let stream = LatentStream.encode(values: values, tableIndices: indices, tables: tables)
      #expect(stream.count >= LatentStream.minimumByteCount(symbolCount: count, tables: tables))
    }
  }

  @Test("a table that spends 1 bit per symbol at best bounds n symbols by n/8 - 2 bytes")
  func halfProbability() throws {
    let table = try FrequencyTable(minimum: 0, frequencies: [32_768, 32_767, 1], precision: 16)
    #expect(LatentStream.minimumByteCount(symbolCount: 8_000, tables: [table]) == 998)
    #expect(LatentStream.minimumByteCount(symbolCount: 8, tables: [table]) == 0)
    #expect(LatentStream.minimumByteCount(symbolCount: 8_000, tables: []) == 0)
  }
}
