/// A trainable tensor together with the gradient accumulated for it.
///
/// Layers own their parameters and share them by reference with optimizers, gradient clipping
/// and serialization, which all walk a model's `parameters`. The shape is fixed at creation:
/// assigning a value or gradient of another shape is a programmer error and traps.
public final class Parameter {
  /// The shape of `value` and `gradient`.
  public let shape: [Int]

  /// Whether decoupled weight decay applies: true for weights, false for biases and
  /// normalization parameters.
  public let appliesWeightDecay: Bool

  /// The current value.
  public var value: Tensor {
    didSet { precondition(value.shape == shape, "\(value.shape) is not the shape \(shape)") }
  }

  /// The loss gradient summed over every `backward` since the last `zeroGradient()`.
  public var gradient: Tensor {
    didSet { precondition(gradient.shape == shape, "\(gradient.shape) is not the shape \(shape)") }
  }

  /// Creates a parameter holding `value`, with a zero gradient.
  ///
  /// - Parameters:
  ///   - value: The initial value, which fixes the shape.
  ///   - appliesWeightDecay: Whether decoupled weight decay applies.
  public init(_ value: Tensor, appliesWeightDecay: Bool) {
    shape = value.shape
    self.appliesWeightDecay = appliesWeightDecay
    self.value = value
    gradient = Tensor(shape: value.shape)
  }

  /// Sets every element of the gradient to zero, reusing its buffer.
  public func zeroGradient() {
    gradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }
}
