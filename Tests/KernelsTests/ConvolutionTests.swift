import CKernels
import Testing

/// One convolution geometry, with the output size derived from the input, kernel, stride and
/// padding (bottom and right padding make up the rest, as in the kernels).
struct ConvolutionCase: CustomStringConvertible, Sendable {
  var name: String
  var batch = 1
  var inputChannels: Int, outputChannels: Int
  var height: Int, width: Int
  var kernelHeight: Int, kernelWidth: Int
  var strideY = 1, strideX = 1
  var padTop = 0, padLeft = 0
  var padBottom = 0, padRight = 0

  var description: String { name }

  var shape: aez_conv2d_shape {
    let outputHeight = (height + padTop + padBottom - kernelHeight) / strideY + 1
    let outputWidth = (width + padLeft + padRight - kernelWidth) / strideX + 1
    return aez_conv2d_shape(
      batch: Int64(batch), inputChannels: Int64(inputChannels), inputHeight: Int64(height),
      inputWidth: Int64(width), outputChannels: Int64(outputChannels),
      outputHeight: Int64(outputHeight), outputWidth: Int64(outputWidth),
      kernelHeight: Int64(kernelHeight), kernelWidth: Int64(kernelWidth),
      strideY: Int64(strideY), strideX: Int64(strideX), padTop: Int64(padTop),
      padLeft: Int64(padLeft))
  }

  var inputCount: Int { batch * inputChannels * height * width }
  var weightCount: Int { outputChannels * inputChannels * kernelHeight * kernelWidth }
  var outputCount: Int {
    let shape = self.shape
    return batch * outputChannels * Int(shape.outputHeight * shape.outputWidth)
  }
}

/// Random operands for every convolution kernel.
struct ConvolutionData {
  var x: [Float], w: [Float], bias: [Float], dy: [Float]

  init(_ testCase: ConvolutionCase, seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    x = generator.floats(testCase.inputCount)
    w = generator.floats(testCase.weightCount)
    bias = generator.floats(testCase.outputChannels)
    dy = generator.floats(testCase.outputCount)
  }
}

/// Thin wrappers that call the C kernels with the current settings.
enum Convolution {
  static func forward(
    _ testCase: ConvolutionCase, _ data: ConvolutionData, bias: Bool, relu: Bool
  ) -> [Float] {
    var shape = testCase.shape
    var y = Array(repeating: Float.nan, count: testCase.outputCount)
    data.x.withUnsafeBufferPointer { x in
      data.w.withUnsafeBufferPointer { w in
        data.bias.withUnsafeBufferPointer { b in
          y.withUnsafeMutableBufferPointer { y in
            aez_conv2d_forward(
              &shape, x.baseAddress, w.baseAddress, bias ? b.baseAddress : nil,
              relu ? AEZ_ACTIVATION_RELU : AEZ_ACTIVATION_NONE, y.baseAddress)
          }
        }
      }
    }
    return y
  }

  static func backwardData(_ testCase: ConvolutionCase, _ data: ConvolutionData) -> [Float] {
    var shape = testCase.shape
    var dx = Array(repeating: Float.nan, count: testCase.inputCount)
    data.dy.withUnsafeBufferPointer { dy in
      data.w.withUnsafeBufferPointer { w in
        dx.withUnsafeMutableBufferPointer { dx in
          aez_conv2d_backward_data(&shape, dy.baseAddress, w.baseAddress, dx.baseAddress)
        }
      }
    }
    return dx
  }

  /// Returns (dw, dbias), starting from `initial` values when `accumulate` is set.
  static func backwardWeights(
    _ testCase: ConvolutionCase, _ data: ConvolutionData, accumulate: Bool,
    initialWeights: [Float], initialBias: [Float]
  ) -> (weights: [Float], bias: [Float]) {
    var shape = testCase.shape
    var dw = initialWeights
    var dbias = initialBias
    data.x.withUnsafeBufferPointer { x in
      data.dy.withUnsafeBufferPointer { dy in
        dw.withUnsafeMutableBufferPointer { dw in
          dbias.withUnsafeMutableBufferPointer { dbias in
            aez_conv2d_backward_weights(
              &shape, x.baseAddress, dy.baseAddress, dw.baseAddress, dbias.baseAddress,
              accumulate ? 1 : 0)
          }
        }
      }
    }
    return (dw, dbias)
  }
}

