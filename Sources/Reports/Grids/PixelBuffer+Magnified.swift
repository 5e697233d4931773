import Image

extension PixelBuffer {
  /// The image enlarged by an integer factor with nearest-neighbour sampling, so that each
  /// source pixel becomes a `factor × factor` block and no new values are invented.
  ///
  /// Output pixel `(x, y)` copies input pixel `(x / factor, y / factor)` (integer division).
  ///
  /// - Parameter factor: The enlargement, at least 1.
  /// - Complexity: O(output samples).
  public func magnified(by factor: Int) -> PixelBuffer {
    precondition(factor >= 1, "magnification must be at least 1")
    if factor == 1 { return self }
    let channels = channelCount
    let outputWidth = width * factor
    var output = [UInt16]()
    output.reserveCapacity(outputWidth * height * factor * channels)
    var outputRow = [UInt16]()
    outputRow.reserveCapacity(outputWidth * channels)
    for row in 0..<height {
      outputRow.removeAll(keepingCapacity: true)
      let rowStart = row * width * channels
      for column in 0..<width {
        let pixel = samples[(rowStart + column * channels)..<(rowStart + (column + 1) * channels)]
        for _ in 0..<factor { outputRow.append(contentsOf: pixel) }
      }
      for _ in 0..<factor { output.append(contentsOf: outputRow) }
    }
    return PixelBuffer(
      width: outputWidth, height: height * factor, layout: layout, sampleDepth: sampleDepth,
      samples: output, sourceBitDepth: sourceBitDepth, sourceIsPalette: sourceIsPalette)
  }
}
