/// One transposed convolution of the integer hyper-synthesis, computed exactly.
///
/// With the input clamped to `[-inputLimit, inputLimit]` (``signedInput``) or
/// `[0, inputLimit]`, integer weights `W[c, o, u, v]` (layout `[inputChannels, outputChannels,
/// kernelSize, kernelSize]`, as ``NumericCore/TransposedConv2D``) and integer biases `b[o]`:
///
/// `acc[o, i·s + u − p, j·s + v − p] = b[o] + Σ_{c,u,v} W[c, o, u, v] · x[c, i, j]`,
/// then `y = (acc + 2^(shift−1)) >> shift` (rounding half up, by an arithmetic shift), then
/// `max(y, 0)` when ``rectifies``.
///
/// The sums run as a Float64 matrix product (`[outputChannels · k², inputChannels]` times
/// `[inputChannels, positions]`) followed by an integer scatter. The bound checked by
/// ``exactnessProblem()``, `max_o Σ_{c,u,v} |W[c, o, u, v]| · inputLimit + max_o |b[o]| < 2^53`,
/// keeps every product and every partial sum an integer below 2^53 in magnitude, so the
/// Float64 arithmetic is exact in any order and the result is the same on every machine.
public struct IntegerTransposedConvolution: Sendable, Equatable {
  /// The number of input channels.
  public let inputChannels: Int
  /// The number of output channels.
  public let outputChannels: Int
  /// The height and width of the kernel.
  public let kernelSize: Int
  /// The upsampling factor.
  public let stride: Int
  /// The rows and columns cropped from each side of the full scatter.
  public let padding: Int
  /// Extra rows and columns at the bottom and right.
  public let outputPadding: Int
  /// The integer weights, `[inputChannels, outputChannels, kernelSize, kernelSize]`.
  public let weights: [Int32]
  /// The integer biases, `[outputChannels]`, in the units of the accumulator.
  public let biases: [Int64]
  /// The largest input magnitude; inputs beyond it are clamped.
  public let inputLimit: Int64
  /// Whether inputs may be negative (clamped to `±inputLimit`) or not (to `0...inputLimit`).
  public let signedInput: Bool
  /// The right shift from the accumulator to the output, at least 1.
  public let shift: Int
  /// Whether a ReLU follows.
  public let rectifies: Bool

  /// `W` rearranged as the row-major `[outputChannels · k², inputChannels]` Float64 matrix
  /// the product needs: row `(o · k + u) · k + v`, column `c`.
  private let matrix: [Double]

  /// The largest magnitude an accumulator may reach, `2^53 − 1`.
  public static let exactLimit: Int64 = (1 << 53) - 1

  /// A layer with the given integers; ``exactnessProblem()`` tells whether it is usable.
  public init(
    inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int, padding: Int,
    outputPadding: Int, weights: [Int32], biases: [Int64], inputLimit: Int64,
    signedInput: Bool, shift: Int, rectifies: Bool
  ) {
    precondition(
      weights.count == inputChannels * outputChannels * kernelSize * kernelSize
        && biases.count == outputChannels, "weights and biases must match the layer's shape")
    self.inputChannels = inputChannels
    self.outputChannels = outputChannels
    self.kernelSize = kernelSize
    self.stride = stride
    self.padding = padding
    self.outputPadding = outputPadding
    self.weights = weights
    self.biases = biases
    self.inputLimit = inputLimit
    self.signedInput = signedInput
    self.shift = shift
    self.rectifies = rectifies
    let area = kernelSize * kernelSize
    var matrix = [Double](repeating: 0, count: outputChannels * area * inputChannels)
    for c in 0..<inputChannels {
      for o in 0..<outputChannels {
        for tap in 0..<area {
          matrix[(o * area + tap) * inputChannels + c] = Double(
            weights[(c * outputChannels + o) * area + tap])
        }
      }
    }
    self.matrix = matrix
  }

  /// The largest `Σ_{c,u,v} |W[c, o, u, v]|` over output channels `o`.
  public var maximumRowSum: Int64 {
    let area = kernelSize * kernelSize
    var sums = [Int64](repeating: 0, count: outputChannels)
    for c in 0..<inputChannels {
      for o in 0..<outputChannels {
        for tap in 0..<area {
          sums[o] += Int64(weights[(c * outputChannels + o) * area + tap].magnitude)
        }
      }
    }
    return sums.max() ?? 0
  }

  /// The largest bias magnitude.
  public var maximumBias: Int64 {
    biases.map { Int64($0.magnitude) }.max() ?? 0
  }

