import EntropyCoding
import Testing

@Suite("Coded size against the ideal")
struct CompressionEfficiencyTests {
  @Test(
    "A stream costs at most 1% plus 16 bits over sum(-log2 p)",
    arguments: Distribution.allCases, [1, 2, 10, 30, 10_000])
  func sizeWithinOnePercent(distribution: Distribution, length: Int) throws {
    let table = try distribution.table()
    // Several seeds, so that one lucky stream cannot hide a systematic overhead.
    for seed in 0..<8 as Range<UInt64> {
      var generator = SeededGenerator(seed: seed * 1_000 + UInt64(length))
      let values = sampleValues(from: table, count: length, using: &generator)
      let indices = Array(repeating: 0, count: length)
      let bytes = LatentStream.encode(values: values, tableIndices: indices, tables: [table])
      let ideal = idealBits(of: values, tableIndices: indices, tables: [table])

      #expect(
        Double(bytes.count * 8) <= ideal * 1.01 + 16,
        "\(bytes.count) bytes for an ideal of \(ideal) bits (seed \(seed))")
    }
  }

  @Test("The tight end costs at most one byte over the ideal", arguments: Distribution.allCases)
  func tightTermination(distribution: Distribution) throws {
    let table = try distribution.table()
    var generator = SeededGenerator(seed: 77)
    for trial in 0..<400 {
      let length = trial % 40
      let values = sampleValues(from: table, count: length, using: &generator)
      let indices = Array(repeating: 0, count: length)
      let bytes = LatentStream.encode(values: values, tableIndices: indices, tables: [table])
      let ideal = idealBits(of: values, tableIndices: indices, tables: [table])

      // The coder's own rounding costs under 1e-9 bits per symbol; allow 1e-6 in all.
      #expect(
        Double(bytes.count) <= ideal / 8 + 1 + 1e-6,
        "\(bytes.count) bytes for \(ideal) ideal bits, trial \(trial)")
    }
  }

  @Test("Thirty-symbol streams average under 5 bits above the ideal")
  func tinyStreamOverhead() throws {
    // A digit's latent is a few dozen symbols; per-stream overhead is what matters there.
    let table = try Distribution.laplacian.table()
    var generator = SeededGenerator(seed: 30)
    var totalOverhead = 0.0
    let trials = 2_000
    for _ in 0..<trials {
      let values = sampleValues(from: table, count: 30, using: &generator)
      let indices = Array(repeating: 0, count: 30)
      let bytes = LatentStream.encode(values: values, tableIndices: indices, tables: [table])
      totalOverhead +=
        Double(bytes.count * 8)
        - idealBits(of: values, tableIndices: indices, tables: [table])
    }
    // Ending on a byte boundary costs 4 bits on average; the tight end wins some back when
    // the final interval holds a short value.
    let averageOverhead = totalOverhead / Double(trials)
    #expect(averageOverhead < 5, "average overhead \(averageOverhead) bits")
    #expect(averageOverhead > -1, "average overhead \(averageOverhead) bits is implausible")
  }
}
