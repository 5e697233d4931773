/// The leaky rectified linear unit, `y = x` for `x > 0` and `y = slope · x` otherwise,
/// elementwise on a tensor of any shape.
public final class LeakyReLU: Layer {
  /// The factor applied to non-positive inputs, in [0, 1).
  public let negativeSlope: Float

  private var cachedOutput: Tensor?

  /// Creates a leaky ReLU layer.
  ///
  /// - Parameter negativeSlope: The factor for non-positive inputs, in [0, 1).
  public init(negativeSlope: Float = 0.01) {
    precondition(negativeSlope >= 0 && negativeSlope < 1, "the slope must lie in [0, 1)")
    self.negativeSlope = negativeSlope
  }

  /// Applies the activation and caches the output, whose sign matches the input's.
  public func forward(_ input: Tensor) -> Tensor {
    let output = infer(input)
    cachedOutput = output
    return output
  }

  /// Applies the activation.
  public func infer(_ input: Tensor) -> Tensor {
    let slope = negativeSlope
    return Tensor(uninitializedShape: input.shape) { output in
      input.withPointer { x in
        for index in 0..<input.count { output[index] = x[index] > 0 ? x[index] : slope * x[index] }
      }
    }
  }

  /// Returns `dy` where the output is positive and `slope · dy` elsewhere.
  public func backward(_ outputGradient: Tensor) -> Tensor {
    guard let output = cachedOutput else {
      preconditionFailure("LeakyReLU.backward needs a preceding forward")
    }
    cachedOutput = nil
    let slope = negativeSlope
    return outputGradient.combined(with: output) { gradient, y in
      y > 0 ? gradient : slope * gradient
    }
  }
}
