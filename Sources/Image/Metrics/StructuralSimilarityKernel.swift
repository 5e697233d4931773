#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Windowed SSIM statistics of one pair of single-channel planes (Wang et al. 2004).
///
/// Planes are row-major `[row][column]` arrays of `Double` on the 8-bit scale. With `G` a
/// normalised Gaussian window (11 x 11, sigma 1.5) applied at every position where it fits
/// inside the image ("valid" filtering, no padding):
///
///     mu_x = G * x,  sigma_x^2 = G * x^2 - mu_x^2,  sigma_xy = G * (x y) - mu_x mu_y
///     l  = (2 mu_x mu_y + C1) / (mu_x^2 + mu_y^2 + C1)
///     cs = (2 sigma_xy + C2) / (sigma_x^2 + sigma_y^2 + C2)
///     C1 = (0.01 * 255)^2,  C2 = (0.03 * 255)^2
///
/// SSIM is the mean of `l * cs` over the valid positions; the contrast-structure term used by
/// MS-SSIM is the mean of `cs`. Variances use the window weights directly (no `N / (N - 1)`
/// sample correction), as in the paper's reference code.
///
/// Small images: along an axis shorter than 11 pixels the window shrinks to the largest odd
/// length that fits (a 6-pixel axis uses 5 taps, a 1-pixel axis 1 tap), keeping sigma 1.5
/// and renormalising the truncated Gaussian, so every image of at least one pixel has an SSIM.
enum StructuralSimilarityKernel {
  /// Full window length along each axis.
  static let windowSize = 11
  /// Standard deviation of the Gaussian window, in pixels.
  static let sigma = 1.5
  /// Luminance stabiliser `(K1 L)^2` with K1 = 0.01, L = 255.
  static let luminanceConstant = (0.01 * 255.0) * (0.01 * 255.0)
  /// Contrast stabiliser `(K2 L)^2` with K2 = 0.03, L = 255.
  static let contrastConstant = (0.03 * 255.0) * (0.03 * 255.0)

  /// Mean SSIM and mean contrast-structure term of one plane pair.
  struct Statistics: Equatable {
    /// Mean of `l * cs` over the valid window positions.
    var similarity: Double
    /// Mean of `cs` over the valid window positions.
    var contrastStructure: Double
  }

  /// Window length used along an axis of `length` pixels: 11, or the largest odd length that
  /// fits.
  static func windowExtent(forLength length: Int) -> Int {
    precondition(length > 0, "planes have at least one pixel")
    return Swift.min(windowSize, length % 2 == 1 ? length : length - 1)
  }

  /// The normalised 1-D Gaussian `exp(-(i - r)^2 / (2 sigma^2))`, `i = 0..<extent`,
  /// `r = extent / 2`; the 2-D window is the outer product of two of these.
  static func gaussianWeights(extent: Int) -> [Double] {
    let centre = Double(extent / 2)
    let raw = (0..<extent).map { index -> Double in
      let offset = Double(index) - centre
      return exp(-offset * offset / (2 * sigma * sigma))
    }
    let total = raw.reduce(0, +)
    return raw.map { $0 / total }
  }

  /// SSIM statistics of `reference` against `distorted`.
  ///
  /// - Parameters:
  ///   - reference: row-major plane of `width * height` values on the 8-bit scale.
  ///   - distorted: the plane to assess, same size.
  ///   - width: plane width, at least 1.
  ///   - height: plane height, at least 1.
  /// - Complexity: O(width * height * 11) for each of the five filtered quantities (the
  ///   window is separable).
  static func statistics(
    _ reference: [Double], _ distorted: [Double], width: Int, height: Int
  ) -> Statistics {
    precondition(reference.count == width * height && distorted.count == width * height)
    let weightsX = gaussianWeights(extent: windowExtent(forLength: width))
    let weightsY = gaussianWeights(extent: windowExtent(forLength: height))
    let outputWidth = width - weightsX.count + 1
    let outputHeight = height - weightsY.count + 1
    let positions = outputWidth * outputHeight

    // The five local moments, one block of `positions` values each, in the order
    // mu_x, mu_y, E[x^2], E[y^2], E[xy].
    var moments = [Double](repeating: 0, count: 5 * positions)
    var scratch = [Double](repeating: 0, count: height * outputWidth)
    var product = [Double](repeating: 0, count: width * height)
    reference.withUnsafeBufferPointer { x in
      distorted.withUnsafeBufferPointer { y in
        moments.withUnsafeMutableBufferPointer { moments in
          func filter(_ plane: UnsafeBufferPointer<Double>, into block: Int) {
            filterValid(
              plane, width: width, height: height, weightsX: weightsX, weightsY: weightsY,
              scratch: &scratch,
              output: UnsafeMutableBufferPointer(
                rebasing: moments[(block * positions)..<((block + 1) * positions)]))
          }
          filter(x, into: 0)
          filter(y, into: 1)
          for (block, (first, second)) in [(x, x), (y, y), (x, y)].enumerated() {
            product.withUnsafeMutableBufferPointer { product in
              for index in 0..<product.count {
                product[index] = first[index] * second[index]
              }
            }
            product.withUnsafeBufferPointer { filter($0, into: block + 2) }
          }
        }
      }
    }

    var similarityTotal = 0.0
    var contrastStructureTotal = 0.0
    moments.withUnsafeBufferPointer { moments in
      for index in 0..<positions {
        let meanX = moments[index]
        let meanY = moments[positions + index]
        let varianceX = moments[2 * positions + index] - meanX * meanX
        let varianceY = moments[3 * positions + index] - meanY * meanY
        let covariance = moments[4 * positions + index] - meanX * meanY
        let luminance =
          (2 * meanX * meanY + luminanceConstant)
          / (meanX * meanX + meanY * meanY + luminanceConstant)
        let contrastStructure =
          (2 * covariance + contrastConstant) / (varianceX + varianceY + contrastConstant)
        similarityTotal += luminance * contrastStructure
        contrastStructureTotal += contrastStructure
      }
    }
    return Statistics(
      similarity: similarityTotal / Double(positions),
      contrastStructure: contrastStructureTotal / Double(positions))
  }

