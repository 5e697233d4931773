/// The rectified linear unit, `y = max(x, 0)`, elementwise on a tensor of any shape.
///
/// The gradient is taken as 0 at `x = 0`.
public final class ReLU: Layer {
  private var cachedOutput: Tensor?

  /// Creates a ReLU layer.
  public init() {}

  /// Applies `max(x, 0)` and caches the output, whose sign gives the gradient mask.
  public func forward(_ input: Tensor) -> Tensor {
    let output = infer(input)
    cachedOutput = output
    return output
  }

  /// Applies `max(x, 0)`.
  public func infer(_ input: Tensor) -> Tensor {
    Tensor(uninitializedShape: input.shape) { output in
      input.withPointer { x in
        for index in 0..<input.count { output[index] = x[index] > 0 ? x[index] : 0 }
      }
    }
  }

  /// Returns `dy` where the output is positive and 0 elsewhere.
  public func backward(_ outputGradient: Tensor) -> Tensor {
    guard let output = cachedOutput else {
      preconditionFailure("ReLU.backward needs a preceding forward")
    }
    cachedOutput = nil
    return outputGradient.combined(with: output) { gradient, y in y > 0 ? gradient : 0 }
  }
}