extension KernelsTests {
  @Suite("Convolutions against reference loops")
  struct ConvolutionTests {
    static let cases: [ConvolutionCase] = [
      ConvolutionCase(
        name: "1x1 single pixel", inputChannels: 1, outputChannels: 1, height: 1, width: 1,
        kernelHeight: 1, kernelWidth: 1),
      ConvolutionCase(
        name: "1x1 pointwise", batch: 2, inputChannels: 7, outputChannels: 5, height: 9,
        width: 11, kernelHeight: 1, kernelWidth: 1),
      ConvolutionCase(
        name: "1x1 stride 2 (empty phases)", inputChannels: 4, outputChannels: 3, height: 9,
        width: 8, kernelHeight: 1, kernelWidth: 1, strideY: 2, strideX: 2),
      ConvolutionCase(
        name: "3x3 same padding", inputChannels: 3, outputChannels: 4, height: 8, width: 8,
        kernelHeight: 3, kernelWidth: 3, padTop: 1, padLeft: 1, padBottom: 1, padRight: 1),
      ConvolutionCase(
        name: "3x3 stride 2 odd size", batch: 2, inputChannels: 5, outputChannels: 17,
        height: 15, width: 13, kernelHeight: 3, kernelWidth: 3, strideY: 2, strideX: 2,
        padTop: 1, padLeft: 1, padBottom: 1, padRight: 1),
      ConvolutionCase(
        name: "5x5 stride 2 pad 2", batch: 2, inputChannels: 3, outputChannels: 6, height: 17,
        width: 13, kernelHeight: 5, kernelWidth: 5, strideY: 2, strideX: 2, padTop: 2,
        padLeft: 2, padBottom: 2, padRight: 2),
      ConvolutionCase(
        name: "5x5 stride 2 deep (two depth blocks)", inputChannels: 8, outputChannels: 13,
        height: 12, width: 12, kernelHeight: 5, kernelWidth: 5, strideY: 2, strideX: 2,
        padTop: 2, padLeft: 2, padBottom: 1, padRight: 1),
      ConvolutionCase(
        name: "4x4 stride 3", inputChannels: 2, outputChannels: 3, height: 14, width: 16,
        kernelHeight: 4, kernelWidth: 4, strideY: 3, strideX: 3, padTop: 1, padLeft: 1,
        padBottom: 1, padRight: 1),
      ConvolutionCase(
        name: "3x5 kernel, strides 1x2, uneven padding", batch: 3, inputChannels: 2,
        outputChannels: 3, height: 7, width: 10, kernelHeight: 3, kernelWidth: 5, strideY: 1,
        strideX: 2, padTop: 0, padLeft: 2, padBottom: 1, padRight: 0),
      ConvolutionCase(
        name: "wide rows (several panels)", inputChannels: 2, outputChannels: 2, height: 3,
        width: 700, kernelHeight: 3, kernelWidth: 3, padTop: 1, padLeft: 1, padBottom: 1,
        padRight: 1),
    ]

    @Test(arguments: cases)
    func forwardMatchesReference(_ testCase: ConvolutionCase) {
      let data = ConvolutionData(testCase, seed: 11)
      let terms = testCase.inputChannels * testCase.kernelHeight * testCase.kernelWidth
      for (bias, relu) in [(true, true), (false, false)] {
        let expected = referenceConvolutionForward(
          testCase.shape, x: data.x, w: data.w, bias: bias ? data.bias : nil, relu: relu)
        for path in KernelPath.supported {
          let y = withKernelSettings(path: path, threads: 2) {
            Convolution.forward(testCase, data, bias: bias, relu: relu)
          }
          expectClose(y, expected, terms: terms, "\(path) bias \(bias) relu \(relu)")
        }
      }
    }

    @Test(arguments: cases)
    func backwardDataMatchesReference(_ testCase: ConvolutionCase) {
      let data = ConvolutionData(testCase, seed: 12)
      let expected = referenceConvolutionBackwardData(testCase.shape, dy: data.dy, w: data.w)
      let terms = testCase.outputChannels * testCase.kernelHeight * testCase.kernelWidth
      for path in KernelPath.supported {
        let dx = withKernelSettings(path: path, threads: 2) {
          Convolution.backwardData(testCase, data)
        }
        expectClose(dx, expected, terms: terms, "\(path)")
      }
    }

