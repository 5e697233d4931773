import Foundation
import Image
import NumericCore

/// The photographs a photo codec trains on, from folders of PNG files of any size and kind,
/// with random square crops for training batches.
///
/// Every PNG is decoded once when the set is created, which finds unreadable files before a
/// long run starts; each image is reduced to 8-bit RGB (alpha dropped, grey replicated) and
/// padded by edge replication to at least the crop size. Images are kept in memory, 3 bytes
/// per pixel, until `memoryLimit` bytes are held; the others are decoded again whenever a
/// crop needs them, which keeps memory bounded for any amount of data.
public final class PhotoImageSet {
  /// The PNG files, sorted by name within each folder, folders in the order given.
  public let paths: [String]
  /// The side of the square crops.
  public let cropSize: Int
  /// The images held in memory, by index into ``paths``.
  private var held: [Int: RGBImage]

  /// Loads every PNG file directly inside `folders`.
  ///
  /// - Parameters:
  ///   - folders: Folders of PNG files.
  ///   - cropSize: The side of the training crops; smaller images are padded.
  ///   - memoryLimit: The most bytes of decoded images kept in memory.
  /// - Throws: `DatasetError.notFound` or `.empty`, and the PNG reader's errors naming the
  ///   file.
  public init(folders: [String], cropSize: Int, memoryLimit: Int = 2 << 30) throws {
    let paths = try PNGFolder.files(inFolders: folders)
    self.paths = paths
    self.cropSize = cropSize
    held = [:]
    var heldBytes = 0
    for (index, path) in paths.enumerated() {
      let image = try Self.load(path, minimumSize: cropSize)
      let bytes = image.samples.count
      if heldBytes + bytes <= memoryLimit {
        held[index] = image
        heldBytes += bytes
      }
    }
  }

  /// The number of images.
  public var count: Int { paths.count }

  /// One crop in this many is made grey (the same luma in all three channels), so the codec
  /// learns to spend next to nothing on colour when a photo has none.
  public static let greyCropInterval: UInt64 = 8

  /// Draws `batch` random crops: an image, a position, a horizontal flip and whether it is
  /// grey, each.
  ///
  /// Grey crops take the luma `(299 R + 587 G + 114 B + 500) / 1000`, the tool's grey
  /// conversion, in all three channels.
  ///
  /// - Parameters:
  ///   - batch: The number of crops.
  ///   - generator: The source of every choice; four draws per crop.
  /// - Returns: `[batch, 3, cropSize, cropSize]`, RGB in [0, 1].
  /// - Throws: The PNG reader's errors when an image not held in memory can no longer be read.
  public func randomCrops(batch: Int, generator: inout SeededGenerator) throws -> Tensor {
    let side = cropSize
    var values = [Float](repeating: 0, count: batch * 3 * side * side)
    for item in 0..<batch {
      let index = generator.nextIndex(below: count)
      let image = try self.image(at: index)
      let left = generator.nextIndex(below: image.width - side + 1)
      let top = generator.nextIndex(below: image.height - side + 1)
      let draw = generator.next()
      let flipped = draw & 1 == 1
      let grey = (draw >> 1) % Self.greyCropInterval == 0
      let base = item * 3 * side * side
      image.samples.withUnsafeBufferPointer { samples in
        for row in 0..<side {
          for column in 0..<side {
            let sourceColumn = left + (flipped ? side - 1 - column : column)
            let pixel = ((top + row) * image.width + sourceColumn) * 3
            let luma =
              (299 * Int(samples[pixel]) + 587 * Int(samples[pixel + 1]) + 114
                * Int(samples[pixel + 2]) + 500) / 1000
            for channel in 0..<3 {
              let sample = grey ? luma : Int(samples[pixel + channel])
              values[base + (channel * side + row) * side + column] = Float(sample) / 255
            }
          }
        }
      }
    }
    return Tensor(shape: [batch, 3, side, side], scalars: values)
  }

  /// The image at `index`, from memory or decoded again.
  func image(at index: Int) throws -> RGBImage {
    if let image = held[index] { return image }
    return try Self.load(paths[index], minimumSize: cropSize)
  }

  /// Decodes `path` to 8-bit RGB, padded by edge replication to `minimumSize` on each side.
  static func load(_ path: String, minimumSize: Int) throws -> RGBImage {
    let decoded = try PixelBuffer(contentsOfPNG: path).removingAlpha().convertedToRGB()
      .converted(to: .eight)
    let image = decoded.padded(
      bottom: max(0, minimumSize - decoded.height), right: max(0, minimumSize - decoded.width))
    return RGBImage(
      width: image.width, height: image.height,
      samples: image.samples.map { UInt8(truncatingIfNeeded: $0) })
  }
}

/// An 8-bit RGB image, interleaved `R G B` row-major, 3 bytes per pixel.
struct RGBImage: Sendable {
  let width: Int
  let height: Int
  let samples: [UInt8]
}
