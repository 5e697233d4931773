import Foundation
import Image
import Models

/// Full-size validation photographs, padded for the codec, and their measurement with real
/// rounding and real entropy coding.
public struct PhotoValidationSet: Sendable {
  /// One validation image.
  public struct Item: Sendable {
    /// The PNG file.
    public let path: String
    /// The image's own height.
    public let height: Int
    /// The image's own width.
    public let width: Int
    /// The coded height, the next multiple of 64.
    public let paddedHeight: Int
    /// The coded width, the next multiple of 64.
    public let paddedWidth: Int
    /// The padded image, RGB planes in [0, 1], `[3, paddedHeight, paddedWidth]`.
    public let planes: [Float]
    /// The original 8-bit samples, planar `[3, height, width]`.
    public let samples: [UInt8]
  }

  /// The images, in path order.
  public let items: [Item]

  /// Loads `count` PNG files spread evenly over the sorted files of `folders`, each padded
  /// by edge replication to multiples of 64.
  ///
  /// - Parameters:
  ///   - folders: Folders of PNG files.
  ///   - count: The number of images to keep, at least 1 (all when there are fewer).
  /// - Throws: `DatasetError.notFound` or `.empty`, and the PNG reader's errors.
  public init(folders: [String], count: Int) throws {
    precondition(count > 0, "a validation set needs an image")
    let paths = try PNGFolder.files(inFolders: folders)
    let chosen = (0..<min(count, paths.count)).map {
      paths[$0 * paths.count / min(count, paths.count)]
    }
    items = try chosen.map(Self.load)
  }

  private static func load(_ path: String) throws -> Item {
    let image = try PixelBuffer(contentsOfPNG: path).removingAlpha().convertedToRGB()
      .converted(to: .eight)
    let padded = image.padded(toMultipleOf: PhotoArchitecture.hyperLatentStride)
    let planes = image.floatPlanes().map { UInt8(($0 * 255).rounded()) }
    return Item(
      path: path, height: image.height, width: image.width, paddedHeight: padded.height,
      paddedWidth: padded.width, planes: padded.floatPlanes(), samples: planes)
  }

  /// Codes every image at every rate point's quality and measures rate and PSNR.
  ///
  /// Each image is analysed once, then compressed, decoded and compared at each quality.
  ///
  /// - Parameter codec: A codec whose entropy model is current.
  /// - Returns: One entry per rate point.
  /// - Throws: `PhotoCodingError` if a bitstream fails to decode, which would be a defect.
  public func evaluate(_ codec: PhotoCodec) throws -> [PhotoRatePointFigures] {
    let qualities = codec.architecture.ratePoints.map(\.quality)
    var bits = [Double](repeating: 0, count: qualities.count)
    var psnr = bits
    for item in items {
      let analysis = try codec.analyze(
        planes: item.planes, height: item.paddedHeight, width: item.paddedWidth)
      for (index, quality) in qualities.enumerated() {
        let bytes = try codec.compress(analysis, quality: quality).bytes
        let decoded = try codec.decompress(
          bytes, height: item.paddedHeight, width: item.paddedWidth, quality: quality)
        bits[index] += Double(8 * bytes.count) / Double(item.height * item.width)
        psnr[index] += Self.psnr(decoded, of: item)
      }
    }
    let count = Double(items.count)
    return qualities.indices.map {
      PhotoRatePointFigures(
        quality: qualities[$0], bitsPerPixel: bits[$0] / count, psnr: psnr[$0] / count)
    }
  }

  /// The PSNR of padded planes, rounded to 8 bits and cropped, against the original samples.
  static func psnr(_ planes: [Float], of item: Item) -> Double {
    var squaredError = 0.0
    for channel in 0..<3 {
      for row in 0..<item.height {
        for column in 0..<item.width {
          let value = planes[(channel * item.paddedHeight + row) * item.paddedWidth + column]
          let decoded = (Double(value) * 255).rounded()
          let original = Double(item.samples[(channel * item.height + row) * item.width + column])
          squaredError += (decoded - original) * (decoded - original)
        }
      }
    }
    let meanSquaredError = squaredError / Double(3 * item.height * item.width)
    return meanSquaredError > 0 ? min(100, 10 * log10(255 * 255 / meanSquaredError)) : 100
  }
}
