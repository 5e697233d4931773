import Foundation
import Testing

@testable import NumericCore

@Suite struct SequentialTests {
  static func makeModel(generator: inout SeededGenerator) -> Sequential {
    Sequential([
      Dense(inputSize: 4, outputSize: 3, generator: &generator),
      Sigmoid(),
      Dense(inputSize: 3, outputSize: 2, generator: &generator),
    ])
  }

  @Test func gradientsMatchFiniteDifferences() {
    var generator = SeededGenerator(seed: 71)
    let model = Self.makeModel(generator: &generator)
    randomizeParameters(of: model, in: -1..<1, using: &generator)
    let first = DenseTests.reference(inputSize: 4, outputSize: 3)
    let second = DenseTests.reference(inputSize: 3, outputSize: 2)
    checkGradients(
      of: model, inputShape: [5, 4],
      reference: { input, parameters in
        let hidden = first(input, [parameters[0], parameters[1]]).map {
          1 / (1 + Foundation.exp(-$0))
        }
        return second(hidden, [parameters[2], parameters[3]])
      },
      seed: 72)
  }

  @Test func namesParametersByPosition() {
    var generator = SeededGenerator(seed: 1)
    let inner = Self.makeModel(generator: &generator)
    let outer = Sequential([ReLU(), inner])
    #expect(inner.parameters.map(\.name) == ["0.weight", "0.bias", "2.weight", "2.bias"])
    #expect(outer.parameters.map(\.name) == ["1.0.weight", "1.0.bias", "1.2.weight", "1.2.bias"])
    #expect(outer.parameters[0].parameter === (inner.layers[0] as? Dense)?.weight)
  }

  @Test func backwardParametersMatchesBackward() {
    var generator = SeededGenerator(seed: 73)
    let model = Self.makeModel(generator: &generator)
    let input = Tensor.uniform(shape: [6, 4], in: -1..<1, using: &generator)
    let upstream = Tensor.uniform(shape: [6, 2], in: -1..<1, using: &generator)

    _ = model.forward(input)
    _ = model.backward(upstream)
    let fullGradients = model.parameters.map { $0.parameter.gradient }
    model.zeroGradients()
    _ = model.forward(input)
    model.backwardParameters(upstream)

    #expect(model.parameters.map { $0.parameter.gradient } == fullGradients)
  }
}
