import Foundation

/// The rate of latents coded with zero-mean discretized Gaussians whose scales come from a
/// hyperprior (Balle et al. 2018), with its gradients.
///
/// A value `y` with scale `σ` has probability
/// `p = Φ((½ − |y|) / σ) − Φ((−½ − |y|) / σ)`, where `Φ` is the standard normal
/// cumulative distribution; the rate is `Σ −log2 p`. Scales below `minimumScale` are
/// raised to it, and the gradient only flows through a raised scale when it would lift it.
public enum GaussianRate {
  /// The smallest scale used; also the smallest scale of the coding tables.
  public static let minimumScale = 0.11

  /// The total rate in bits, adding `scale ×` each gradient to `latentGradient` and
  /// `scaleGradient`.
  ///
  /// - Parameters:
  ///   - latents: The (noisy or rounded) latents.
  ///   - scales: The predicted scale of each latent, the same count.
  ///   - scale: A factor for every gradient, such as λ divided by the batch size.
  /// - Complexity: O(n).
  public static func rate(
    latents: [Float], scales: [Float], scale: Double,
    latentGradient: inout [Float], scaleGradient: inout [Float]
  ) -> Double {
    precondition(latents.count == scales.count, "one scale per latent")
    var total = 0.0
    for index in latents.indices {
      let y = Double(latents[index])
      let rawScale = Double(scales[index])
      let sigma = max(rawScale, minimumScale)
      let magnitude = abs(y)
      let upperArgument = (0.5 - magnitude) / sigma
      let lowerArgument = (-0.5 - magnitude) / sigma
      let probability = normalCDF(upperArgument) - normalCDF(lowerArgument)
      guard probability > FactorizedDensity.probabilityFloor else {
        total -= log2(FactorizedDensity.probabilityFloor)
        continue
      }
      total -= log2(probability)

      let outer = -scale / (probability * M_LN2)
      let upperDensity = normalDensity(upperArgument)
      let lowerDensity = normalDensity(lowerArgument)
      let magnitudeDerivative = (lowerDensity - upperDensity) / sigma
      let sigmaDerivative = (lowerDensity * lowerArgument - upperDensity * upperArgument) / sigma
      let sign: Double = y >= 0 ? 1 : -1
      latentGradient[index] += Float(outer * magnitudeDerivative * sign)
      let sigmaGradient = outer * sigmaDerivative
      if rawScale >= minimumScale || sigmaGradient < 0 {
        scaleGradient[index] += Float(sigmaGradient)
      }
    }
    return total
  }

  /// The probability of integer `value` under a zero-mean discretized Gaussian of `sigma`.
  public static func probability(of value: Double, sigma: Double) -> Double {
    let magnitude = abs(value)
    return normalCDF((0.5 - magnitude) / sigma) - normalCDF((-0.5 - magnitude) / sigma)
  }

  /// `Φ(x)`, computed through `erfc` to stay accurate in the lower tail.
  static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  static func normalDensity(_ x: Double) -> Double {
    exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
  }
}
