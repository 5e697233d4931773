import Testing

@testable import NumericCore

@Suite struct DenseTests {
  /// `y[n, o] = b[o] + Σ_i W[o, i] x[n, i]` in Double.
  static func reference(inputSize: Int, outputSize: Int) -> ReferenceForward {
    { input, parameters in
      let (weight, bias) = (parameters[0], parameters[1])
      let batch = input.count / inputSize
      var output = [Double](repeating: 0, count: batch * outputSize)
      for n in 0..<batch {
        for o in 0..<outputSize {
          var sum = bias[o]
          for i in 0..<inputSize { sum += weight[o * inputSize + i] * input[n * inputSize + i] }
          output[n * outputSize + o] = sum
        }
      }
      return output
    }
  }

  @Test(arguments: [(batch: 1, inputSize: 1, outputSize: 1), (3, 5, 4), (7, 3, 9)])
  func gradientsMatchFiniteDifferences(batch: Int, inputSize: Int, outputSize: Int) {
    var generator = SeededGenerator(seed: 11)
    let layer = Dense(inputSize: inputSize, outputSize: outputSize, generator: &generator)
    randomizeParameters(of: layer, in: -1..<1, using: &generator)
    checkGradients(
      of: layer, inputShape: [batch, inputSize],
      reference: Self.reference(inputSize: inputSize, outputSize: outputSize), seed: 12)
  }

  @Test func backwardParametersMatchesBackward() {
    var generator = SeededGenerator(seed: 21)
    let layer = Dense(inputSize: 6, outputSize: 4, generator: &generator)
    let input = Tensor.uniform(shape: [5, 6], in: -1..<1, using: &generator)
    let upstream = Tensor.uniform(shape: [5, 4], in: -1..<1, using: &generator)

    _ = layer.forward(input)
    _ = layer.backward(upstream)
    let fullGradients = layer.parameters.map { $0.parameter.gradient }
    layer.zeroGradients()
    _ = layer.forward(input)
    layer.backwardParameters(upstream)

    #expect(layer.parameters.map { $0.parameter.gradient } == fullGradients)
  }

  @Test func gradientsAccumulateUntilZeroed() {
    var generator = SeededGenerator(seed: 22)
    let layer = Dense(inputSize: 3, outputSize: 2, generator: &generator)
    let input = Tensor.uniform(shape: [4, 3], in: -1..<1, using: &generator)
    let upstream = Tensor.uniform(shape: [4, 2], in: -1..<1, using: &generator)

    _ = layer.forward(input)
    _ = layer.backward(upstream)
    let once = layer.weight.gradient
    _ = layer.forward(input)
    _ = layer.backward(upstream)

    expectClose(
      layer.weight.gradient.scalars.map(Double.init), (2 * once).scalars.map(Double.init),
      tolerance: 1e-6, what: "accumulated gradient")
    layer.zeroGradients()
    #expect(layer.weight.gradient == Tensor(shape: [2, 3]))
  }

  @Test func parametersAreNamedAndShaped() {
    var generator = SeededGenerator(seed: 1)
    let layer = Dense(inputSize: 784, outputSize: 32, generator: &generator)
    #expect(layer.parameters.map(\.name) == ["weight", "bias"])
    #expect(layer.weight.shape == [32, 784])
    #expect(layer.bias.value == Tensor(shape: [32]))
    #expect(layer.parameterCount == 784 * 32 + 32)
  }
}
