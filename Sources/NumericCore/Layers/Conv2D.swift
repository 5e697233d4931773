/// A 2-D convolution over NCHW batches with a square kernel, stride and zero padding.
///
/// `y[n, o, i, j] = b[o] + Σ_{c,u,v} W[o, c, u, v] · x[n, c, i·s + u − p, j·s + v − p]`,
/// where `s` is the stride, `p` the padding and positions outside the input read as zero.
/// Layout: `x` is `[batch, inputChannels, height, width]`, `W` is
/// `[outputChannels, inputChannels, kernelSize, kernelSize]`, `b` is `[outputChannels]`.
/// Output size: `(height + 2p − kernelSize) / s + 1`, rounded down, and the same for width;
/// with an odd kernel and `p = kernelSize / 2` it is `ceil(height / s)`. Weights are initialized
/// with fan-in `inputChannels · kernelSize²` and fan-out `outputChannels · kernelSize²`.
///
/// - Complexity: Forward costs `batch · outputHeight · outputWidth · outputChannels ·
///   inputChannels · kernelSize²` multiply-adds; backward twice that (once with
///   `backwardParameters(_:)`).
public final class Conv2D: Layer {
  /// The number of input channels.
  public let inputChannels: Int

  /// The number of output channels.
  public let outputChannels: Int

  /// The height and width of the kernel.
  public let kernelSize: Int

  /// The step between kernel positions, vertically and horizontally.
  public let stride: Int

  /// The rows and columns of zeros conceptually added on each side of the input.
  public let padding: Int

  /// The kernel `W`, `[outputChannels, inputChannels, kernelSize, kernelSize]`.
  public let weight: Parameter

  /// The bias `b`, `[outputChannels]`.
  public let bias: Parameter

  private var cachedInput: Tensor?

  /// Creates a convolution with randomly initialized weights and a zero bias.
  ///
  /// - Parameters:
  ///   - inputChannels: The number of input channels.
  ///   - outputChannels: The number of output channels.
  ///   - kernelSize: The height and width of the kernel.
  ///   - stride: The step between kernel positions.
  ///   - padding: The zero padding on each side.
  ///   - initialization: How to draw the weights.
  ///   - generator: The source of randomness for the weights.
  public init(
    inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int = 1,
    padding: Int = 0, initialization: WeightInitialization = .glorotUniform,
    generator: inout SeededGenerator
  ) {
    precondition(
      inputChannels > 0 && outputChannels > 0 && kernelSize > 0 && stride > 0 && padding >= 0,
      "Conv2D needs positive channels, kernel size and stride, and non-negative padding")
    self.inputChannels = inputChannels
    self.outputChannels = outputChannels
    self.kernelSize = kernelSize
    self.stride = stride
    self.padding = padding
    let area = kernelSize * kernelSize
    weight = Parameter(
      initialization.weights(
        shape: [outputChannels, inputChannels, kernelSize, kernelSize],
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
    precondition(
      height + 2 * padding >= kernelSize && width + 2 * padding >= kernelSize,
      "a \(height)x\(width) input is smaller than the \(kernelSize)x\(kernelSize) kernel")
    return (
      (height + 2 * padding - kernelSize) / stride + 1,
      (width + 2 * padding - kernelSize) / stride + 1
    )
  }

  /// Convolves an NCHW input and caches it.
  public func forward(_ input: Tensor) -> Tensor {
    let output = infer(input)
    cachedInput = input
    return output
  }

  /// Convolves an NCHW input.
  public func infer(_ input: Tensor) -> Tensor {
    let geometry = self.geometry(for: input)
    let outputShape = [
      geometry.batch, outputChannels, geometry.outputHeight, geometry.outputWidth,
    ]
    return Tensor(uninitializedShape: outputShape) { output in
      input.withPointer { x in
        weight.value.withPointer { w in
          bias.value.withPointer { b in
            Kernels.convolve(geometry, input: x, weight: w, bias: b, output: output)
          }
        }
      }
    }
  }

  /// Adds the weight and bias gradients and returns the input gradient.
  public func backward(_ outputGradient: Tensor) -> Tensor {
    let (input, geometry) = accumulateParameterGradients(outputGradient)
    return Tensor(uninitializedShape: input.shape) { inputGradient in
      outputGradient.withPointer { dy in
        weight.value.withPointer { w in
          Kernels.convolutionInputGradient(
            geometry, outputGradient: dy, weight: w, inputGradient: inputGradient)
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
      preconditionFailure("Conv2D.backward needs a preceding forward")
    }
    cachedInput = nil
    let geometry = self.geometry(for: input)
    let expectedShape = [
      geometry.batch, outputChannels, geometry.outputHeight, geometry.outputWidth,
    ]
    precondition(
      outputGradient.shape == expectedShape,
      "Conv2D output gradient must be \(expectedShape), got \(outputGradient.shape)")

    input.withPointer { x in
      outputGradient.withPointer { dy in
        weight.gradient.withMutablePointer { dw in
          bias.gradient.withMutablePointer { db in
            Kernels.accumulateConvolutionWeightGradient(
              geometry, input: x, outputGradient: dy, weightGradient: dw, biasGradient: db)
          }
        }
      }
    }
    return (input, geometry)
  }

  private func geometry(for input: Tensor) -> ConvolutionGeometry {
    precondition(
      input.shape.count == 4 && input.shape[1] == inputChannels,
      "Conv2D expects [batch, \(inputChannels), height, width], got \(input.shape)")
    let output = outputSize(height: input.shape[2], width: input.shape[3])
    return ConvolutionGeometry(
      batch: input.shape[0], inputChannels: inputChannels, inputHeight: input.shape[2],
      inputWidth: input.shape[3], outputChannels: outputChannels, outputHeight: output.height,
      outputWidth: output.width, kernelSize: kernelSize, stride: stride, padding: padding)
  }
}
