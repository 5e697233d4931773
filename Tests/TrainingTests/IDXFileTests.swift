import Testing

@testable import Training

/// An IDX header for unsigned bytes with `dimensions`, big-endian.
private func idxHeader(_ dimensions: [UInt32], type: UInt8 = 0x08) -> [UInt8] {
  var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
  for dimension in dimensions {
    bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: dimension >> UInt32($0)) }
  }
  return bytes
}

@Suite("IDX files")
struct IDXFileTests {
  @Test(
    "plain and gzip IDX files give the same images",
    arguments: ["images-5x4x4.idx", "images-5x4x4.idx.gz", "images-5x4x4-two-members.idx.gz"])
  func readsFixture(name: String) throws {
    let file = try IDXFile(contentsOf: TrainingFixtures.idx(name))
    #expect(file.dimensions == [5, 4, 4])
    #expect(file.values == TrainingFixtures.pixels)
  }

  @Test("an IDX file built in memory parses")
  func inMemory() throws {
    let file = try IDXFile(bytes: idxHeader([2, 3]) + [1, 2, 3, 4, 5, 6], name: "m")
    #expect(file.dimensions == [2, 3])
    #expect(file.values == [1, 2, 3, 4, 5, 6])
  }

  @Test("a gzip stream cut anywhere is reported as truncated")
  func truncatedGzip() throws {
    let bytes = try TrainingFixtures.idxBytes("images-5x4x4.idx.gz")
    // From 2 bytes on, the data starts with the gzip magic; the last 8 bytes are the
    // CRC-32 and length of the trailer, which a cut there removes too.
    for length in 2..<bytes.count {
      #expect(throws: DatasetError.corrupt("cut", reason: "the gzip stream is truncated")) {
        try IDXFile(bytes: Array(bytes.prefix(length)), name: "cut")
      }
    }
  }

  @Test("a second gzip member cut short is reported as truncated")
  func truncatedSecondMember() throws {
    let bytes = try TrainingFixtures.idxBytes("images-5x4x4-two-members.idx.gz")
    #expect(throws: DatasetError.corrupt("cut", reason: "the gzip stream is truncated")) {
      try IDXFile(bytes: Array(bytes.dropLast(3)), name: "cut")
    }
  }

  @Test("damaged gzip data is refused with zlib's reason")
  func corruptGzip() throws {
    let bytes = try TrainingFixtures.idxBytes("images-5x4x4.idx.gz")
    var damagedCheck = bytes
    damagedCheck[bytes.count - 6] ^= 0xFF
    #expect(throws: DatasetError.corrupt("crc", reason: "incorrect data check")) {
      try IDXFile(bytes: damagedCheck, name: "crc")
    }
    var damagedLength = bytes
    damagedLength[bytes.count - 1] ^= 0x01
    #expect(throws: DatasetError.corrupt("length", reason: "incorrect length check")) {
      try IDXFile(bytes: damagedLength, name: "length")
    }
    var damagedMethod = bytes
    damagedMethod[2] = 7
    #expect(throws: DatasetError.corrupt("method", reason: "unknown compression method")) {
      try IDXFile(bytes: damagedMethod, name: "method")
    }
  }

  struct BadIDX: CustomTestStringConvertible, Sendable {
    var label: String
    var bytes: [UInt8]
    var reason: String
    var testDescription: String { label }
  }

  static let badFiles: [BadIDX] = [
    BadIDX(label: "empty", bytes: [], reason: "not an IDX file (bad magic number)"),
    BadIDX(
      label: "wrong magic", bytes: [0, 1, 8, 1, 0, 0, 0, 0],
      reason: "not an IDX file (bad magic number)"),
    BadIDX(
      label: "float values", bytes: idxHeader([1], type: 0x0D) + [0, 0, 0, 0],
      reason: "IDX value type 0xd is not unsigned bytes"),
    BadIDX(label: "no dimensions", bytes: [0, 0, 8, 0], reason: "IDX header is truncated"),
    BadIDX(
      label: "header cut in a dimension", bytes: Array(idxHeader([5, 4, 4]).prefix(10)),
      reason: "IDX header is truncated"),
    BadIDX(
      label: "one value missing", bytes: idxHeader([2, 2]) + [1, 2, 3],
      reason: "IDX data holds 3 bytes, expected 4"),
    BadIDX(
      label: "one value too many", bytes: idxHeader([2, 2]) + [1, 2, 3, 4, 5],
      reason: "IDX data holds 5 bytes, expected 4"),
    BadIDX(
      label: "dimensions whose product overflows",
      bytes: idxHeader([UInt32](repeating: .max, count: 3)) + [1],
      reason: "IDX dimensions [4294967295, 4294967295, 4294967295] describe more values "
        + "than can exist"),
  ]

  @Test("corrupt IDX data is refused, saying what is wrong", arguments: badFiles)
  func corruptIDX(_ bad: BadIDX) {
    #expect(throws: DatasetError.corrupt("bad.idx", reason: bad.reason)) {
      try IDXFile(bytes: bad.bytes, name: "bad.idx")
    }
  }

  @Test("a missing file is reported by path")
  func missingFile() {
    #expect(throws: DatasetError.notFound("/no/such/file.idx")) {
      try IDXFile(contentsOf: "/no/such/file.idx")
    }
    #expect(DatasetError.notFound("/x").description == "/x: no such file or folder")
  }
}
