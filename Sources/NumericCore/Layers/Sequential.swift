/// A chain of layers, each fed the previous one's output.
///
/// Parameters are named `index.name` after the layer's position, so `0.weight` is the first
/// layer's weight; nested chains give paths such as `1.0.bias`.
public final class Sequential: Layer {
  /// The layers, applied in order.
  public let layers: [any Layer]

  /// Creates a chain of `layers`, applied first to last.
  public init(_ layers: [any Layer]) {
    self.layers = layers
  }

  /// Every layer's parameters, prefixed with the layer's index.
  public var parameters: [(name: String, parameter: Parameter)] {
    layers.enumerated().flatMap { index, layer in
      layer.parameters.map { ("\(index).\($0.name)", $0.parameter) }
    }
  }

  /// Runs every layer's forward pass in order.
  public func forward(_ input: Tensor) -> Tensor {
    layers.reduce(input) { $1.forward($0) }
  }

  /// Runs every layer's inference pass in order.
  public func infer(_ input: Tensor) -> Tensor {
    layers.reduce(input) { $1.infer($0) }
  }

  /// Runs every layer's backward pass in reverse order and returns the first input's gradient.
  public func backward(_ outputGradient: Tensor) -> Tensor {
    layers.reversed().reduce(outputGradient) { $1.backward($0) }
  }

  /// Runs the backward passes in reverse order, skipping the first layer's input gradient.
  public func backwardParameters(_ outputGradient: Tensor) {
    guard let first = layers.first else { return }
    let gradient = layers.dropFirst().reversed().reduce(outputGradient) { $1.backward($0) }
    first.backwardParameters(gradient)
  }
}