    @Test(arguments: cases)
    func backwardWeightsMatchesReference(_ testCase: ConvolutionCase) {
      let data = ConvolutionData(testCase, seed: 13)
      var generator = SeededGenerator(seed: 14)
      let initialWeights = generator.floats(testCase.weightCount)
      let initialBias = generator.floats(testCase.outputChannels)
      let terms = testCase.outputCount / max(1, testCase.outputChannels)
      let zeros = (
        Array(repeating: Float(0), count: testCase.weightCount),
        Array(repeating: Float(0), count: testCase.outputChannels)
      )
      let accumulated = referenceConvolutionBackwardWeights(
        testCase.shape, x: data.x, dy: data.dy, initialWeights: initialWeights,
        initialBias: initialBias)
      let fresh = referenceConvolutionBackwardWeights(
        testCase.shape, x: data.x, dy: data.dy, initialWeights: zeros.0, initialBias: zeros.1)
      for path in KernelPath.supported {
        withKernelSettings(path: path, threads: 2) {
          let added = Convolution.backwardWeights(
            testCase, data, accumulate: true, initialWeights: initialWeights,
            initialBias: initialBias)
          expectClose(added.weights, accumulated.weights, terms: terms, "\(path) dw accumulated")
          expectClose(added.bias, accumulated.bias, terms: terms, "\(path) dbias accumulated")
          // Overwriting must not read the old contents, even NaN.
          let nans = Array(repeating: Float.nan, count: testCase.weightCount)
          let nanBias = Array(repeating: Float.nan, count: testCase.outputChannels)
          let overwritten = Convolution.backwardWeights(
            testCase, data, accumulate: false, initialWeights: nans, initialBias: nanBias)
          expectClose(overwritten.weights, fresh.weights, terms: terms, "\(path) dw")
          expectClose(overwritten.bias, fresh.bias, terms: terms, "\(path) dbias")
        }
      }
    }

    /// The backward kernels are the adjoints of the forward pass: for any dy,
    /// sum(dy * conv(x, w)) = sum(backwardData(dy) * x) = sum(backwardWeights(x, dy) * w).
    /// This checks them as gradients, independently of the reference loops.
    @Test func backwardPassesAreAdjointsOfForward() {
      let testCase = ConvolutionCase(
        name: "adjoint", batch: 2, inputChannels: 6, outputChannels: 9, height: 19, width: 14,
        kernelHeight: 5, kernelWidth: 5, strideY: 2, strideX: 2, padTop: 2, padLeft: 2,
        padBottom: 2, padRight: 2)
      let data = ConvolutionData(testCase, seed: 21)
      for path in KernelPath.supported {
        withKernelSettings(path: path, threads: 2) {
          let y = Convolution.forward(testCase, data, bias: false, relu: false)
          let dx = Convolution.backwardData(testCase, data)
          let gradients = Convolution.backwardWeights(
            testCase, data, accumulate: false,
            initialWeights: Array(repeating: 0, count: testCase.weightCount),
            initialBias: Array(repeating: 0, count: testCase.outputChannels))
          func dot(_ a: [Float], _ b: [Float]) -> (value: Double, magnitude: Double) {
            zip(a, b).reduce((0.0, 0.0)) { sum, pair in
              let term = Double(pair.0) * Double(pair.1)
              return (sum.0 + term, sum.1 + abs(term))
            }
          }
          let output = dot(data.dy, y)
          let input = dot(dx, data.x)
          let weights = dot(gradients.weights, data.w)
          // Each side is a sum of Float32 sums of at most 6 * 25 * 9 terms; 1e-5 of the
          // magnitude is well above their rounding and far below any missing term.
          let tolerance = 1e-5 * output.magnitude
          #expect(abs(output.value - input.value) <= tolerance, "\(path) backward data")
          #expect(abs(output.value - weights.value) <= tolerance, "\(path) backward weights")
        }
      }
    }
  }
}
