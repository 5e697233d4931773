import Testing

@testable import Decoder

@Suite("Payload sub-streams")
struct PayloadStreamsTests {
  @Test(
    "streams round-trip, the last one without a length",
    arguments: [
      ([[1, 2, 3]], [1, 2, 3]),
      ([[], []], [0]),
      ([[7], [8, 9], []], [1, 7, 2, 8, 9]),
    ] as [([[UInt8]], [UInt8])])
  func roundTrip(streams: [[UInt8]], payload: [UInt8]) throws {
    #expect(PayloadStreams.join(streams) == payload)
    #expect(try PayloadStreams.split(payload, count: streams.count) == streams)
  }

  @Test("a long first stream costs a two-byte length")
  func longStream() throws {
    let streams: [[UInt8]] = [Array(repeating: 3, count: 200), [4, 5]]
    let payload = PayloadStreams.join(streams)
    #expect(payload.count == 200 + 2 + 2)
    #expect(try PayloadStreams.split(payload, count: 2) == streams)
  }

  @Test("a length beyond the payload is refused")
  func truncated() {
    #expect(throws: ContainerError.truncated(at: ContainerLocation(.subStream(1), offset: 2))) {
      try PayloadStreams.split([1, 7, 5, 8], count: 3)
    }
    #expect(throws: ContainerError.truncated(at: ContainerLocation(.subStream(0), offset: 0))) {
      try PayloadStreams.split([], count: 2)
    }
  }
}
