import Testing

@testable import Decoder

@Suite("Varint")
struct VarintTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var value: UInt64
    var bytes: [UInt8]
    var testDescription: String { "\(value)" }
  }

  static let boundaries: [Case] = [
    Case(value: 0, bytes: [0x00]),
    Case(value: 1, bytes: [0x01]),
    Case(value: 127, bytes: [0x7F]),
    Case(value: 128, bytes: [0x80, 0x01]),
    Case(value: 300, bytes: [0xAC, 0x02]),
    Case(value: 16_383, bytes: [0xFF, 0x7F]),
    Case(value: 16_384, bytes: [0x80, 0x80, 0x01]),
    Case(value: 1 << 56 - 1, bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]),
    Case(value: 1 << 63, bytes: Array(repeating: 0x80, count: 9) + [0x01]),
    Case(value: UInt64.max, bytes: Array(repeating: 0xFF, count: 9) + [0x01]),
  ]

  @Test("encodes and decodes boundary values", arguments: boundaries)
  func boundary(_ example: Case) throws {
    #expect(Varint.encode(example.value) == example.bytes)
    #expect(Varint.encodedLength(example.value) == example.bytes.count)
    var offset = 0
    #expect(try Varint.decode(example.bytes, at: &offset) == example.value)
    #expect(offset == example.bytes.count)
  }

  @Test("encoded length is one byte per 7 significant bits")
  func lengths() {
    for groups in 1...9 {
      let largest = UInt64(1) << UInt64(7 * groups) - 1
      #expect(Varint.encodedLength(largest) == groups)
      #expect(Varint.encodedLength(largest + 1) == groups + 1)
      #expect(Varint.encode(largest + 1).count == groups + 1)
    }
  }

  struct Failure: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var failure: Varint.Failure
    var testDescription: String { name }
  }

  static let failures: [Failure] = [
    Failure(name: "no bytes", bytes: [], failure: .truncated),
    Failure(name: "continuation at the end", bytes: [0x80], failure: .truncated),
    Failure(
      name: "nine continuations", bytes: Array(repeating: 0xFF, count: 9), failure: .truncated),
    Failure(
      name: "tenth byte 0x02", bytes: Array(repeating: 0xFF, count: 9) + [0x02],
      failure: .overflow),
    Failure(
      name: "tenth byte continues", bytes: Array(repeating: 0x80, count: 10) + [0x01],
      failure: .overflow),
    Failure(
      name: "eleven bytes", bytes: Array(repeating: 0xFF, count: 10) + [0x01], failure: .overflow),
    Failure(name: "zero in two bytes", bytes: [0x80, 0x00], failure: .overlong),
    Failure(name: "127 in three bytes", bytes: [0xFF, 0x80, 0x00], failure: .overlong),
    Failure(
      name: "zero in ten bytes", bytes: Array(repeating: 0x80, count: 9) + [0x00],
      failure: .overlong),
  ]

  @Test("refuses truncated, overflowing and overlong varints", arguments: failures)
  func refuses(_ example: Failure) {
    var offset = 0
    #expect(throws: example.failure) { try Varint.decode(example.bytes, at: &offset) }
    #expect(offset == 0)
  }

  @Test("decodes consecutive varints from an offset")
  func sequence() throws {
    var rng = SeededRandom(seed: 7)
    let values = (0..<500).map { _ in
      UInt64.random(in: 0...UInt64.max, using: &rng) >> (rng.next() % 64)
    }
    var bytes: [UInt8] = [0xEE]
    for value in values { Varint.append(value, to: &bytes) }
    var offset = 1
    for value in values {
      #expect(try Varint.decode(bytes, at: &offset) == value)
    }
    #expect(offset == bytes.count)
  }

  @Test(
    "zigzag interleaves signs",
    arguments: [
      (Int64(0), UInt64(0)), (-1, 1), (1, 2), (-2, 3), (2, 4), (-64, 127), (64, 128),
      (Int64.max, UInt64.max - 1), (Int64.min, UInt64.max),
    ])
  func zigzag(signed: Int64, mapped: UInt64) {
    #expect(Varint.zigzag(signed) == mapped)
    #expect(Varint.unzigzag(mapped) == signed)
  }
}
