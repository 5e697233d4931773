import Testing

@testable import NumericCore

@Suite struct WeightInitializationTests {
  @Test func sameSeedGivesTheSameModel() {
    func weights(seed: UInt64) -> [Tensor] {
      var generator = SeededGenerator(seed: seed)
      let model = Sequential([
        Conv2D(inputChannels: 3, outputChannels: 8, kernelSize: 5, generator: &generator),
        Dense(inputSize: 10, outputSize: 4, generator: &generator),
      ])
      return model.parameters.map { $0.parameter.value }
    }
    #expect(weights(seed: 9) == weights(seed: 9))
    #expect(weights(seed: 9) != weights(seed: 10))
  }

  @Test(arguments: [
    (WeightInitialization.glorotUniform, fanIn: 784, fanOut: 32, limit: Float(0.085_749_29)),
    (.heUniform, 784, 32, 0.087_481_78),
    (.glorotUniform, 75, 200, 0.147_709_79),
  ])
  func drawsWithinTheLimitAndFillsIt(
    initialization: WeightInitialization, fanIn: Int, fanOut: Int, limit: Float
  ) {
    var generator = SeededGenerator(seed: 8)
    let weights = initialization.weights(
      shape: [5000], fanIn: fanIn, fanOut: fanOut, using: &generator
    ).scalars
    #expect(weights.allSatisfy { abs($0) <= limit * 1.000_001 })
    #expect(weights.map(abs).max() ?? 0 > 0.99 * limit)
    // A uniform law on ±limit has variance limit² / 3.
    let variance = weights.reduce(0) { $0 + $1 * $1 } / Float(weights.count)
    #expect(abs(variance / (limit * limit / 3) - 1) < 0.05)
  }
}