  /// Separable "valid" correlation of a row-major plane with `weightsX` along rows and
  /// `weightsY` along columns.
  ///
  /// Output, row-major with `width - kx + 1` columns and `height - ky + 1` rows:
  /// `out[r][c] = sum_i sum_j weightsY[i] * weightsX[j] * plane[r + i][c + j]`.
  /// `scratch` holds the horizontal pass (`height * (width - kx + 1)` values) and `output`
  /// must start zeroed. Loops run tap-outermost over contiguous rows so they vectorise.
  static func filterValid(
    _ plane: UnsafeBufferPointer<Double>, width: Int, height: Int, weightsX: [Double],
    weightsY: [Double], scratch: inout [Double], output: UnsafeMutableBufferPointer<Double>
  ) {
    let outputWidth = width - weightsX.count + 1
    let outputHeight = height - weightsY.count + 1
    precondition(
      scratch.count == height * outputWidth && output.count == outputHeight * outputWidth)
    scratch.withUnsafeMutableBufferPointer { rows in
      rows.update(repeating: 0)
      for row in 0..<height {
        let target = UnsafeMutableBufferPointer(
          rebasing: rows[(row * outputWidth)..<((row + 1) * outputWidth)])
        for (tap, weight) in weightsX.enumerated() {
          let start = row * width + tap
          addScaled(
            UnsafeBufferPointer(rebasing: plane[start..<(start + outputWidth)]), weight,
            into: target)
        }
      }
      for row in 0..<outputHeight {
        let target = UnsafeMutableBufferPointer(
          rebasing: output[(row * outputWidth)..<((row + 1) * outputWidth)])
        for (tap, weight) in weightsY.enumerated() {
          let start = (row + tap) * outputWidth
          addScaled(
            UnsafeBufferPointer(rebasing: rows[start..<(start + outputWidth)]), weight, into: target
          )
        }
      }
    }
  }

  /// `target[i] += weight * source[i]` for every `i`: the one loop all filtering runs through.
  ///
  /// Indices start at 0 in both buffers, so the loop has no offset arithmetic to check and the
  /// compiler vectorises it.
  @inline(__always)
  private static func addScaled(
    _ source: UnsafeBufferPointer<Double>, _ weight: Double,
    into target: UnsafeMutableBufferPointer<Double>
  ) {
    for index in 0..<target.count {
      target[index] += weight * source[index]
    }
  }

  /// The plane halved in each dimension by averaging 2 x 2 blocks.
  ///
  /// Output `(x, y)` is the mean of input `(2x, 2y)`, `(2x + 1, 2y)`, `(2x, 2y + 1)` and
  /// `(2x + 1, 2y + 1)`; an odd last row or column is dropped. Both sides must be at least 2.
  static func downsampled(_ plane: [Double], width: Int, height: Int) -> [Double] {
    precondition(width >= 2 && height >= 2, "a 2 x 2 average needs two rows and columns")
    let halfWidth = width / 2
    let halfHeight = height / 2
    var result = [Double](repeating: 0, count: halfWidth * halfHeight)
    for row in 0..<halfHeight {
      for column in 0..<halfWidth {
        let topLeft = 2 * row * width + 2 * column
        result[row * halfWidth + column] =
          (plane[topLeft] + plane[topLeft + 1] + plane[topLeft + width]
            + plane[topLeft + width + 1]) / 4
      }
    }
    return result
  }
}
