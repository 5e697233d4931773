import Foundation
import Testing

@testable import NumericCore

@Suite struct ActivationTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var makeLayer: @Sendable () -> any Layer
    var function: @Sendable (Double) -> Double
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "ReLU", makeLayer: { ReLU() }, function: { max($0, 0) }),
    Case(
      name: "LeakyReLU 0.2", makeLayer: { LeakyReLU(negativeSlope: 0.2) },
      function: { $0 > 0 ? $0 : 0.2 * $0 }),
    Case(name: "ELU", makeLayer: { ELU() }, function: { $0 > 0 ? $0 : Foundation.exp($0) - 1 }),
    Case(
      name: "ELU 0.5", makeLayer: { ELU(alpha: 0.5) },
      function: { $0 > 0 ? $0 : 0.5 * (Foundation.exp($0) - 1) }),
    Case(name: "Sigmoid", makeLayer: { Sigmoid() }, function: { 1 / (1 + Foundation.exp(-$0)) }),
  ]

  /// Inputs are kept at least 0.05 from the kink at 0, where finite differences straddle it;
  /// 37 elements also exercise the vector tail.
  @Test(arguments: cases)
  func gradientsMatchFiniteDifferences(_ c: Case) {
    let layer = c.makeLayer()
    var generator = SeededGenerator(seed: 61)
    let magnitudes = Tensor.uniform(shape: [37], in: 0.05..<4, using: &generator)
    let signs = (0..<37).map { _ in generator.nextIndex(below: 2) == 0 ? Float(-1) : 1 }
    let input = Tensor(shape: [37], scalars: zip(magnitudes.scalars, signs).map(*))
    let values = input.scalars.map(Double.init)

    let output = layer.forward(input)
    expectClose(
      output.scalars.map(Double.init), values.map(c.function), tolerance: 1e-6,
      what: "\(c.name) forward")
    let upstream = Tensor.uniform(shape: [37], in: -1..<1, using: &generator)
    let gradient = layer.backward(upstream)
    let numeric = zip(values, upstream.scalars).map { x, weight in
      Double(weight) * (c.function(x + 1e-6) - c.function(x - 1e-6)) / 2e-6
    }
    expectClose(
      gradient.scalars.map(Double.init), numeric, tolerance: 1e-5, what: "\(c.name) gradient")
  }

  @Test(arguments: cases)
  func keepsShapeAndInferMatchesForward(_ c: Case) {
    var generator = SeededGenerator(seed: 62)
    let input = Tensor.uniform(shape: [2, 3, 4, 5], in: -3..<3, using: &generator)
    let layer = c.makeLayer()
    let output = layer.forward(input)
    #expect(output.shape == input.shape)
    #expect(layer.infer(input) == output)
  }

  @Test func sigmoidSaturatesWithoutOverflow() {
    let output = Sigmoid().infer(Tensor(shape: [4], scalars: [-1000, -100, 100, 1000]))
    #expect(output.scalars.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
    #expect(output.scalars[0] < 1e-30 && output.scalars[3] == 1)
  }
}
