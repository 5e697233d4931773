/// How a layer draws its initial weights; biases always start at zero.
///
/// `fanIn` and `fanOut` are the number of inputs feeding one output and of outputs fed by one
/// input: for a dense layer the input and output sizes, for a convolution the channel count
/// times the kernel area (each layer states its own in its documentation).
public enum WeightInitialization: Sendable, Equatable {
  /// Uniform in `±sqrt(6 / (fanIn + fanOut))` (Glorot and Bengio), for sigmoid, linear or
  /// GDN-normalized layers.
  case glorotUniform
  /// Uniform in `±sqrt(6 / fanIn)` (He et al.), for layers followed by ReLU-like activations.
  case heUniform

  /// Draws a weight tensor of `shape` for a layer with the given fans.
  ///
  /// - Parameters:
  ///   - shape: The weight's dimensions.
  ///   - fanIn: Inputs per output.
  ///   - fanOut: Outputs per input.
  ///   - generator: The source of randomness.
  public func weights(
    shape: [Int], fanIn: Int, fanOut: Int, using generator: inout SeededGenerator
  ) -> Tensor {
    precondition(fanIn > 0 && fanOut > 0, "fans must be positive")
    let limit: Float
    switch self {
    case .glorotUniform: limit = (6 / Float(fanIn + fanOut)).squareRoot()
    case .heUniform: limit = (6 / Float(fanIn)).squareRoot()
    }
    return .uniform(shape: shape, in: -limit..<limit, using: &generator)
  }
}