  /// Why the layer cannot run exactly, or nil when it can.
  public func exactnessProblem() -> String? {
    guard inputLimit >= 1 else { return "the input limit \(inputLimit) is not positive" }
    guard (1...62).contains(shift) else { return "the shift \(shift) is not in 1...62" }
    guard stride >= 1 && kernelSize >= 1 && padding >= 0 && outputPadding >= 0 else {
      return "the geometry is invalid"
    }
    let bias = maximumBias
    guard bias < Self.exactLimit else { return "a bias of \(bias) is too large" }
    let rowSum = maximumRowSum
    guard rowSum == 0 || inputLimit <= (Self.exactLimit - bias) / rowSum else {
      return
        "weights summing to \(rowSum) times inputs up to \(inputLimit) plus a bias of "
        + "\(bias) can reach 2^53"
    }
    return nil
  }

  /// The output height and width for an input of `height` by `width`.
  public func outputSize(height: Int, width: Int) -> (height: Int, width: Int) {
    (
      (height - 1) * stride - 2 * padding + kernelSize + outputPadding,
      (width - 1) * stride - 2 * padding + kernelSize + outputPadding
    )
  }

  /// Applies the layer to one image.
  ///
  /// - Parameters:
  ///   - input: `[inputChannels, height, width]`, row-major; clamped before use.
  ///   - height: The input height.
  ///   - width: The input width.
  /// - Returns: `[outputChannels, outputHeight, outputWidth]`, row-major.
  /// - Complexity: `height · width · inputChannels · outputChannels · kernelSize²`
  ///   multiply-adds in the Float64 kernel, then as many integer additions divided by
  ///   `inputChannels`.
  public func apply(_ input: [Int64], height: Int, width: Int) -> [Int64] {
    precondition(input.count == inputChannels * height * width, "input must be [C, H, W]")
    let (outputHeight, outputWidth) = outputSize(height: height, width: width)
    let lower = signedInput ? -inputLimit : 0
    let clamped = input.map { Double(min(max($0, lower), inputLimit)) }

    var output = [Int64](repeating: 0, count: outputChannels * outputHeight * outputWidth)
    let outputPlane = outputHeight * outputWidth
    for o in 0..<outputChannels {
      for index in 0..<outputPlane { output[o * outputPlane + index] = biases[o] }
    }

    // Bands of input rows keep the column matrix near 8 MB whatever the image size.
    let area = kernelSize * kernelSize
    let rowsPerBand = max(1, (1 << 20) / max(1, outputChannels * area * width))
    var columns = [Double](repeating: 0, count: outputChannels * area * rowsPerBand * width)
    for bandStart in Swift.stride(from: 0, to: height, by: rowsPerBand) {
      let bandRows = min(rowsPerBand, height - bandStart)
      let positions = bandRows * width
      matrix.withUnsafeBufferPointer { a in
        clamped.withUnsafeBufferPointer { b in
          columns.withUnsafeMutableBufferPointer { c in
            ExactKernels.multiply(
              rows: outputChannels * area, columns: positions, inner: inputChannels,
              a.baseAddress.unsafelyUnwrapped, leadingA: inputChannels,
              b.baseAddress.unsafelyUnwrapped + bandStart * width, leadingB: height * width,
              into: c.baseAddress.unsafelyUnwrapped, leadingC: positions)
          }
        }
      }
      scatter(
        columns, bandStart: bandStart, bandRows: bandRows, width: width, into: &output,
        outputHeight: outputHeight, outputWidth: outputWidth)
    }

    let half: Int64 = 1 << (shift - 1)
    for index in output.indices {
      let shifted = (output[index] + half) >> Int64(shift)
      output[index] = rectifies ? max(shifted, 0) : shifted
    }
    return output
  }

  /// Adds column `(o, u, v)` at input position `(i, j)` to output `(o, i·s + u − p,
  /// j·s + v − p)`, dropping positions outside the output.
  private func scatter(
    _ columns: [Double], bandStart: Int, bandRows: Int, width: Int, into output: inout [Int64],
    outputHeight: Int, outputWidth: Int
  ) {
    let positions = bandRows * width
    output.withUnsafeMutableBufferPointer { output in
      columns.withUnsafeBufferPointer { columns in
        for o in 0..<outputChannels {
          let plane = o * outputHeight * outputWidth
          for u in 0..<kernelSize {
            for v in 0..<kernelSize {
              let row = ((o * kernelSize + u) * kernelSize + v) * positions
              // Input columns j whose output column j·s + v − p lies in 0..<outputWidth.
              let reach = outputWidth - 1 + padding - v
              guard reach >= 0 else { continue }
              let firstColumn = max(0, (padding - v + stride - 1) / stride)
              let lastColumn = min(width - 1, reach / stride)
              guard firstColumn <= lastColumn else { continue }
              for bandRow in 0..<bandRows {
                let outputRow = (bandStart + bandRow) * stride + u - padding
                guard outputRow >= 0 && outputRow < outputHeight else { continue }
                let source = row + bandRow * width
                let target = plane + outputRow * outputWidth + v - padding
                for j in firstColumn...lastColumn {
                  // Exact: the bound keeps every column value an integer below 2^53.
                  output[target + j * stride] += Int64(columns[source + j])
                }
              }
            }
          }
        }
      }
    }
  }
}
