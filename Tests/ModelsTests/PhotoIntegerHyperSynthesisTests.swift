import Foundation
import NumericCore
import Testing

@testable import Models

@Suite struct PhotoIntegerHyperSynthesisTests {
  /// The integer network tracks the float one: on random integer hyper-latents the log
  /// scales agree within 0.01 (0.7% in σ) and the chosen tables almost always coincide.
  @Test func integerScalesTrackTheFloatNetwork() throws {
    let codec = try PhotoFixtures.codec(seed: 31)
    let model = try #require(codec.entropyModel)
    var generator = SeededGenerator(seed: 32)
    let (height, width) = (3, 5)
    let hyperLatents = (0..<(8 * height * width)).map { _ in
      Int32(generator.nextIndex(below: 25)) - 12
    }
    let floatScales = codec.hyperSynthesis.infer(
      Tensor(shape: [1, 8, height, width], scalars: hyperLatents.map(Float.init))
    ).scalars
    let integerScales = model.hyperSynthesis.logScales(
      hyperLatents: hyperLatents, height: height, width: width)
    #expect(integerScales.count == floatScales.count)
    let unit = Double(1 << model.hyperSynthesis.outputFractionBits)
    var largest = 0.0
    for (exact, float) in zip(integerScales, floatScales) {
      largest = max(largest, abs(Double(exact) / unit - Double(float)))
    }
    #expect(largest < 0.01, "largest log2 difference \(largest)")

    // Table choice from the float scales, by the same thresholds.
    let floatIndices = floatScales.map {
      model.tableIndex(logScale: Int64((Double($0) * unit).rounded()))
    }
    let integerIndices = integerScales.map { model.tableIndex(logScale: $0) }
    let differing = zip(floatIndices, integerIndices).filter { $0 != $1 }
    #expect(differing.count * 50 <= floatIndices.count, "\(differing.count) indices differ")
    #expect(differing.allSatisfy { abs($0 - $1) == 1 })
  }

  /// A direct Int64 evaluation of the layer by its definition, for comparison.
  static func reference(
    _ layer: IntegerTransposedConvolution, _ input: [Int64], height: Int,
    width: Int
  ) -> [Int64] {
    let (outputHeight, outputWidth) = layer.outputSize(height: height, width: width)
    let k = layer.kernelSize
    var accumulator = [Int64](
      repeating: 0, count: layer.outputChannels * outputHeight * outputWidth)
    for o in 0..<layer.outputChannels {
      for index in 0..<(outputHeight * outputWidth) {
        accumulator[o * outputHeight * outputWidth + index] = layer.biases[o]
      }
    }
    let lower = layer.signedInput ? -layer.inputLimit : 0
    for c in 0..<layer.inputChannels {
      for i in 0..<height {
        for j in 0..<width {
          let x = min(max(input[(c * height + i) * width + j], lower), layer.inputLimit)
          for o in 0..<layer.outputChannels {
            for u in 0..<k {
              for v in 0..<k {
                let row = i * layer.stride + u - layer.padding
                let column = j * layer.stride + v - layer.padding
                guard row >= 0, row < outputHeight, column >= 0, column < outputWidth else {
                  continue
                }
                let w = Int64(layer.weights[((c * layer.outputChannels + o) * k + u) * k + v])
                accumulator[(o * outputHeight + row) * outputWidth + column] += w * x
              }
            }
          }
        }
      }
    }
    return accumulator.map { value in
      let shifted = (value + (1 << (layer.shift - 1))) >> Int64(layer.shift)
      return layer.rectifies ? max(shifted, 0) : shifted
    }
  }

  struct Geometry: CustomTestStringConvertible, Sendable {
    var kernelSize: Int
    var stride: Int
    var height: Int
    var width: Int
    var testDescription: String { "k\(kernelSize) s\(stride) \(width)x\(height)" }
  }

