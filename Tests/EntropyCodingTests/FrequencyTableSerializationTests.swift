import EntropyCoding
import Testing

@Suite("Stored frequency tables")
struct FrequencyTableSerializationTests {
  static let sample: FrequencyTable = {
    do {
      return try FrequencyTable(minimum: -2, frequencies: [1, 2, 3, 4, 6], precision: 4)
    } catch {
      preconditionFailure("the sample table is valid: \(error)")
    }
  }()

  @Test("The stored layout is explicit little-endian")
  func layout() {
    #expect(
      Self.sample.serialized() == [
        1,  // version
        4,  // precision
        0xFE, 0xFF, 0xFF, 0xFF,  // minimum -2
        4, 0, 0, 0,  // four values
        1, 0, 2, 0, 3, 0, 4, 0, 6, 0,  // frequencies, escape last
      ])
  }

  @Test("Tables round-trip through their stored form", arguments: Distribution.allCases)
  func roundTrip(distribution: Distribution) throws {
    for precision in [4, 9, 16] {
      let table = try distribution.table(precision: max(precision, 6))
      let bytes = table.serialized()
      #expect(try FrequencyTable(serialized: bytes) == table)
    }
  }

  @Test("Several tables read back to back from one buffer")
  func consecutiveTables() throws {
    let tables = try Distribution.allCases.map { try $0.table() }
    let bytes: [UInt8] = tables.flatMap { $0.serialized() } + [0xAB]
    var offset = 0
    for table in tables {
      #expect(try FrequencyTable(serialized: bytes, offset: &offset) == table)
    }
    #expect(offset == bytes.count - 1)
  }

  @Test("Every truncation of a stored table is reported")
  func truncation() {
    let bytes = Self.sample.serialized()
    for length in 0..<bytes.count {
      let error = #expect(throws: EntropyCodingError.self) {
        try FrequencyTable(serialized: Array(bytes.prefix(length)))
      }
      guard case .invalidTable(.truncatedData) = error else {
        Issue.record("length \(length): expected truncated data, got \(String(describing: error))")
        continue
      }
    }
  }

  /// The sample's stored bytes with `edit` applied.
  static func edited(_ edit: (inout [UInt8]) -> Void) -> [UInt8] {
    var bytes = sample.serialized()
    edit(&bytes)
    return bytes
  }

  static let damagedCases: [(String, [UInt8], FrequencyTableDefect)] = [
    ("version 2", edited { $0[0] = 2 }, .unsupportedVersion(2)),
    ("precision 0", edited { $0[1] = 0 }, .precisionOutOfRange(0)),
    ("precision 17", edited { $0[1] = 17 }, .precisionOutOfRange(17)),
    ("zero frequency", edited { $0[12] = 0 }, .zeroFrequency(symbol: 1)),
    ("wrong total", edited { $0[18] = 7 }, .wrongTotal(expected: 16, actual: 17)),
    (
      "huge value count", edited { $0[6...9] = [0xFF, 0xFF, 0xFF, 0xFF] },
      .tooManySymbols(count: Int(UInt32.max) + 1, limit: 16)
    ),
    (
      "value count beyond the data", edited { $0[6] = 9 },
      .truncatedData(needed: 20, available: 10)
    ),
    ("trailing byte", edited { $0.append(0) }, .trailingData(count: 1)),
    (
      "range past Int32.max", edited { $0[2...5] = [0xFF, 0xFF, 0xFF, 0x7F] },
      .valueRangeOutOfBounds(minimum: Int64(Int32.max), maximum: Int64(Int32.max) + 3)
    ),
  ]

  @Test("Damaged stored tables are rejected with the right defect", arguments: damagedCases)
  func damaged(_ name: String, bytes: [UInt8], defect: FrequencyTableDefect) {
    #expect(throws: EntropyCodingError.invalidTable(defect), "\(name)") {
      try FrequencyTable(serialized: bytes)
    }
  }

  @Test("Errors read as sentences that name the offending value")
  func descriptions() {
    let error = EntropyCodingError.invalidTable(.zeroFrequency(symbol: 3))
    #expect(
      error.description == "invalid frequency table: symbol 3 has frequency 0; every "
        + "symbol needs at least 1")
    #expect(
      EntropyCodingError.truncatedStream(byteCount: 12).description.contains("12 bytes"))
  }
}
