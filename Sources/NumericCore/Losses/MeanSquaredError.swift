/// The mean squared error between `predictions` and `targets`, and its gradient.
///
/// `value = (1/N) Σ (p − t)²` and `gradient = 2 (p − t) / N`, where `N` is the total number of
/// elements: the reduction is the mean over all elements (batch and features alike), so the
/// value does not depend on the batch size.
///
/// - Parameters:
///   - predictions: The network's output, any shape.
///   - targets: The desired output, the same shape.
/// - Returns: The loss and its gradient with respect to `predictions`.
/// - Complexity: O(`N`).
public func meanSquaredError(
  predictions: Tensor, targets: Tensor
) -> (value: Float, gradient: Tensor) {
  precondition(
    predictions.shape == targets.shape,
    "predictions \(predictions.shape) and targets \(targets.shape) differ in shape")
  precondition(predictions.count > 0, "the loss of an empty batch is undefined")
  let count = predictions.count
  let gradientScale = VectorMath.Vector(repeating: 2 / Float(count))
  var total = 0.0
  let gradient = Tensor(shape: predictions.shape) { gradient in
    predictions.withUnsafeBufferPointer { p in
      targets.withUnsafeBufferPointer { t in
        nonisolated(unsafe) let (p, t, gradient) = (p, t, gradient)
        // Lanes past the end load as zero on both sides, so they add nothing.
        total = Parallel.sum(count: count) { range in
          VectorMath.sum(range) { index in
            let difference = VectorMath.load(p, at: index) - VectorMath.load(t, at: index)
            VectorMath.store(gradientScale * difference, gradient, at: index)
            return difference * difference
          }
        }
      }
    }
  }
  return (Float(total / Double(count)), gradient)
}
