import Image

/// Lays out rows of images into one picture, for example original, reconstruction and error
/// image per row in a training report.
///
/// Every cell of a column is as wide as the widest image in that column and every cell of a
/// row as tall as the tallest image in that row; each image is centred in its cell, and
/// `padding` pixels of background separate the cells and frame the whole grid. Rows may hold
/// different numbers of images.
public enum ImageGrid {
  /// Composes the grid into an 8-bit buffer.
  ///
  /// The result is RGB if any image has colour and grey otherwise. 16-bit images are reduced
  /// to 8 bits, grey images in a colour grid are replicated into red, green and blue, and alpha
  /// is composited over the background (`c·a + background·(1 - a)`, rounded).
  ///
  /// - Parameters:
  ///   - rows: The images, row by row, left to right; at least one image in all.
  ///   - padding: Background pixels between cells and around the grid, at least 0.
  ///   - background: The grey level (0...255) of the padding and of cell space an image
  ///     does not fill.
  /// - Returns: A buffer of width `Σ column widths + (columns + 1)·padding` and height
  ///   `Σ row heights + (rows + 1)·padding`.
  /// - Complexity: O(output pixels).
  public static func compose(
    rows: [[PixelBuffer]], padding: Int = 4, background: UInt8 = 255
  ) -> PixelBuffer {
    precondition(padding >= 0, "padding cannot be negative")
    precondition(rows.contains { !$0.isEmpty }, "a grid needs at least one image")

    let columnCount = rows.map(\.count).max() ?? 0
    var columnWidths = [Int](repeating: 0, count: columnCount)
    for row in rows {
      for (column, image) in row.enumerated() {
        columnWidths[column] = max(columnWidths[column], image.width)
      }
    }
    // An empty row still takes one padding band, so that row positions stay predictable.
    let rowHeights = rows.map { row in row.map(\.height).max() ?? 0 }

    let isColour = rows.joined().contains { $0.layout.colourChannelCount == 3 }
    let layout: PixelBuffer.Layout = isColour ? .rgb : .grey
    let width = columnWidths.reduce(0, +) + (columnCount + 1) * padding
    let height = rowHeights.reduce(0, +) + (rows.count + 1) * padding
    let canvasWidth = max(width, 1)
    let canvasHeight = max(height, 1)
    var samples = [UInt16](
      repeating: UInt16(background), count: canvasWidth * canvasHeight * layout.channelCount)

    var top = padding
    for (rowIndex, row) in rows.enumerated() {
      var left = padding
      for (column, image) in row.enumerated() {
        let flattened = flattenedForDisplay(image, layout: layout, background: background)
        let x = left + (columnWidths[column] - image.width) / 2
        let y = top + (rowHeights[rowIndex] - image.height) / 2
        copy(flattened, into: &samples, canvasWidth: canvasWidth, x: x, y: y)
        left += columnWidths[column] + padding
      }
      top += rowHeights[rowIndex] + padding
    }
    return PixelBuffer(
      width: canvasWidth, height: canvasHeight, layout: layout, sampleDepth: .eight,
      samples: samples)
  }

  /// Copies `image` row by row into interleaved canvas samples of the same layout, with its
  /// top-left corner at `(x, y)`.
  static func copy(
    _ image: PixelBuffer, into samples: inout [UInt16], canvasWidth: Int, x: Int, y: Int
  ) {
    let channels = image.channelCount
    let rowLength = image.width * channels
    for row in 0..<image.height {
      let source = row * rowLength
      let target = ((y + row) * canvasWidth + x) * channels
      samples.replaceSubrange(
        target..<(target + rowLength), with: image.samples[source..<(source + rowLength)])
    }
  }

  /// The image as 8-bit samples in `layout` (grey or RGB), with alpha composited over the
  /// grey `background`.
  static func flattenedForDisplay(
    _ image: PixelBuffer, layout: PixelBuffer.Layout, background: UInt8
  ) -> PixelBuffer {
    var result = image.converted(to: .eight)
    if result.layout.hasAlpha {
      let channels = result.channelCount
      let colour = result.layout.colourChannelCount
      var samples = [UInt16]()
      samples.reserveCapacity(result.pixelCount * colour)
      for pixel in 0..<result.pixelCount {
        let alpha = Int(result.samples[pixel * channels + channels - 1])
        for channel in 0..<colour {
          let value = Int(result.samples[pixel * channels + channel])
          samples.append(UInt16((value * alpha + Int(background) * (255 - alpha) + 127) / 255))
        }
      }
      result = PixelBuffer(
        width: result.width, height: result.height, layout: result.layout.withoutAlpha,
        sampleDepth: .eight, samples: samples)
    }
    return layout == .rgb ? result.convertedToRGB() : result.convertedToGrey()
  }
}
