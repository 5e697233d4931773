import Foundation
import NumericCore
import Testing

@testable import Models

/// The rate and both gradients of `latents` with `scales`, with gradient factor `scale`.
private func evaluate(
  _ latents: [Float], _ scales: [Float], scale: Double = 1
) -> (bits: Double, latentGradient: [Float], scaleGradient: [Float]) {
  var latentGradient = [Float](repeating: 0, count: latents.count)
  var scaleGradient = [Float](repeating: 0, count: latents.count)
  let bits = GaussianRate.rate(
    latents: latents, scales: scales, scale: scale, latentGradient: &latentGradient,
    scaleGradient: &scaleGradient)
  return (bits, latentGradient, scaleGradient)
}

@Suite("Gaussian rate")
struct GaussianRateTests {
  @Test("probabilities of all integers sum to 1", arguments: [0.11, 0.5, 3, 40])
  func probabilitiesSumToOne(sigma: Double) {
    let sum = (-2000...2000).reduce(0.0) {
      $0 + GaussianRate.probability(of: Double($1), sigma: sigma)
    }
    #expect(abs(sum - 1) < 1e-12, "sum \(sum)")
  }

  @Test("the rate is the sum of −log2 p with scales raised to the minimum")
  func rateMatchesProbabilities() {
    let latents: [Float] = [0, 1, -2, 3, 0]
    let scales: [Float] = [1, 0.5, 2, 4, 0.01]
    var expected = 0.0
    for (value, sigma) in zip(latents, scales) {
      let bounded = max(Double(sigma), GaussianRate.minimumScale)
      expected -= log2(GaussianRate.probability(of: Double(value), sigma: bounded))
    }
    #expect(abs(evaluate(latents, scales).bits - expected) < 1e-9)
  }

  /// Gradients against central differences of the Double rate, for noisy latents away from
  /// the kink of `|y|` at 0 and scales above the minimum.
  ///
  /// Tolerance: 1e-4 absolute plus 1e-3 relative (Float gradients, O(h²) truncation at a
  /// step of 1e-3 of the value's magnitude).
  @Test("the gradients match finite differences for latents and scales")
  func gradientsMatchFiniteDifferences() {
    var generator = SeededGenerator(seed: 31)
    var latents = generator.floats(40, in: -4..<4)
    latents = latents.map { abs($0) < 0.05 ? $0 + 0.1 : $0 }
    // Scales of at least |y| / 2 keep every probability far from the floor, where the rate
    // would have a step that no difference quotient can follow.
    let scales = zip(generator.floats(40, in: 0.2..<5), latents).map { max($0, abs($1) / 2) }
    let factor = 0.6
    let (_, latentGradient, scaleGradient) = evaluate(latents, scales, scale: factor)

    for index in latents.indices {
      let byLatent = centralDifference(at: latents[index]) { value in
        var moved = latents
        moved[index] = value
        return evaluate(moved, scales).bits
      }
      let byScale = centralDifference(at: scales[index]) { value in
        var moved = scales
        moved[index] = value
        return evaluate(latents, moved).bits
      }
      #expect(
        isClose(Double(latentGradient[index]), factor * byLatent, absolute: 1e-4, relative: 1e-3),
        "latent \(index): \(latentGradient[index]) vs \(factor * byLatent)")
      #expect(
        isClose(Double(scaleGradient[index]), factor * byScale, absolute: 1e-4, relative: 1e-3),
        "scale \(index): \(scaleGradient[index]) vs \(factor * byScale)")
    }
  }

  @Test("a scale below the minimum is coded at the minimum")
  func lowerBoundRate() {
    for value: Float in [0, 0.3, 0.7, -1] {
      let atMinimum = evaluate([value], [Float(GaussianRate.minimumScale)]).bits
      for raw: Float in [0.1, 0.01, 0, -3] {
        #expect(abs(evaluate([value], [raw]).bits - atMinimum) < 1e-6, "y \(value), σ \(raw)")
      }
    }
  }

  /// Below the bound the rate does not depend on the raw scale, so its true derivative is 0;
  /// the gradient still passes when it asks for a larger scale (a negative gradient, which
  /// descent turns into an increase), so a collapsed scale can recover.
  @Test(
    "below the minimum, only a gradient that would lift the scale passes",
    arguments: [(Float(0.7), true), (-0.8, true), (0.1, false), (0, false)])
  func lowerBoundGradient(value: Float, passes: Bool) {
    let minimum = GaussianRate.minimumScale
    // The one-sided derivative at the bound, from above, in Double.
    let step = 1e-6
    let above = GaussianRate.probability(of: Double(value), sigma: minimum + step)
    let at = GaussianRate.probability(of: Double(value), sigma: minimum)
    let derivative = (-log2(above) + log2(at)) / step
    #expect((derivative < 0) == passes)

    let (_, latentGradient, scaleGradient) = evaluate([value], [0.05])
    if passes {
      #expect(isClose(Double(scaleGradient[0]), derivative, absolute: 1e-3, relative: 1e-3))
    } else {
      #expect(scaleGradient[0] == 0)
    }
    // The latent's gradient is that at the minimum scale.
    let atBound = evaluate([value], [Float(minimum).nextUp]).latentGradient[0]
    #expect(isClose(Double(latentGradient[0]), Double(atBound), absolute: 1e-3, relative: 1e-3))
  }

  @Test("a value beyond the floor costs about 30 bits and has no gradient")
  func probabilityFloor() {
    let (bits, latentGradient, scaleGradient) = evaluate([40], [0.5])
    #expect(abs(bits - -log2(1e-9)) < 1e-12)
    #expect(latentGradient == [0])
    #expect(scaleGradient == [0])
  }
}
