/// The binary cross-entropy between the probabilities `sigmoid(logits)` and `targets`, and its
/// gradient with respect to the logits.
///
/// Per element, `ℓ = −t ln σ(z) − (1 − t) ln(1 − σ(z))`, evaluated as the equivalent
/// `max(z, 0) − z t + ln(1 + e^−|z|)`, which neither overflows nor takes the logarithm of zero
/// for any logit. `value = (1/N) Σ ℓ` and `gradient = (σ(z) − t) / N`, where `N` is the total
/// number of elements: the reduction is the mean over all elements, as in Keras's
/// `binary_crossentropy` on a `[batch, features]` output. Taking logits rather than
/// probabilities keeps the gradient exact where the sigmoid saturates.
///
/// - Parameters:
///   - logits: The network's output before the sigmoid, any shape.
///   - targets: Target probabilities in [0, 1], the same shape.
/// - Returns: The loss in nats and its gradient with respect to `logits`.
/// - Complexity: O(`N`), with one exponential and one logarithm per element.
public func binaryCrossEntropy(
  logits: Tensor, targets: Tensor
) -> (value: Float, gradient: Tensor) {
  precondition(
    logits.shape == targets.shape,
    "logits \(logits.shape) and targets \(targets.shape) differ in shape")
  precondition(logits.count > 0, "the loss of an empty batch is undefined")
  typealias Vector = VectorMath.Vector
  let count = logits.count
  let scale = Vector(repeating: 1 / Float(count))
  let blockSize = VectorMath.blockSize
  var total = 0.0
  let gradient = Tensor(shape: logits.shape) { gradient in
    logits.withUnsafeBufferPointer { z in
      targets.withUnsafeBufferPointer { t in
        nonisolated(unsafe) let (z, t, gradient) = (z, t, gradient)
        total = Parallel.sum(count: count) { range in
          // The loop is written out rather than passed as a closure to VectorMath.sum, which
          // the optimizer does not inline for a body this long.
          var chunkTotal = 0.0
          for blockStart in stride(from: range.lowerBound, to: range.upperBound, by: blockSize) {
            var accumulator = Vector()
            let blockEnd = min(blockStart + blockSize, range.upperBound)
            for index in stride(from: blockStart, to: blockEnd, by: VectorMath.width) {
              let logit = VectorMath.load(z, at: index)
              let target = VectorMath.load(t, at: index)
              // e = e^-|z| lies in (0, 1]: the sigmoid and the logarithm cannot overflow.
              let e = VectorMath.exp(-VectorMath.magnitude(logit))
              // One division gives both 1 / (1 + e), for σ(|z|), and e / (2 + e), for
              // ln(1 + e) = 2 atanh(e / (2 + e)); divisions dominate this loop's latency.
              let onePlus = 1 + e
              let twoPlus = 2 + e
              let quotient = 1 / (onePlus * twoPlus)
              let reciprocal = quotient * twoPlus
              let probability = reciprocal.replacing(with: e * reciprocal, where: logit .< 0)
              VectorMath.store(scale * (probability - target), gradient, at: index)

              let logOnePlusE = VectorMath.doubleAtanh(e * onePlus * quotient)
              var loss = VectorMath.maximum(logit, Vector()) - logit * target + logOnePlusE
              if index + VectorMath.width > count {
                // A zero logit past the end would add ln 2: clear those lanes.
                for lane in (count - index)..<VectorMath.width { loss[lane] = 0 }
              }
              accumulator += loss
            }
            chunkTotal += Double(accumulator.sum())
          }
          return chunkTotal
        }
      }
    }
  }
  return (Float(total / Double(count)), gradient)
}