  /// With weights and inputs pushed to the edge of the bound, accumulators come within a
  /// factor of a few of 2^53; the Float64 kernel must still match Int64 arithmetic exactly.
  @Test(arguments: [
    Geometry(kernelSize: 5, stride: 2, height: 3, width: 4),
    Geometry(kernelSize: 3, stride: 1, height: 5, width: 2),
    Geometry(kernelSize: 5, stride: 2, height: 1, width: 1),
  ])
  func floatKernelIsExactAtTheBound(_ geometry: Geometry) {
    var generator = SeededGenerator(seed: 41)
    let (inputChannels, outputChannels) = (6, 5)
    let area = geometry.kernelSize * geometry.kernelSize
    let weights = (0..<(inputChannels * outputChannels * area)).map { _ in
      Int32(truncatingIfNeeded: Int(generator.next() % (1 << 21)) - (1 << 20))
    }
    let biases = (0..<outputChannels).map { _ in Int64(generator.next() % 1000) - 500 }
    let draft = IntegerTransposedConvolution(
      inputChannels: inputChannels, outputChannels: outputChannels,
      kernelSize: geometry.kernelSize, stride: geometry.stride,
      padding: geometry.kernelSize / 2, outputPadding: geometry.stride - 1, weights: weights,
      biases: biases, inputLimit: 1, signedInput: true, shift: 3, rectifies: false)
    let limit =
      (IntegerTransposedConvolution.exactLimit - draft.maximumBias)
      / draft.maximumRowSum
    let layer = IntegerTransposedConvolution(
      inputChannels: inputChannels, outputChannels: outputChannels,
      kernelSize: geometry.kernelSize, stride: geometry.stride,
      padding: geometry.kernelSize / 2, outputPadding: geometry.stride - 1, weights: weights,
      biases: biases, inputLimit: limit, signedInput: true, shift: 3, rectifies: false)
    #expect(layer.exactnessProblem() == nil)
    #expect(limit > 1 << 20)
    // Inputs at ±limit (and beyond, to exercise the clamp), signed to line up with weights.
    let input = (0..<(inputChannels * geometry.height * geometry.width)).map { index in
      (index % 3 == 0 ? limit + 5 : -limit) * (generator.next() % 2 == 0 ? 1 : -1)
    }
    let output = layer.apply(input, height: geometry.height, width: geometry.width)
    #expect(output == Self.reference(layer, input, height: geometry.height, width: geometry.width))
  }

  @Test func exactnessProblemIsReportedPastTheBound() {
    let layer = IntegerTransposedConvolution(
      inputChannels: 1, outputChannels: 1, kernelSize: 1, stride: 1, padding: 0,
      outputPadding: 0, weights: [1 << 30], biases: [0], inputLimit: 1 << 24,
      signedInput: true, shift: 1, rectifies: false)
    #expect(layer.exactnessProblem() != nil)
  }

  struct Oversized: CustomTestStringConvertible, Sendable {
    var label: String
    var layer: Int
    var weight: Float
    var testDescription: String { label }
  }

  /// A weight past 32 bits, or weights whose sums leave a hidden layer less than 2^8 of
  /// input range, cannot run exactly.
  @Test(arguments: [
    Oversized(label: "weight beyond Int32", layer: 0, weight: 200_000),
    Oversized(label: "hidden row sum beyond the bound", layer: 1, weight: 90_000),
  ])
  func derivationRefusesWeightsThatCannotBeExact(_ case: Oversized) throws {
    var generator = SeededGenerator(seed: 43)
    let layers = (0..<2).map { _ in
      TransposedConv2D(
        inputChannels: 4, outputChannels: 4, kernelSize: 3, stride: 1, padding: 1,
        generator: &generator)
    }
    #expect(throws: Never.self) {
      try IntegerHyperSynthesis(deriving: layers, rectified: [true, false])
    }
    let target = layers[`case`.layer]
    target.weight.value = Tensor(shape: target.weight.shape, repeating: `case`.weight)
    #expect(throws: PhotoEntropyModelError.self) {
      try IntegerHyperSynthesis(deriving: layers, rectified: [true, false])
    }
  }

  @Test func derivedLimitsKeepEveryLayerExact() throws {
    let codec = try PhotoFixtures.codec(seed: 44)
    let network = try #require(codec.entropyModel?.hyperSynthesis)
    #expect(network.exactnessProblem() == nil)
    #expect(network.hyperLatentLimit == 1 << 15)
    #expect(network.layers.map(\.shift) == [4, 14, 8])
    #expect(network.layers.map(\.rectifies) == [true, true, false])
  }

  @Test func serializationRoundTripsAndRefusesDamage() throws {
    let codec = try PhotoFixtures.codec(seed: 45)
    let network = try #require(codec.entropyModel?.hyperSynthesis)
    let bytes = network.serialized()
    #expect(try IntegerHyperSynthesis(serialized: bytes, field: "x") == network)
    #expect(throws: ModelFileError.self) {
      try IntegerHyperSynthesis(serialized: Array(bytes.dropLast()), field: "x")
    }
    #expect(throws: ModelFileError.self) {
      try IntegerHyperSynthesis(serialized: bytes + [0], field: "x")
    }
    var huge = bytes
    // The first layer's input limit starts after 3 header bytes and 14 layer bytes.
    for offset in 17..<25 { huge[offset] = 0x7F }
    #expect(throws: ModelFileError.self) {
      try IntegerHyperSynthesis(serialized: huge, field: "x")
    }
  }
}
