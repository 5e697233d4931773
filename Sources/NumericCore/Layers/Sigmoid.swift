/// The logistic function, `y = 1 / (1 + e⁻ˣ)`, elementwise on a tensor of any shape.
///
/// For training with a binary cross-entropy, prefer feeding logits to
/// `binaryCrossEntropy(logits:targets:)`, which fuses this activation in more stably.
public final class Sigmoid: Layer {
  private var cachedOutput: Tensor?

  /// Creates a sigmoid layer.
  public init() {}

  /// Applies the logistic function and caches the output.
  public func forward(_ input: Tensor) -> Tensor {
    let output = infer(input)
    cachedOutput = output
    return output
  }

  /// Applies the logistic function, computed without overflow for any input.
  public func infer(_ input: Tensor) -> Tensor {
    VectorMath.map(input, Logistic())
  }

  /// Returns `y (1 − y) · dy`.
  public func backward(_ outputGradient: Tensor) -> Tensor {
    guard let output = cachedOutput else {
      preconditionFailure("Sigmoid.backward needs a preceding forward")
    }
    cachedOutput = nil
    return outputGradient.combined(with: output) { gradient, y in y * (1 - y) * gradient }
  }
}

/// The logistic function on eight lanes.
private struct Logistic: VectorTransform {
  func callAsFunction(_ x: VectorMath.Vector) -> VectorMath.Vector {
    VectorMath.sigmoid(x)
  }
}
