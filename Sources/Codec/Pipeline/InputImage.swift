import Image

/// An image read from a PNG file, with the size of that file.
public struct InputImage: Sendable {
  /// The path it was read from.
  public var path: String
  /// The pixels.
  public var image: PixelBuffer
  /// The size of the PNG file.
  public var pngBytes: Int

  /// Decodes `bytes`, the contents of the PNG file at `path`.
  ///
  /// - Parameters:
  ///   - path: The file's path, named in errors and reports.
  ///   - bytes: The file's contents.
  ///   - maximumPixelCount: The largest `width * height` accepted; a larger image is refused
  ///     from its header, before its pixels are laid out.
  /// - Throws: `PNGError` naming the file and libpng's reason when it is not a valid PNG,
  ///   or `.tooLarge` over the limit.
  public init(
    path: String, bytes: [UInt8], maximumPixelCount: Int = PNG.defaultMaximumPixelCount
  ) throws {
    self.path = path
    self.image = try PNG.decode(bytes, source: path, maximumPixelCount: maximumPixelCount)
    self.pngBytes = bytes.count
  }
}
