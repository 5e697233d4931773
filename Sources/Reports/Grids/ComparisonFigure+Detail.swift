import Image

extension ComparisonFigure {
  /// The region of `image` with the most fine detail, where compression artefacts show best.
  ///
  /// Detail is the sum over the region of the luma gradient magnitude
  /// `|I(x+1, y) - I(x, y)| + |I(x, y+1) - I(x, y)|`, summed through an integral image so that
  /// every candidate costs four look-ups. Candidates lie on a grid of a quarter of the region
  /// size (plus the last position in each direction); the first best one wins, so the choice
  /// is deterministic.
  ///
  /// - Parameters:
  ///   - image: The image to search.
  ///   - maximumWidth: The widest region wanted, at least 1; the region is a quarter of the
  ///     image's shorter side (at least 8 pixels) capped by this, and two thirds as tall.
  /// - Returns: A region inside the image.
  /// - Complexity: O(pixels).
  public static func mostDetailedRegion(in image: PixelBuffer, maximumWidth: Int) -> PixelRegion {
    precondition(maximumWidth >= 1, "the region needs at least one pixel")
    let width = image.width
    let height = image.height
    let side = min(max(8, min(width, height) / 4), maximumWidth)
    let regionWidth = min(side, width)
    let regionHeight = min(max(1, side * 2 / 3), height)

    let luma = image.removingAlpha().convertedToGrey().converted(to: .eight).samples
    // integral[(y) * (width + 1) + x] = sum of gradients over rows < y and columns < x.
    var integral = [Int](repeating: 0, count: (width + 1) * (height + 1))
    for y in 0..<height {
      var rowSum = 0
      for x in 0..<width {
        let here = Int(luma[y * width + x])
        let right = x + 1 < width ? Int(luma[y * width + x + 1]) : here
        let below = y + 1 < height ? Int(luma[(y + 1) * width + x]) : here
        rowSum += abs(right - here) + abs(below - here)
        integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + rowSum
      }
    }
    func detail(x: Int, y: Int) -> Int {
      let stride = width + 1
      let x1 = x + regionWidth
      let y1 = y + regionHeight
      return integral[y1 * stride + x1] - integral[y * stride + x1] - integral[y1 * stride + x]
        + integral[y * stride + x]
    }

    func positions(extent: Int, size: Int) -> [Int] {
      let last = extent - size
      var result = Array(Swift.stride(from: 0, through: last, by: max(1, size / 4)))
      if result.last != last { result.append(last) }
      return result
    }
    var best = PixelRegion(x: 0, y: 0, width: regionWidth, height: regionHeight)
    var bestDetail = -1
    for y in positions(extent: height, size: regionHeight) {
      for x in positions(extent: width, size: regionWidth) {
        let value = detail(x: x, y: y)
        if value > bestDetail {
          bestDetail = value
          best = PixelRegion(x: x, y: y, width: regionWidth, height: regionHeight)
        }
      }
    }
    return best
  }
}
