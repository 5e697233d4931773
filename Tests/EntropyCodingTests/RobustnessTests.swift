import EntropyCoding
import Testing

@Suite("Damaged streams")
struct RobustnessTests {
  /// A stream of `count` values from `distribution`, with its values and table.
  static func stream(
    _ distribution: Distribution, count: Int, seed: UInt64
  ) throws -> (bytes: [UInt8], values: [Int32], table: FrequencyTable) {
    let table = try distribution.table()
    var generator = SeededGenerator(seed: seed)
    let values = sampleValues(from: table, count: count, using: &generator)
    let indices = Array(repeating: 0, count: count)
    return (
      LatentStream.encode(values: values, tableIndices: indices, tables: [table]), values, table
    )
  }

  /// Decodes `count` values, returning nil when the decoder throws.
  static func decodeOrNil(_ bytes: [UInt8], count: Int, table: FrequencyTable) -> [Int32]? {
    let indices = Array(repeating: 0, count: count)
    return try? LatentStream.decode(bytes: bytes, tableIndices: indices, tables: [table])
  }

  @Test(
    "Every prefix decodes or throws, and never passes as the original once 2 bytes are gone",
    arguments: Distribution.allCases)
  func everyPrefix(distribution: Distribution) throws {
    for seed in 0..<4 as Range<UInt64> {
      let (bytes, values, table) = try Self.stream(distribution, count: 300, seed: seed)
      for length in 0..<bytes.count {
        let decoded = Self.decodeOrNil(
          Array(bytes.prefix(length)), count: values.count, table: table)
        if let decoded {
          #expect(decoded.count == values.count)
          // With the decoding path unchanged, two missing bytes push the padding past 7.
          if bytes.count - length >= 2 {
            #expect(decoded != values, "prefix of \(length)/\(bytes.count) bytes passed")
          }
        }
      }
    }
  }

