import Testing

@testable import NumericCore

@Suite struct TransposedConv2DTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var batch = 2
    var inputChannels = 2
    var outputChannels = 3
    var height = 3
    var width = 4
    var kernelSize: Int
    var stride: Int
    var padding: Int
    var outputPadding: Int
    var testDescription: String {
      "k\(kernelSize) s\(stride) p\(padding) op\(outputPadding) \(height)x\(width)"
    }
  }

  static let cases: [Case] = [
    Case(kernelSize: 5, stride: 2, padding: 2, outputPadding: 1),
    Case(kernelSize: 3, stride: 1, padding: 1, outputPadding: 0),
    Case(kernelSize: 3, stride: 2, padding: 1, outputPadding: 1),
    Case(kernelSize: 4, stride: 2, padding: 1, outputPadding: 0),
    Case(
      batch: 1, inputChannels: 1, outputChannels: 2, kernelSize: 2, stride: 3, padding: 0,
      outputPadding: 2),
  ]

  /// The transposed convolution as a scatter, by its definition, in Double.
  static func reference(_ c: Case, outputHeight: Int, outputWidth: Int) -> ReferenceForward {
    { x, parameters in
      let (w, b) = (parameters[0], parameters[1])
      let k = c.kernelSize
      let plane = outputHeight * outputWidth
      var y = [Double](repeating: 0, count: c.batch * c.outputChannels * plane)
      for n in 0..<c.batch {
        for o in 0..<c.outputChannels {
          for index in 0..<plane { y[(n * c.outputChannels + o) * plane + index] = b[o] }
        }
        for ch in 0..<c.inputChannels {
          for i in 0..<c.height {
            for j in 0..<c.width {
              let value = x[((n * c.inputChannels + ch) * c.height + i) * c.width + j]
              for o in 0..<c.outputChannels {
                for u in 0..<k {
                  for v in 0..<k {
                    let row = i * c.stride + u - c.padding
                    let column = j * c.stride + v - c.padding
                    guard row >= 0, row < outputHeight, column >= 0, column < outputWidth else {
                      continue
                    }
                    let weight = w[((ch * c.outputChannels + o) * k + u) * k + v]
                    y[(n * c.outputChannels + o) * plane + row * outputWidth + column] +=
                      weight * value
                  }
                }
              }
            }
          }
        }
      }
      return y
    }
  }

  static func makeLayer(_ c: Case, generator: inout SeededGenerator) -> TransposedConv2D {
    TransposedConv2D(
      inputChannels: c.inputChannels, outputChannels: c.outputChannels,
      kernelSize: c.kernelSize, stride: c.stride, padding: c.padding,
      outputPadding: c.outputPadding, generator: &generator)
  }

  @Test(arguments: cases)
  func gradientsMatchFiniteDifferences(_ c: Case) {
    var generator = SeededGenerator(seed: 41)
    let layer = Self.makeLayer(c, generator: &generator)
    randomizeParameters(of: layer, in: -1..<1, using: &generator)
    let size = layer.outputSize(height: c.height, width: c.width)
    checkGradients(
      of: layer, inputShape: [c.batch, c.inputChannels, c.height, c.width],
      reference: Self.reference(c, outputHeight: size.height, outputWidth: size.width), seed: 42)
  }

  @Test func strideTwoFiveByFiveDoublesTheSize() {
    var generator = SeededGenerator(seed: 1)
    let layer = TransposedConv2D(
      inputChannels: 2, outputChannels: 1, kernelSize: 5, stride: 2, padding: 2,
      outputPadding: 1, generator: &generator)
    #expect(layer.infer(Tensor(shape: [1, 2, 7, 5])).shape == [1, 1, 14, 10])
  }

  /// With shared weights and no bias, `⟨conv(x), y⟩ = ⟨x, transposed(y)⟩`.
  @Test func isTheAdjointOfConv2D() {
    var generator = SeededGenerator(seed: 43)
    let convolution = Conv2D(
      inputChannels: 3, outputChannels: 2, kernelSize: 5, stride: 2, padding: 2,
      generator: &generator)
    let transposed = TransposedConv2D(
      inputChannels: 2, outputChannels: 3, kernelSize: 5, stride: 2, padding: 2,
      outputPadding: 1, generator: &generator)
    transposed.weight.value = convolution.weight.value
    let x = Tensor.uniform(shape: [2, 3, 8, 6], in: -1..<1, using: &generator)
    let y = Tensor.uniform(shape: [2, 2, 4, 3], in: -1..<1, using: &generator)

    let left = (convolution.infer(x) * y).sum()
    let right = (x * transposed.infer(y)).sum()

    #expect(abs(left - right) <= 1e-4 * max(abs(left), 1))
  }

  @Test func backwardParametersMatchesBackward() {
    var generator = SeededGenerator(seed: 44)
    let c = Self.cases[0]
    let layer = Self.makeLayer(c, generator: &generator)
    let input = Tensor.uniform(shape: [2, 2, 3, 4], in: -1..<1, using: &generator)
    let upstream = Tensor.uniform(shape: [2, 3, 6, 8], in: -1..<1, using: &generator)

    _ = layer.forward(input)
    _ = layer.backward(upstream)
    let fullGradients = layer.parameters.map { $0.parameter.gradient }
    layer.zeroGradients()
    _ = layer.forward(input)
    layer.backwardParameters(upstream)

    #expect(layer.parameters.map { $0.parameter.gradient } == fullGradients)
  }
}
