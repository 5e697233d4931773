import Testing

@testable import NumericCore

@Suite struct Conv2DTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var batch = 2
    var inputChannels = 2
    var outputChannels = 3
    var height = 5
    var width = 6
    var kernelSize: Int
    var stride: Int
    var padding: Int
    var testDescription: String { "k\(kernelSize) s\(stride) p\(padding) \(height)x\(width)" }
  }

  static let cases: [Case] = [
    Case(kernelSize: 3, stride: 1, padding: 1),
    Case(kernelSize: 3, stride: 2, padding: 1),
    Case(height: 7, width: 8, kernelSize: 5, stride: 2, padding: 2),
    Case(kernelSize: 1, stride: 1, padding: 0),
    Case(height: 4, width: 6, kernelSize: 2, stride: 2, padding: 0),
    Case(batch: 1, inputChannels: 1, outputChannels: 1, kernelSize: 3, stride: 3, padding: 0),
  ]

  /// The convolution by its definition, in Double.
  static func reference(_ c: Case, outputHeight: Int, outputWidth: Int) -> ReferenceForward {
    { x, parameters in
      let (w, b) = (parameters[0], parameters[1])
      let k = c.kernelSize
      var y = [Double](repeating: 0, count: c.batch * c.outputChannels * outputHeight * outputWidth)
      for n in 0..<c.batch {
        for o in 0..<c.outputChannels {
          for i in 0..<outputHeight {
            for j in 0..<outputWidth {
              var sum = b[o]
              for ch in 0..<c.inputChannels {
                for u in 0..<k {
                  for v in 0..<k {
                    let row = i * c.stride + u - c.padding
                    let column = j * c.stride + v - c.padding
                    guard row >= 0, row < c.height, column >= 0, column < c.width else { continue }
                    let weight = w[((o * c.inputChannels + ch) * k + u) * k + v]
                    sum +=
                      weight * x[((n * c.inputChannels + ch) * c.height + row) * c.width + column]
                  }
                }
              }
              y[((n * c.outputChannels + o) * outputHeight + i) * outputWidth + j] = sum
            }
          }
        }
      }
      return y
    }
  }

  @Test(arguments: cases)
  func gradientsMatchFiniteDifferences(_ c: Case) {
    var generator = SeededGenerator(seed: 31)
    let layer = Conv2D(
      inputChannels: c.inputChannels, outputChannels: c.outputChannels,
      kernelSize: c.kernelSize, stride: c.stride, padding: c.padding, generator: &generator)
    randomizeParameters(of: layer, in: -1..<1, using: &generator)
    let size = layer.outputSize(height: c.height, width: c.width)
    checkGradients(
      of: layer, inputShape: [c.batch, c.inputChannels, c.height, c.width],
      reference: Self.reference(c, outputHeight: size.height, outputWidth: size.width), seed: 32)
  }

  @Test(arguments: [(height: 16, width: 12, expected: [8, 6]), (15, 9, [8, 5]), (1, 1, [1, 1])])
  func oddKernelWithHalfPaddingRoundsUp(height: Int, width: Int, expected: [Int]) {
    var generator = SeededGenerator(seed: 1)
    let layer = Conv2D(
      inputChannels: 1, outputChannels: 1, kernelSize: 5, stride: 2, padding: 2,
      generator: &generator)
    let size = layer.outputSize(height: height, width: width)
    #expect([size.height, size.width] == expected)
    #expect(layer.infer(Tensor(shape: [1, 1, height, width])).shape == [1, 1] + expected)
  }

  @Test func backwardParametersMatchesBackward() {
    var generator = SeededGenerator(seed: 33)
    let layer = Conv2D(
      inputChannels: 2, outputChannels: 3, kernelSize: 3, stride: 2, padding: 1,
      generator: &generator)
    let input = Tensor.uniform(shape: [2, 2, 6, 6], in: -1..<1, using: &generator)
    let upstream = Tensor.uniform(shape: [2, 3, 3, 3], in: -1..<1, using: &generator)

    _ = layer.forward(input)
    _ = layer.backward(upstream)
    let fullGradients = layer.parameters.map { $0.parameter.gradient }
    layer.zeroGradients()
    _ = layer.forward(input)
    layer.backwardParameters(upstream)

    #expect(layer.parameters.map { $0.parameter.gradient } == fullGradients)
  }
}
