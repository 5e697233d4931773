import CZlib

/// Decompression of gzip and zlib streams through the system's zlib.
enum Gzip {
  /// Whether `bytes` start with the gzip magic number 1f 8b.
  static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
  }

  /// The decompressed contents of a gzip stream (several members are concatenated).
  ///
  /// - Throws: `DatasetError.corrupt` with zlib's reason.
  static func decompress(_ bytes: [UInt8], name: String) throws -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count * 4)
    var stream = z_stream()
    // 16 + MAX_WBITS asks zlib to expect a gzip header.
    guard
      inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        == Z_OK
    else { throw DatasetError.corrupt(name, reason: "zlib could not start") }
    defer { inflateEnd(&stream) }

    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var consumed = 0
    // Whether the last member read so far ended with its trailer; input that runs out
    // before that is truncated, even when every byte it holds inflated cleanly.
    var memberEnded = false
    try bytes.withUnsafeBufferPointer { input in
      guard let base = input.baseAddress else { return }
      while consumed < input.count {
        stream.next_in = UnsafeMutablePointer(mutating: base + consumed)
        stream.avail_in = UInt32(min(input.count - consumed, Int(UInt32.max)))
        let before = Int(stream.avail_in)
        var status: Int32 = Z_OK
        repeat {
          status = chunk.withUnsafeMutableBufferPointer { buffer in
            stream.next_out = buffer.baseAddress
            stream.avail_out = UInt32(buffer.count)
            return inflate(&stream, Z_NO_FLUSH)
          }
          guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            let reason = stream.msg.map { String(cString: $0) } ?? "inflate failed (\(status))"
            throw DatasetError.corrupt(name, reason: reason)
          }
          output += chunk[0..<(chunk.count - Int(stream.avail_out))]
        } while stream.avail_out == 0 && status != Z_STREAM_END
        consumed += before - Int(stream.avail_in)
        memberEnded = status == Z_STREAM_END
        if status == Z_STREAM_END {
          // Another gzip member may follow.
          guard inflateReset(&stream) == Z_OK else { break }
        } else if stream.avail_in == 0 && status == Z_BUF_ERROR {
          throw DatasetError.corrupt(name, reason: "the gzip stream is truncated")
        } else if before == Int(stream.avail_in) {
          throw DatasetError.corrupt(name, reason: "the gzip stream is truncated")
        }
      }
    }
    guard memberEnded else {
      throw DatasetError.corrupt(name, reason: "the gzip stream is truncated")
    }
    return output
  }
}
