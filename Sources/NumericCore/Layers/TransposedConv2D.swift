/// A 2-D transposed convolution (the adjoint of `Conv2D`), which upsamples NCHW batches.
///
/// Each input value scatters a weighted copy of the kernel into the output:
/// `y[n, o, i·s + u − p, j·s + v − p] += W[c, o, u, v] · x[n, c, i, j]`, then `y += b[o]`,
/// where `s` is the stride, `p` the padding, and contributions outside the output are dropped.
/// It is exactly the input gradient of a `Conv2D` with the same kernel, stride and padding.
/// Layout: `x` is `[batch, inputChannels, height, width]`, `W` is
/// `[inputChannels, outputChannels, kernelSize, kernelSize]`, `b` is `[outputChannels]`.
/// Output size: `(height − 1)·s − 2p + kernelSize + outputPadding`, the same for width, so a
/// 5x5 kernel with stride 2, padding 2 and output padding 1 maps `H x W` to `2H x 2W`.
/// Weights are initialized with fan-in `inputChannels · kernelSize²` and fan-out
/// `outputChannels · kernelSize²`.
///
/// - Complexity: Forward costs `batch · height · width · inputChannels · outputChannels ·
///   kernelSize²` multiply-adds; backward twice that.
public final class TransposedConv2D: Layer {
  /// The number of input channels.
  public let inputChannels: Int

  /// The number of output channels.
  public let outputChannels: Int

  /// The height and width of the kernel.
  public let kernelSize: Int

  /// The upsampling factor: the step in the output between neighbouring input positions.
  public let stride: Int

  /// The rows and columns cropped from each side of the full scatter.
  public let padding: Int

  /// Extra rows and columns kept at the bottom and right, less than `stride`.
  public let outputPadding: Int

  /// The kernel `W`, `[inputChannels, outputChannels, kernelSize, kernelSize]`.
  public let weight: Parameter

  /// The bias `b`, `[outputChannels]`.
  public let bias: Parameter

  private var cachedInput: Tensor?

  /// Creates a transposed convolution with randomly initialized weights and a zero bias.
  ///
  /// - Parameters:
  ///   - inputChannels: The number of input channels.
  ///   - outputChannels: The number of output channels.
  ///   - kernelSize: The height and width of the kernel.
  ///   - stride: The upsampling factor.
  ///   - padding: The crop on each side.
  ///   - outputPadding: Extra bottom and right rows and columns, less than `stride`.
  ///   - initialization: How to draw the weights.
  ///   - generator: The source of randomness for the weights.
  public init(
    inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int = 1,
    padding: Int = 0, outputPadding: Int = 0,
    initialization: WeightInitialization = .glorotUniform, generator: inout SeededGenerator
  ) {
    precondition(
      inputChannels > 0 && outputChannels > 0 && kernelSize > 0 && stride > 0 && padding >= 0,
      "TransposedConv2D needs positive channels, kernel size and stride, and padding >= 0")
    precondition(
      outputPadding >= 0 && outputPadding < stride, "output padding must lie in 0..<stride")
    self.inputChannels = inputChannels
    self.outputChannels = outputChannels
    self.kernelSize = kernelSize
    self.stride = stride
    self.padding = padding
    self.outputPadding = outputPadding
    let area = kernelSize * kernelSize
    weight = Parameter(
      initialization.weights(
        shape: [inputChannels, outputChannels, kernelSize, kernelSize],
        fanIn: inputChannels * area, fanOut: outputChannels * area, using: &generator),
      appliesWeightDecay: true)
    bias = Parameter(Tensor(shape: [outputChannels]), appliesWeightDecay: false)
  }

  /// The parameters `weight` and `bias`.
  public var parameters: [(name: String, parameter: Parameter)] {
    [("weight", weight), ("bias", bias)]
  }

  /// The output height and width for an input of `height` by `width`.
  public func outputSize(height: Int, width: Int) -> (height: Int, width: Int) {
    let outputHeight = (height - 1) * stride - 2 * padding + kernelSize + outputPadding
    let outputWidth = (width - 1) * stride - 2 * padding + kernelSize + outputPadding
    precondition(
      height > 0 && width > 0 && outputHeight > 0 && outputWidth > 0,
      "a \(height)x\(width) input leaves no output after cropping \(padding) on each side")
    return (outputHeight, outputWidth)
  }

