extension PixelBuffer {
  /// The rectangle of `width` by `height` pixels whose top-left corner is `(x, y)`.
  ///
  /// The rectangle must lie inside the image and hold at least one pixel.
  /// - Complexity: O(width * height * channels).
  public func cropped(x: Int, y: Int, width cropWidth: Int, height cropHeight: Int)
    -> PixelBuffer
  {
    precondition(cropWidth > 0 && cropHeight > 0, "a crop needs at least one pixel")
    precondition(
      x >= 0 && y >= 0 && x + cropWidth <= width && y + cropHeight <= height,
      "crop \(cropWidth)x\(cropHeight) at (\(x), \(y)) leaves the \(width)x\(height) image")
    let channels = channelCount
    var result = [UInt16]()
    result.reserveCapacity(cropWidth * cropHeight * channels)
    for row in y..<(y + cropHeight) {
      let start = (row * width + x) * channels
      result.append(contentsOf: samples[start..<(start + cropWidth * channels)])
    }
    return replacing(layout: layout, samples: result, width: cropWidth, height: cropHeight)
  }

  /// The image enlarged by repeating its edge pixels outwards.
  ///
  /// The output pixel `(x, y)` copies the input pixel
  /// `(clamp(x - left, 0, width - 1), clamp(y - top, 0, height - 1))`.
  ///
  /// - Parameters:
  ///   - top: rows added above, at least 0.
  ///   - left: columns added on the left, at least 0.
  ///   - bottom: rows added below, at least 0.
  ///   - right: columns added on the right, at least 0.
  /// - Complexity: O(output samples).
  public func padded(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0)
    -> PixelBuffer
  {
    precondition(top >= 0 && left >= 0 && bottom >= 0 && right >= 0, "padding is not negative")
    if top == 0 && left == 0 && bottom == 0 && right == 0 {
      return self
    }
    let channels = channelCount
    let newWidth = width + left + right
    let newHeight = height + top + bottom
    var result = [UInt16]()
    result.reserveCapacity(newWidth * newHeight * channels)
    for row in 0..<newHeight {
      let sourceRow = Swift.min(Swift.max(row - top, 0), height - 1)
      let rowStart = sourceRow * width * channels
      let firstPixel = samples[rowStart..<(rowStart + channels)]
      let lastPixel = samples[(rowStart + (width - 1) * channels)..<(rowStart + width * channels)]
      for _ in 0..<left {
        result.append(contentsOf: firstPixel)
      }
      result.append(contentsOf: samples[rowStart..<(rowStart + width * channels)])
      for _ in 0..<right {
        result.append(contentsOf: lastPixel)
      }
    }
    return replacing(layout: layout, samples: result, width: newWidth, height: newHeight)
  }

  /// The image padded on the right and bottom, by edge replication, to the next multiple of
  /// `multiple` in each dimension (unchanged when already a multiple).
  ///
  /// - Parameter multiple: the block size, at least 1 (for example the network's total stride).
  /// - Complexity: O(output samples).
  public func padded(toMultipleOf multiple: Int) -> PixelBuffer {
    precondition(multiple > 0, "the padding multiple must be positive")
    let extraColumns = (multiple - width % multiple) % multiple
    let extraRows = (multiple - height % multiple) % multiple
    return padded(bottom: extraRows, right: extraColumns)
  }
}
