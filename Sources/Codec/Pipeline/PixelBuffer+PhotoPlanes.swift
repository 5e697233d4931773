import Image
import Models

extension PixelBuffer {
  /// The photo codec's input for a region of this colour image: RGB planes in [0, 1],
  /// `[3, rows, columns]`, at 8-bit precision.
  ///
  /// The region may extend past the right and bottom edges, which are replicated (the codec
  /// works on images padded to a multiple of 64). A grey image gives three equal planes;
  /// 16-bit samples are first rounded to 8 bits, `(v + 128) / 257`.
  ///
  /// - Parameter region: Rows and columns, starting inside the image.
  /// - Complexity: O(region pixels), without copying the rest of the image.
  func photoPlanes(_ region: GridRegion) -> [Float] {
    precondition(!layout.hasAlpha, "the colour is coded without its alpha")
    let channels = channelCount
    let rows = region.rows.count
    let columns = region.columns.count
    let plane = rows * columns
    var planes = [Float](repeating: 0, count: 3 * plane)
    samples.withUnsafeBufferPointer { samples in
      for row in 0..<rows {
        let sourceRow = Swift.min(region.rows.lowerBound + row, height - 1)
        for column in 0..<columns {
          let sourceColumn = Swift.min(region.columns.lowerBound + column, width - 1)
          let source = (sourceRow * width + sourceColumn) * channels
          for channel in 0..<3 {
            var sample = samples[source + (channels == 1 ? 0 : channel)]
            if sampleDepth == .sixteen { sample = UInt16((UInt32(sample) + 128) / 257) }
            // Division, as in `floatPlanes()`, so each value is the correctly rounded quotient.
            planes[channel * plane + row * columns + column] = Float(sample) / 255
          }
        }
      }
    }
    return planes
  }
}
