/// A fully connected layer, `y = x Wᵀ + b`.
///
/// Layout: the input `x` is `[batch, inputSize]`, the weight `W` is `[outputSize, inputSize]`
/// (row `o` holds the weights of output `o`), the bias `b` is `[outputSize]` and the output `y`
/// is `[batch, outputSize]`, all row-major. Weights are initialized with fan-in `inputSize` and
/// fan-out `outputSize`; the bias starts at zero.
///
/// - Complexity: Forward costs one matrix product of `batch x inputSize x outputSize`
///   multiply-adds; backward costs two more (one with `backwardParameters(_:)`).
public final class Dense: Layer {
  /// The number of input features.
  public let inputSize: Int

  /// The number of output features.
  public let outputSize: Int

  /// The weight `W`, `[outputSize, inputSize]`.
  public let weight: Parameter

  /// The bias `b`, `[outputSize]`.
  public let bias: Parameter

  private var cachedInput: Tensor?

  /// Creates a dense layer with randomly initialized weights and a zero bias.
  ///
  /// - Parameters:
  ///   - inputSize: The number of input features.
  ///   - outputSize: The number of output features.
  ///   - initialization: How to draw the weights.
  ///   - generator: The source of randomness for the weights.
  public init(
    inputSize: Int, outputSize: Int, initialization: WeightInitialization = .glorotUniform,
    generator: inout SeededGenerator
  ) {
    precondition(inputSize > 0 && outputSize > 0, "a dense layer needs positive sizes")
    self.inputSize = inputSize
    self.outputSize = outputSize
    weight = Parameter(
      initialization.weights(
        shape: [outputSize, inputSize], fanIn: inputSize, fanOut: outputSize,
        using: &generator),
      appliesWeightDecay: true)
    bias = Parameter(Tensor(shape: [outputSize]), appliesWeightDecay: false)
  }

  /// The parameters `weight` and `bias`.
  public var parameters: [(name: String, parameter: Parameter)] {
    [("weight", weight), ("bias", bias)]
  }

  /// Computes `x Wᵀ + b` for a `[batch, inputSize]` input and caches the input.
  public func forward(_ input: Tensor) -> Tensor {
    let output = infer(input)
    cachedInput = input
    return output
  }

  /// Computes `x Wᵀ + b` for a `[batch, inputSize]` input.
  public func infer(_ input: Tensor) -> Tensor {
    precondition(
      input.shape.count == 2 && input.shape[1] == inputSize,
      "Dense expects [batch, \(inputSize)], got \(input.shape)")
    let batch = input.shape[0]
    return Tensor(uninitializedShape: [batch, outputSize]) { output in
      // Each row starts as the bias; the product is then added on top (beta = 1).
      bias.value.withPointer { bias in
        for row in 0..<batch {
          (output + row * outputSize).initialize(from: bias, count: outputSize)
        }
      }
      input.withPointer { x in
        weight.value.withPointer { w in
          Kernels.multiply(
            rows: batch, columns: outputSize, inner: inputSize,
            x, leadingA: inputSize, w, transposingB: true, leadingB: inputSize,
            into: output, leadingC: outputSize, beta: 1)
        }
      }
    }
  }

  /// Adds `dW += dyᵀ x` and `db += column sums of dy`, and returns `dx = dy W`.
  public func backward(_ outputGradient: Tensor) -> Tensor {
    let input = accumulateParameterGradients(outputGradient)
    let batch = input.shape[0]
    return Tensor(uninitializedShape: input.shape) { inputGradient in
      outputGradient.withPointer { dy in
        weight.value.withPointer { w in
          Kernels.multiply(
            rows: batch, columns: inputSize, inner: outputSize,
            dy, leadingA: outputSize, w, leadingB: inputSize,
            into: inputGradient, leadingC: inputSize, beta: 0)
        }
      }
    }
  }

  /// Adds `dW += dyᵀ x` and `db += column sums of dy` without computing `dx`.
  public func backwardParameters(_ outputGradient: Tensor) {
    _ = accumulateParameterGradients(outputGradient)
  }

  /// Accumulates the parameter gradients, releases the cache and returns the cached input.
  private func accumulateParameterGradients(_ outputGradient: Tensor) -> Tensor {
    guard let input = cachedInput else {
      preconditionFailure("Dense.backward needs a preceding forward")
    }
    cachedInput = nil
    let batch = input.shape[0]
    precondition(
      outputGradient.shape == [batch, outputSize],
      "Dense output gradient must be [\(batch), \(outputSize)], got \(outputGradient.shape)")

    outputGradient.withPointer { dy in
      input.withPointer { x in
        weight.gradient.withMutablePointer { dw in
          Kernels.multiply(
            rows: outputSize, columns: inputSize, inner: batch,
            dy, transposingA: true, leadingA: outputSize, x, leadingB: inputSize,
            into: dw, leadingC: inputSize, beta: 1)
        }
      }
      bias.gradient.withMutablePointer { db in
        for row in 0..<batch {
          let rowStart = dy + row * outputSize
          for column in 0..<outputSize { db[column] += rowStart[column] }
        }
      }
    }
    return input
  }
}
