import Testing

@testable import Models

@Suite struct PhotoBitstreamTests {
  @Test(arguments: [0, 1, 127, 128, 300, 16_384])
  func bytesRoundTripForEveryPrefixLength(_ length: Int) throws {
    let stream = PhotoBitstream(
      hyperLatentBytes: (0..<length).map { UInt8(truncatingIfNeeded: $0) },
      latentBytes: [9, 8, 7], hyperLatentShape: [8, 1, 1], latentShape: [12, 4, 4])
    let bytes = stream.bytes
    let prefix = length < 128 ? 1 : (length < 16_384 ? 2 : 3)
    #expect(bytes.count == prefix + length + 3)
    #expect(
      try PhotoBitstream(bytes: bytes, hyperLatentShape: [8, 1, 1], latentShape: [12, 4, 4])
        == stream)
  }

  struct Bad: CustomTestStringConvertible, Sendable {
    var label: String
    var bytes: [UInt8]
    var error: PhotoCodingError
    var testDescription: String { label }
  }

  static let bad: [Bad] = [
    Bad(label: "empty", bytes: [], error: .truncatedBitstream(length: 0)),
    Bad(label: "length past the end", bytes: [5, 1, 2], error: .truncatedBitstream(length: 3)),
    Bad(label: "unfinished varint", bytes: [0x80], error: .truncatedBitstream(length: 1)),
    Bad(label: "non-minimal varint", bytes: [0x81, 0x00, 1], error: .invalidLengthPrefix),
    Bad(
      label: "ten-byte varint", bytes: [UInt8](repeating: 0xFF, count: 10) + [0],
      error: .invalidLengthPrefix),
  ]

  @Test(arguments: bad) func malformedPrefixesThrow(_ bad: Bad) {
    #expect(throws: bad.error) {
      try PhotoBitstream(bytes: bad.bytes, hyperLatentShape: [1, 1, 1], latentShape: [1, 1, 1])
    }
  }
}
