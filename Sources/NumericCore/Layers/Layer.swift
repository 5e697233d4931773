/// A differentiable stage of a network with an explicit forward and backward pass.
///
/// Training calls `forward(_:)`, which caches what the backward pass needs, then
/// `backward(_:)` with the loss gradient of the output; backward returns the loss gradient of
/// the input and *adds* the parameter gradients to each `Parameter.gradient`, so gradients of
/// several batches can be accumulated until `zeroGradients()`. Each forward must be followed by
/// at most one backward, which releases the cache. Inference calls `infer(_:)`, which caches
/// nothing.
///
/// Layers are reference types: a model is a graph of layer objects that own parameters shared
/// with the optimizer, and a layer must not be used from two threads at once.
public protocol Layer: AnyObject {
  /// Computes the output for `input` and caches what `backward(_:)` needs.
  func forward(_ input: Tensor) -> Tensor

  /// Computes the output for `input` without caching anything, for inference.
  func infer(_ input: Tensor) -> Tensor

  /// Returns the loss gradient with respect to the last forward's input, given the gradient
  /// with respect to its output, and adds the parameter gradients to the parameters.
  func backward(_ outputGradient: Tensor) -> Tensor

  /// Adds the parameter gradients like `backward(_:)` but skips the input gradient.
  ///
  /// Used for a network's first layer, whose input gradient nobody needs; for a dense or
  /// convolution layer this saves one of its three matrix products.
  func backwardParameters(_ outputGradient: Tensor)

  /// The layer's parameters in a fixed order, each with a name unique within the layer
  /// (such as `weight`, or `2.bias` inside a `Sequential`).
  var parameters: [(name: String, parameter: Parameter)] { get }
}

extension Layer {
  /// Computes the input gradient and discards it, for layers with no cheaper path.
  public func backwardParameters(_ outputGradient: Tensor) {
    _ = backward(outputGradient)
  }

  /// No parameters, for parameter-free layers such as activations.
  public var parameters: [(name: String, parameter: Parameter)] { [] }

  /// Sets the gradients of all parameters to zero.
  public func zeroGradients() {
    for (_, parameter) in parameters { parameter.zeroGradient() }
  }

  /// The number of trainable values over all parameters.
  public var parameterCount: Int {
    parameters.reduce(0) { $0 + $1.parameter.value.count }
  }
}
