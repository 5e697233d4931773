import Foundation

/// An IDX file of unsigned bytes (the MNIST format), plain or gzip-compressed.
///
/// The format is big-endian: two zero bytes, a type byte (0x08 for unsigned bytes), the
/// number of dimensions, then each dimension as a 32-bit integer, then the values in
/// row-major order. Images files have three dimensions: count, rows, columns.
public struct IDXFile: Sendable {
  /// The dimensions, outermost first.
  public let dimensions: [Int]
  /// The values, row-major.
  public let values: [UInt8]

  /// Parses an IDX file's bytes, decompressing them first if they are gzip.
  ///
  /// - Parameter name: The file name, for error messages.
  /// - Throws: `DatasetError.corrupt` naming what is wrong.
  public init(bytes: [UInt8], name: String) throws {
    let bytes = Gzip.isCompressed(bytes) ? try Gzip.decompress(bytes, name: name) : bytes
    guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0 else {
      throw DatasetError.corrupt(name, reason: "not an IDX file (bad magic number)")
    }
    guard bytes[2] == 0x08 else {
      throw DatasetError.corrupt(
        name, reason: "IDX value type 0x\(String(bytes[2], radix: 16)) is not unsigned bytes")
    }
    let rank = Int(bytes[3])
    let headerSize = 4 + 4 * rank
    guard rank >= 1, bytes.count >= headerSize else {
      throw DatasetError.corrupt(name, reason: "IDX header is truncated")
    }
    var dimensions: [Int] = []
    for axis in 0..<rank {
      let start = 4 + 4 * axis
      dimensions.append(bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) })
    }
    // The dimensions come from the file: a product that overflows cannot match the data.
    var count = 1
    for dimension in dimensions {
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      guard !overflow else {
        throw DatasetError.corrupt(
          name, reason: "IDX dimensions \(dimensions) describe more values than can exist")
      }
      count = product
    }
    guard bytes.count - headerSize == count else {
      throw DatasetError.corrupt(
        name, reason: "IDX data holds \(bytes.count - headerSize) bytes, expected \(count)")
    }
    self.dimensions = dimensions
    self.values = Array(bytes[headerSize...])
  }

  /// Reads the IDX file at `path`.
  ///
  /// - Throws: `DatasetError`.
  public init(contentsOf path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DatasetError.notFound(path)
    }
    try self.init(bytes: Array(data), name: path)
  }
}
