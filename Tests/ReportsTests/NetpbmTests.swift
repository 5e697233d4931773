import Image
import Testing

@testable import Reports

struct NetpbmTests {
  @Test(arguments: [PixelBuffer.Layout.grey, .rgb])
  func roundTrip(layout: PixelBuffer.Layout) throws {
    let image = TestImages.photoLike(width: 7, height: 5, layout: layout)
    let bytes = Netpbm.encode(image)
    #expect(bytes.starts(with: Array((layout == .grey ? "P5\n7 5\n255\n" : "P6\n7 5\n255\n").utf8)))
    #expect(try Netpbm.decode(bytes) == image)
  }

  @Test func commentsAndSixteenBitSamplesAreRead() throws {
    var bytes = Array("P5 # grey\n# size follows\n2 1\n65535\n".utf8)
    bytes += [0xFF, 0xFF, 0x80, 0x00]
    let image = try Netpbm.decode(bytes)
    #expect(image.layout == .grey && image.width == 2 && image.height == 1)
    // 32768 × 255 / 65535 = 127.5019…, rounded to 128.
    #expect(image.samples == [255, 128])
  }

  struct Bad: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    var testDescription: String { name }
  }

  static let bad: [Bad] = [
    Bad(name: "ASCII PPM", bytes: Array("P3\n1 1\n255\n0 0 0\n".utf8)),
    Bad(name: "truncated raster", bytes: Array("P6\n2 2\n255\n".utf8) + [1, 2, 3]),
    Bad(name: "zero width", bytes: Array("P5\n0 2\n255\n".utf8)),
    Bad(name: "maxval too large", bytes: Array("P5\n1 1\n70000\n".utf8) + [0, 0]),
    Bad(name: "missing maxval", bytes: Array("P5\n1 1".utf8)),
    Bad(name: "sample above maxval", bytes: Array("P5\n1 1\n100\n".utf8) + [101]),
    Bad(name: "empty", bytes: []),
  ]

  @Test(arguments: bad)
  func malformedFilesAreRefused(_ file: Bad) {
    #expect(throws: NetpbmError.self) { try Netpbm.decode(file.bytes) }
  }
}
