import Image

/// A reason a PGM or PPM file could not be read.
struct NetpbmError: Error, Equatable, CustomStringConvertible {
  let description: String
}

/// Binary PGM (`P5`, grey) and PPM (`P6`, RGB) files, the raw formats `cjpeg`, `cwebp` and
/// `cjxl` read and `djpeg`, `dwebp` and `djxl` write.
///
/// Layout: an ASCII header `P5|P6 <width> <height> <maxval>` separated by whitespace (with
/// `#` comments allowed before the maxval), one whitespace byte, then the samples row-major
/// and interleaved, one byte each for maxval < 256, else two bytes big-endian.
enum Netpbm {
  /// Writes an 8-bit grey image as PGM or an 8-bit RGB image as PPM.
  ///
  /// - Complexity: O(samples).
  static func encode(_ image: PixelBuffer) -> [UInt8] {
    precondition(image.sampleDepth == .eight, "Netpbm output here is 8-bit")
    precondition(image.layout == .grey || image.layout == .rgb, "PGM/PPM hold grey or RGB")
    let magic = image.layout == .grey ? "P5" : "P6"
    var bytes = Array("\(magic)\n\(image.width) \(image.height)\n255\n".utf8)
    bytes.reserveCapacity(bytes.count + image.samples.count)
    bytes.append(contentsOf: image.samples.lazy.map { UInt8($0) })
    return bytes
  }

  /// Reads a binary PGM or PPM into an 8-bit grey or RGB buffer.
  ///
  /// Samples of any maxval are rescaled to 0…255 as `round(v × 255 / maxval)`.
  ///
  /// - Throws: `NetpbmError` for another format, a malformed header, a zero size, a maxval
  ///   outside 1…65535, a sample above maxval or too few sample bytes.
  /// - Complexity: O(bytes).
  static func decode(_ bytes: [UInt8]) throws -> PixelBuffer {
    var reader = HeaderReader(bytes: bytes)
    let magic = try reader.token()
    let layout: PixelBuffer.Layout
    switch magic {
    case "P5": layout = .grey
    case "P6": layout = .rgb
    default: throw NetpbmError(description: "expected a binary PGM or PPM, found '\(magic)'")
    }
    let width = try reader.number(named: "width")
    let height = try reader.number(named: "height")
    let maximum = try reader.number(named: "maxval")
    guard width > 0, height > 0 else {
      throw NetpbmError(description: "image size \(width)x\(height) holds no pixels")
    }
    guard (1...65_535).contains(maximum) else {
      throw NetpbmError(description: "maxval \(maximum) is outside 1...65535")
    }
    // Exactly one whitespace byte separates the header from the raster.
    let start = reader.position + 1

    let bytesPerSample = maximum < 256 ? 1 : 2
    let (pixels, pixelOverflow) = width.multipliedReportingOverflow(by: height)
    let (count, countOverflow) = pixels.multipliedReportingOverflow(by: layout.channelCount)
    let (needed, neededOverflow) = count.multipliedReportingOverflow(by: bytesPerSample)
    guard !pixelOverflow, !countOverflow, !neededOverflow, needed <= bytes.count - start else {
      throw NetpbmError(
        description: "\(width)x\(height) \(layout) needs more sample bytes than the file's "
          + "\(max(0, bytes.count - start))")
    }

    var samples = [UInt16](repeating: 0, count: count)
    for index in 0..<count {
      let value: Int
      if bytesPerSample == 1 {
        value = Int(bytes[start + index])
      } else {
        value = Int(bytes[start + 2 * index]) << 8 | Int(bytes[start + 2 * index + 1])
      }
      guard value <= maximum else {
        throw NetpbmError(description: "sample \(value) exceeds maxval \(maximum)")
      }
      samples[index] = UInt16((value * 255 + maximum / 2) / maximum)
    }
    return PixelBuffer(
      width: width, height: height, layout: layout, sampleDepth: .eight, samples: samples)
  }

  /// Reads whitespace-separated header tokens, skipping `#` comments.
  private struct HeaderReader {
    let bytes: [UInt8]
    /// Index of the byte just after the last token read.
    var position = 0

    mutating func token() throws -> String {
      while position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: "#") {
          while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
        } else if Self.isSpace(byte) {
          position += 1
        } else {
          break
        }
      }
      let begin = position
      while position < bytes.count && !Self.isSpace(bytes[position]) && position - begin < 16 {
        position += 1
      }
      guard position > begin else {
        throw NetpbmError(description: "the header ends early")
      }
      return String(decoding: bytes[begin..<position], as: UTF8.self)
    }

    mutating func number(named field: String) throws -> Int {
      let text = try token()
      guard let value = Int(text) else {
        throw NetpbmError(description: "the \(field) '\(text)' is not a number")
      }
      return value
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || (0x09...0x0D).contains(byte)
    }
  }
}