  @Test("Decoding more values than were coded reports truncation")
  func tooManyValuesRequested() throws {
    // Uniform values cost over 5 bits each, so 100 extra values need far more than 7 bytes.
    let (bytes, values, table) = try Self.stream(.uniform, count: 200, seed: 1)
    let indices = Array(repeating: 0, count: values.count + 100)
    #expect(throws: EntropyCodingError.truncatedStream(byteCount: bytes.count)) {
      try LatentStream.decode(bytes: bytes, tableIndices: indices, tables: [table])
    }
  }

  @Test("Two or more trailing bytes never pass as the original", arguments: [2, 3, 10])
  func trailingBytes(extraCount: Int) throws {
    var generator = SeededGenerator(seed: UInt64(extraCount))
    var reported = 0
    for seed in 0..<50 as Range<UInt64> {
      let (bytes, values, table) = try Self.stream(.laplacian, count: 40, seed: seed)
      let extra = (0..<extraCount).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let decoded = Self.decodeOrNil(bytes + extra, count: values.count, table: table)
      #expect(decoded != values, "seed \(seed)")
      if decoded == nil { reported += 1 }
    }
    // Extra bytes can only change the last symbol or two; nearly always they are reported.
    #expect(reported >= 45)
  }

  @Test("Appended zero bytes are counted exactly", arguments: 1...9)
  func appendedZeros(extraCount: Int) throws {
    for seed in 0..<20 as Range<UInt64> {
      let (bytes, values, table) = try Self.stream(.laplacian, count: 25, seed: seed)
      // A tight stream leaves the decoder 6 or 7 bytes past its end.
      var original = RangeDecoder(bytes: bytes)
      for _ in values { _ = try original.decodeValue(table: table) }
      let padding = original.paddingBytesRead
      #expect(padding == 6 || padding == 7)

      // Zero bytes read exactly like the padding, so the values stay the same and only the
      // final count check can tell; it allows the one byte a 7-byte padding leaves room for.
      var decoder = RangeDecoder(bytes: bytes + Array(repeating: 0, count: extraCount))
      for value in values {
        #expect(try decoder.decodeValue(table: table) == value)
      }
      let excess = extraCount - (padding - 6)
      if excess > 0 {
        #expect(throws: EntropyCodingError.trailingBytes(count: excess)) {
          try decoder.finish()
        }
      } else {
        try decoder.finish()
      }
    }
  }

  @Test("Random byte damage never crashes or hangs", arguments: Distribution.allCases)
  func randomCorruption(distribution: Distribution) throws {
    var generator = SeededGenerator(seed: 4_242)
    for seed in 0..<100 as Range<UInt64> {
      let (bytes, values, table) = try Self.stream(distribution, count: 200, seed: seed)
      guard !bytes.isEmpty else { continue }
      var damaged = bytes
      for _ in 0..<Int.random(in: 1...3, using: &generator) {
        let position = Int.random(in: 0..<damaged.count, using: &generator)
        damaged[position] ^= UInt8.random(in: 1...255, using: &generator)
      }
      if let decoded = Self.decodeOrNil(damaged, count: values.count, table: table) {
        #expect(decoded.count == values.count)
      }
    }
  }

  @Test("Random bytes of any length decode or throw", arguments: [0, 1, 7, 8, 64, 1_000])
  func randomGarbage(length: Int) throws {
    let tables = try Distribution.allCases.map { try $0.table() }
    var generator = SeededGenerator(seed: UInt64(length) + 11)
    for _ in 0..<50 {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let indices = (0..<500).map { _ in Int.random(in: 0..<tables.count, using: &generator) }
      if let decoded = try? LatentStream.decode(bytes: bytes, tableIndices: indices, tables: tables)
      {
        #expect(decoded.count == indices.count)
      }
    }
  }

  @Test("An escape code of 32 or more zero bits is reported as corrupt")
  func overlongEscapeCode() throws {
    let table = try Distribution.laplacian.table()
    var encoder = RangeEncoder()
    encoder.encode(symbol: table.escapeSymbol, table: table)
    for _ in 0..<40 {
      encoder.encodeBits(0, count: 1)
    }
    var decoder = RangeDecoder(bytes: encoder.finish())
    let error = #expect(throws: EntropyCodingError.self) {
      try decoder.decodeValue(table: table)
    }
    guard case .corruptStream(_, let reason) = error else {
      Issue.record("expected a corrupt-stream error, got \(String(describing: error))")
      return
    }
    #expect(reason.contains("escape"))
  }

  @Test("An escape that leaves Int32 is reported with its value")
  func escapeBeyondInt32() throws {
    let table = try FrequencyTable(
      minimum: Int32.max - 2, probabilities: [1, 1, 1], escapeProbability: 1)
    var encoder = RangeEncoder()
    encoder.encode(symbol: table.escapeSymbol, table: table)
    encoder.encodeBits(0, count: 1)  // above the maximum
    // Gamma code of 2^31: 31 zeros, a one, then 31 zero bits.
    for _ in 0..<31 {
      encoder.encodeBits(0, count: 1)
    }
    encoder.encodeBits(1, count: 1)
    encoder.encodeBits(0, count: 31)
    var decoder = RangeDecoder(bytes: encoder.finish())
    let expected = Int64(Int32.max) + (1 << 31)
    #expect(throws: EntropyCodingError.escapedValueOutOfRange(expected)) {
      try decoder.decodeValue(table: table)
    }
  }

  @Test("A code value in the unused top of the interval is reported as corrupt")
  func codeBeyondLastSymbol() throws {
    // All-0xFF input keeps the code at the very top of the interval; once truncation leaves
    // an unused sliver above the last symbol, the code lands in it.
    let table = try FrequencyTable(minimum: 0, frequencies: [3, 5, 65_528], precision: 16)
    var decoder = RangeDecoder(bytes: Array(repeating: 0xFF, count: 64))
    let error = #expect(throws: EntropyCodingError.self) {
      for _ in 0..<1_000 {
        _ = try decoder.decode(table: table)
      }
    }
    guard case .corruptStream(_, let reason) = error else {
      Issue.record("expected a corrupt-stream error, got \(String(describing: error))")
      return
    }
    #expect(reason.contains("unused top"))
  }

  @Test("A table index outside the tables is reported")
  func tableIndexOutOfRange() throws {
    let table = try Distribution.binary.table()
    #expect(throws: EntropyCodingError.tableIndexOutOfRange(index: 3, tableCount: 1)) {
      try LatentStream.decode(bytes: [1, 2], tableIndices: [0, 3], tables: [table])
    }
  }
}
