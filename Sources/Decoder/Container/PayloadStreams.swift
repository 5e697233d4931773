/// Frames several byte streams as one payload: each stream but the last is preceded by its
/// length as a varint, and the last runs to the end.
///
/// The number of streams is fixed by the codec and not stored, so one stream costs nothing
/// and each further one costs a byte per 7 bits of the previous stream's length. This is
/// the convention of the specification's "Payload sub-streams"; the container itself treats
/// payloads as opaque.
public enum PayloadStreams {
  /// The payload holding `streams` in order.
  ///
  /// - Parameter streams: At least one stream; any may be empty.
  public static func join(_ streams: [[UInt8]]) -> [UInt8] {
    precondition(!streams.isEmpty, "a payload holds at least one stream")
    var payload: [UInt8] = []
    payload.reserveCapacity(streams.reduce(0) { $0 + $1.count + Varint.maximumLength })
    for stream in streams.dropLast() {
      Varint.append(UInt64(stream.count), to: &payload)
      payload.append(contentsOf: stream)
    }
    payload.append(contentsOf: streams[streams.count - 1])
    return payload
  }

  /// The `count` streams framed in `payload`.
  ///
  /// - Parameters:
  ///   - payload: A payload written by `join(_:)`.
  ///   - count: The number of streams the codec put in it; at least 1.
  /// - Throws: `ContainerError.truncated`, `.varintOverflow` or `.overlongVarint` at the
  ///   sub-stream whose length or bytes are wrong; offsets are within the payload.
  public static func split(_ payload: [UInt8], count: Int) throws(ContainerError) -> [[UInt8]] {
    precondition(count >= 1, "a payload holds at least one stream")
    var parser = ContainerParser(payload)
    var streams: [[UInt8]] = []
    for index in 0..<count - 1 {
      let start = parser.offset
      let length = try parser.varint(.subStream(index))
      guard length <= UInt64(parser.remaining) else {
        throw .truncated(at: parser.location(.subStream(index), at: start))
      }
      streams.append(Array(try parser.take(Int(length), .subStream(index))))
    }
    streams.append(Array(try parser.take(parser.remaining, .subStream(count - 1))))
    return streams
  }
}
