extension PixelBuffer {
  /// Reads and decodes the PNG file at `path`.
  ///
  /// See `PNG.decode` for the layouts produced and the expansion rules.
  ///
  /// - Parameters:
  ///   - path: the file to read; error messages name it as given.
  ///   - maximumPixelCount: largest `width * height` accepted.
  /// - Throws: `PNGError.unreadable` when the file cannot be read, otherwise the decoding
  ///   errors of `PNG.decode`.
  /// - Complexity: O(file size + samples).
  public init(contentsOfPNG path: String, maximumPixelCount: Int = PNG.defaultMaximumPixelCount)
    throws
  {
    let bytes = try BinaryFile.read(path)
    self = try PNG.decode(bytes, source: path, maximumPixelCount: maximumPixelCount)
  }

  /// Encodes the image and writes it as a PNG file at `path`, replacing any existing file.
  ///
  /// - Parameters:
  ///   - path: the file to write.
  ///   - options: bit depth and compression level.
  /// - Throws: the encoding errors of `PNG.encode`, or `PNGError.unwritable`.
  /// - Complexity: O(samples).
  public func writePNG(to path: String, options: PNG.EncodeOptions = .standard) throws {
    let bytes = try PNG.encode(self, options: options)
    try BinaryFile.write(bytes, to: path)
  }
}
