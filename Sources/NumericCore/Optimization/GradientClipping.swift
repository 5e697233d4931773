/// Scales every gradient by one common factor so that their global L2 norm is at most
/// `maxNorm`, and returns the norm before scaling.
///
/// The global norm is `sqrt(Σ g²)` over all elements of all gradients (accumulated in Double).
/// When it exceeds `maxNorm`, every gradient is multiplied by `maxNorm / norm`, keeping the
/// update's direction. A non-finite norm is returned unchanged and nothing is scaled, so the
/// caller can skip the step.
///
/// - Parameters:
///   - parameters: The parameters whose gradients to clip, typically `model.parameters`.
///   - maxNorm: The largest allowed global norm, positive.
/// - Returns: The global norm before clipping.
/// - Complexity: O(total parameter count).
@discardableResult
public func clipGradientNorm(
  _ parameters: [(name: String, parameter: Parameter)], maxNorm: Float
) -> Float {
  precondition(maxNorm > 0, "the maximum norm must be positive")
  var sumOfSquares = 0.0
  for (_, parameter) in parameters {
    sumOfSquares += parameter.gradient.withUnsafeBufferPointer { gradient in
      VectorMath.sum(0..<gradient.count) { index in
        let lanes = VectorMath.load(gradient, at: index)
        return lanes * lanes
      }
    }
  }
  let norm = Float(sumOfSquares.squareRoot())
  guard norm.isFinite, norm > maxNorm else { return norm }

  let scale = maxNorm / norm
  for (_, parameter) in parameters {
    let count = parameter.gradient.count
    parameter.gradient.withMutablePointer { gradient in
      for index in 0..<count { gradient[index] *= scale }
    }
  }
  return norm
}