  /// Upsamples an NCHW input and caches it.
  public func forward(_ input: Tensor) -> Tensor {
    let output = infer(input)
    cachedInput = input
    return output
  }

  /// Upsamples an NCHW input.
  public func infer(_ input: Tensor) -> Tensor {
    let geometry = self.geometry(for: input)
    let outputShape = [geometry.batch, outputChannels, geometry.inputHeight, geometry.inputWidth]
    return Tensor(uninitializedShape: outputShape) { output in
      input.withPointer { x in
        weight.value.withPointer { w in
          Kernels.convolutionInputGradient(
            geometry, outputGradient: x, weight: w, inputGradient: output)
        }
      }
      let planeSize = geometry.inputHeight * geometry.inputWidth
      bias.value.withPointer { b in
        for plane in 0..<(geometry.batch * outputChannels) {
          let value = b[plane % outputChannels]
          let start = output + plane * planeSize
          for index in 0..<planeSize { start[index] += value }
        }
      }
    }
  }

  /// Adds the weight and bias gradients and returns the input gradient, a plain convolution of
  /// the output gradient.
  public func backward(_ outputGradient: Tensor) -> Tensor {
    let (input, geometry) = accumulateParameterGradients(outputGradient)
    return Tensor(uninitializedShape: input.shape) { inputGradient in
      outputGradient.withPointer { dy in
        weight.value.withPointer { w in
          Kernels.convolve(geometry, input: dy, weight: w, bias: nil, output: inputGradient)
        }
      }
    }
  }

  /// Adds the weight and bias gradients without computing the input gradient.
  public func backwardParameters(_ outputGradient: Tensor) {
    _ = accumulateParameterGradients(outputGradient)
  }

  private func accumulateParameterGradients(
    _ outputGradient: Tensor
  ) -> (Tensor, ConvolutionGeometry) {
    guard let input = cachedInput else {
      preconditionFailure("TransposedConv2D.backward needs a preceding forward")
    }
    cachedInput = nil
    let geometry = self.geometry(for: input)
    let expectedShape = [
      geometry.batch, outputChannels, geometry.inputHeight, geometry.inputWidth,
    ]
    precondition(
      outputGradient.shape == expectedShape,
      "TransposedConv2D output gradient must be \(expectedShape), got \(outputGradient.shape)")

    // In the convolution this layer transposes, the output gradient plays the input and the
    // input plays the output gradient.
    input.withPointer { x in
      outputGradient.withPointer { dy in
        weight.gradient.withMutablePointer { dw in
          Kernels.accumulateConvolutionWeightGradient(
            geometry, input: dy, outputGradient: x, weightGradient: dw, biasGradient: nil)
        }
      }
    }
    let planeSize = geometry.inputHeight * geometry.inputWidth
    outputGradient.withUnsafeBufferPointer { dy in
      bias.gradient.withMutablePointer { db in
        for plane in 0..<(geometry.batch * outputChannels) {
          let planeStart = plane * planeSize
          let values = UnsafeBufferPointer(rebasing: dy[planeStart..<(planeStart + planeSize)])
          db[plane % outputChannels] += Float(VectorMath.sum(values))
        }
      }
    }
    return (input, geometry)
  }

  /// The geometry of the convolution whose input gradient is this layer's forward pass.
  private func geometry(for input: Tensor) -> ConvolutionGeometry {
    precondition(
      input.shape.count == 4 && input.shape[1] == inputChannels,
      "TransposedConv2D expects [batch, \(inputChannels), height, width], got \(input.shape)")
    let output = outputSize(height: input.shape[2], width: input.shape[3])
    return ConvolutionGeometry(
      batch: input.shape[0], inputChannels: outputChannels, inputHeight: output.height,
      inputWidth: output.width, outputChannels: inputChannels, outputHeight: input.shape[2],
      outputWidth: input.shape[3], kernelSize: kernelSize, stride: stride, padding: padding)
  }
}
