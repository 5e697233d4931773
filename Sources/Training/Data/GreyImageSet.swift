import Foundation
import Image

/// A set of equally sized grey images held in memory as Float32 values in [0, 1].
///
/// Layout: image after image, each row-major, so the set is an NCHW tensor
/// `[count, 1, height, width]` flattened.
public struct GreyImageSet: Sendable {
  /// The height of every image.
  public let height: Int
  /// The width of every image.
  public let width: Int
  /// The pixel values, `count · height · width` of them.
  public private(set) var values: [Float]

  /// The number of images.
  public var count: Int { values.count / (height * width) }

  /// An image set from values already laid out as described above.
  public init(height: Int, width: Int, values: [Float]) {
    precondition(height > 0 && width > 0 && values.count % (height * width) == 0, "bad layout")
    self.height = height
    self.width = width
    self.values = values
  }

  /// Loads every image from the given paths: IDX image files (plain or gzip) and folders
  /// of PNG files (colour images are converted to grey).
  ///
  /// - Throws: `DatasetError` when a path is missing, a file is corrupt or the sizes differ,
  ///   and the PNG reader's errors.
  public init(paths: [String]) throws {
    var height = 0
    var width = 0
    var values: [Float] = []
    func accept(_ newHeight: Int, _ newWidth: Int, from path: String) throws {
      if height == 0 {
        (height, width) = (newHeight, newWidth)
      } else if (newHeight, newWidth) != (height, width) {
        throw DatasetError.mixedSizes(
          path, expected: "\(width)x\(height)", actual: "\(newWidth)x\(newHeight)")
      }
    }
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw DatasetError.notFound(path)
      }
      if isDirectory.boolValue {
        for file in try PNGFolder.files(in: path) {
          let image = try PixelBuffer(contentsOfPNG: file).removingAlpha().convertedToGrey()
          try accept(image.height, image.width, from: file)
          values += image.floatPlanes()
        }
      } else {
        let file = try IDXFile(contentsOf: path)
        guard file.dimensions.count == 3 else {
          throw DatasetError.corrupt(
            path, reason: "IDX file has \(file.dimensions.count) dimensions, images have 3")
        }
        try accept(file.dimensions[1], file.dimensions[2], from: path)
        values += file.values.map { Float($0) / 255 }
      }
    }
    guard height > 0 else { throw DatasetError.empty(paths.joined(separator: ", ")) }
    self.init(height: height, width: width, values: values)
  }

  /// The images at `indices`, as one NCHW batch laid out like `values`.
  public func batch(_ indices: some Collection<Int>) -> [Float] {
    [Float](unsafeUninitializedCapacity: indices.count * height * width) { buffer, count in
      fill(indices, into: buffer)
      count = buffer.count
    }
  }

  /// Copies the images at `indices` one after another into `buffer`, which must hold
  /// exactly that many images.
  public func fill(_ indices: some Collection<Int>, into buffer: UnsafeMutableBufferPointer<Float>)
  {
    let size = height * width
    precondition(buffer.count == indices.count * size, "the buffer must hold the batch exactly")
    values.withUnsafeBufferPointer { source in
      guard let sourceBase = source.baseAddress, let base = buffer.baseAddress else { return }
      for (position, index) in indices.enumerated() {
        (base + position * size).update(from: sourceBase + index * size, count: size)
      }
    }
  }

  /// Splits off the last `count` images, returning them as a second set.
  public mutating func splitLast(_ count: Int) -> GreyImageSet {
    let size = height * width
    let keep = (self.count - count) * size
    let tail = GreyImageSet(height: height, width: width, values: Array(values[keep...]))
    values.removeLast(values.count - keep)
    return tail
  }
}
