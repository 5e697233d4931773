/// The exponential linear unit, `y = x` for `x > 0` and `y = α (eˣ − 1)` otherwise,
/// elementwise on a tensor of any shape.
///
/// Since `dy/dx = y + α` where `x ≤ 0`, backward needs only the cached output.
public final class ELU: Layer {
  /// The saturation value `α` that outputs approach for very negative inputs (as `−α`).
  public let alpha: Float

  private var cachedOutput: Tensor?

  /// Creates an ELU layer.
  ///
  /// - Parameter alpha: The saturation value, positive.
  public init(alpha: Float = 1) {
    precondition(alpha > 0, "ELU needs a positive alpha")
    self.alpha = alpha
  }

  /// Applies the activation and caches the output.
  public func forward(_ input: Tensor) -> Tensor {
    let output = infer(input)
    cachedOutput = output
    return output
  }

  /// Applies the activation.
  public func infer(_ input: Tensor) -> Tensor {
    VectorMath.map(input, ExponentialLinear(alpha: VectorMath.Vector(repeating: alpha)))
  }

  /// Returns `dy` where the output is positive and `(y + α) · dy` elsewhere.
  public func backward(_ outputGradient: Tensor) -> Tensor {
    guard let output = cachedOutput else {
      preconditionFailure("ELU.backward needs a preceding forward")
    }
    cachedOutput = nil
    let alpha = self.alpha
    return outputGradient.combined(with: output) { gradient, y in
      y > 0 ? gradient : (y + alpha) * gradient
    }
  }
}

/// The ELU function on eight lanes.
private struct ExponentialLinear: VectorTransform {
  let alpha: VectorMath.Vector

  func callAsFunction(_ x: VectorMath.Vector) -> VectorMath.Vector {
    let negative = alpha * (VectorMath.exp(x) - 1)
    return negative.replacing(with: x, where: x .> 0)
  }
}
