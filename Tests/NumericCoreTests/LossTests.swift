import Foundation
import Testing

@testable import NumericCore

@Suite struct LossTests {
  /// `(1/N) Σ (p − t)²` in Double.
  static func meanSquaredReference(_ predictions: [Double], _ targets: [Double]) -> Double {
    zip(predictions, targets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
      / Double(predictions.count)
  }

  /// `(1/N) Σ −t ln σ(z) − (1 − t) ln(1 − σ(z))` in Double, straight from the definition.
  static func crossEntropyReference(_ logits: [Double], _ targets: [Double]) -> Double {
    zip(logits, targets).reduce(0) { total, pair in
      let probability = 1 / (1 + Foundation.exp(-pair.0))
      return total - pair.1 * Foundation.log(probability)
        - (1 - pair.1) * Foundation.log(1 - probability)
    } / Double(logits.count)
  }

  /// Sizes below, at and above the vector width, so the tail lanes are exercised.
  @Test(arguments: [1, 7, 8, 13, 300])
  func meanSquaredErrorMatchesReference(count: Int) {
    var generator = SeededGenerator(seed: UInt64(count))
    let predictions = Tensor.uniform(shape: [count], in: -2..<2, using: &generator)
    let targets = Tensor.uniform(shape: [count], in: -2..<2, using: &generator)
    let (p, t) = (predictions.scalars.map(Double.init), targets.scalars.map(Double.init))

    let (value, gradient) = meanSquaredError(predictions: predictions, targets: targets)

    let expected = Self.meanSquaredReference(p, t)
    #expect(abs(Double(value) - expected) <= 1e-6 * max(expected, 1))
    let numeric = centralDifferences(of: p) { Self.meanSquaredReference($0, t) }
    expectClose(
      gradient.scalars.map(Double.init), numeric, tolerance: 1e-5, what: "MSE gradient")
  }

  @Test(arguments: [1, 7, 8, 13, 300])
  func binaryCrossEntropyMatchesReference(count: Int) {
    var generator = SeededGenerator(seed: 100 + UInt64(count))
    let logits = Tensor.uniform(shape: [count], in: -6..<6, using: &generator)
    let targets = Tensor.uniform(shape: [count], in: 0..<1, using: &generator)
    let (z, t) = (logits.scalars.map(Double.init), targets.scalars.map(Double.init))

    let (value, gradient) = binaryCrossEntropy(logits: logits, targets: targets)

    let expected = Self.crossEntropyReference(z, t)
    #expect(abs(Double(value) - expected) <= 1e-6 * max(expected, 1))
    let numeric = centralDifferences(of: z) { Self.crossEntropyReference($0, t) }
    expectClose(
      gradient.scalars.map(Double.init), numeric, tolerance: 1e-5, what: "BCE gradient")
  }

  /// Where σ(z) rounds to 0 or 1 the loss from probabilities would be infinite; from logits it
  /// is `max(z, 0) − z t + ln(1 + e^−|z|)` and the gradient `(σ(z) − t) / N`.
  @Test(arguments: [
    (logit: Float(200), target: Float(1), loss: 0.0, gradient: 0.0),
    (200, 0, 200, 1),
    (-200, 1, 200, -1),
    (-200, 0, 0, 0),
    (0, 1, 0.693_147_18, -0.5),
    (30, 0.25, 22.5, 0.75),
  ])
  func binaryCrossEntropyIsStableForLargeLogits(
    logit: Float, target: Float, loss: Double, gradient: Double
  ) {
    let (value, computed) = binaryCrossEntropy(
      logits: Tensor(shape: [1], scalars: [logit]), targets: Tensor(shape: [1], scalars: [target]))
    #expect(abs(Double(value) - loss) <= 1e-6 * max(loss, 1))
    #expect(abs(Double(computed.scalars[0]) - gradient) <= 1e-6)
  }

  @Test func reductionIsTheMeanOverAllElements() {
    let targets = Tensor(shape: [2, 3], repeating: 0)
    let predictions = Tensor(shape: [2, 3], repeating: 2)
    let (value, gradient) = meanSquaredError(predictions: predictions, targets: targets)
    #expect(value == 4)
    #expect(gradient == Tensor(shape: [2, 3], repeating: 2 * 2 / 6))
  }
}
