import NumericCore

/// The hyper-synthesis `h_s` in exact integer arithmetic (after Ballé, Johnston and Minnen,
/// "Integer networks for data compression", 2019), so encoder and decoder choose the same
/// coding table for every latent on every machine, thread count and kernel path.
///
/// Fixed point: weights carry ``weightFractionBits`` fractional bits, hidden activations
/// ``activationFractionBits`` and the output ``outputFractionBits``. The input is the decoded
/// integer hyper-latent `ẑ` itself (no fractional bits), clamped to `±hyperLatentLimit`. Each
/// layer is an ``IntegerTransposedConvolution`` whose shift brings its accumulator to the next
/// layer's fixed point; the hidden layers end in ReLU and clamp their output to the next
/// layer's input limit, chosen at export as the largest value (at most 2^16 in real terms)
/// for which the layer's bound holds. The output `a` is `log2 σ · 2^outputFractionBits`.
///
/// The float `h_s` is what training optimises; this one is derived from it at export and
/// differs from it only by fixed-point rounding (a few thousandths in `log2 σ`).
public struct IntegerHyperSynthesis: Sendable, Equatable {
  /// The layers, first to last.
  public let layers: [IntegerTransposedConvolution]
  /// The fractional bits of the output: `a / 2^outputFractionBits = log2 σ`.
  public let outputFractionBits: Int

  /// The fractional bits of the integer weights chosen at export.
  public static let weightFractionBits = 14
  /// The fractional bits of the hidden activations chosen at export.
  public static let activationFractionBits = 10
  /// The fractional bits of the output chosen at export.
  public static let standardOutputFractionBits = 16

  /// A network of the given layers; `exactnessProblem()` of each must be nil.
  public init(layers: [IntegerTransposedConvolution], outputFractionBits: Int) {
    precondition(!layers.isEmpty, "a network needs a layer")
    self.layers = layers
    self.outputFractionBits = outputFractionBits
  }

  /// Derives the integer network from a float one.
  ///
  /// Weights become `round(W · 2^14)` and biases `round(b · 2^(14 + f))` with `f` the input's
  /// fractional bits (0 for `ẑ`, 10 for hidden activations). Each input limit is the largest
  /// value up to `2^15` (for `ẑ`) or `2^16` real (for activations) that keeps the layer exact.
  ///
  /// - Parameters:
  ///   - layers: The float transposed convolutions, first to last, at least two.
  ///   - rectified: Whether a ReLU follows each layer.
  /// - Throws: `PhotoEntropyModelError.integerRangeExceeded` when a weight does not fit 32
  ///   bits or the exact range would need an input limit below `2^8` real.
  public init(deriving layers: [TransposedConv2D], rectified: [Bool]) throws(PhotoEntropyModelError)
  {
    precondition(layers.count == rectified.count, "one flag per layer")
    // A single layer would have to shift its accumulator left to reach the output's bits.
    precondition(layers.count >= 2, "the fixed-point scheme needs at least two layers")
    let weightBits = Self.weightFractionBits
    let activationBits = Self.activationFractionBits
    let outputBits = Self.standardOutputFractionBits
    var result: [IntegerTransposedConvolution] = []
    for (index, layer) in layers.enumerated() {
      let inputBits = index == 0 ? 0 : activationBits
      let resultBits = index == layers.count - 1 ? outputBits : activationBits
      let weightScale = Double(1 << weightBits)
      var weights: [Int32] = []
      weights.reserveCapacity(layer.weight.value.count)
      for value in layer.weight.value.scalars {
        let scaled = (Double(value) * weightScale).rounded()
        guard scaled.magnitude <= Double(Int32.max) else {
          throw .integerRangeExceeded(layer: index, reason: "weight \(value) does not fit")
        }
        weights.append(Int32(scaled))
      }
      let biasScale = Double(1 << (weightBits + inputBits))
      var biases: [Int64] = []
      for value in layer.bias.value.scalars {
        let scaled = (Double(value) * biasScale).rounded()
        guard scaled.magnitude < 0x1p52 else {
          throw .integerRangeExceeded(layer: index, reason: "bias \(value) does not fit")
        }
        biases.append(Int64(scaled))
      }

      let limits: (preferred: Int64, smallest: Int64) =
        index == 0 ? (1 << 15, 1 << 8) : (1 << (16 + activationBits), 1 << (8 + activationBits))
      let draft = IntegerTransposedConvolution(
        inputChannels: layer.inputChannels, outputChannels: layer.outputChannels,
        kernelSize: layer.kernelSize, stride: layer.stride, padding: layer.padding,
        outputPadding: layer.outputPadding, weights: weights, biases: biases,
        inputLimit: limits.preferred, signedInput: index == 0,
        shift: weightBits + inputBits - resultBits, rectifies: rectified[index])
      let rowSum = max(draft.maximumRowSum, 1)
      let exactLimit = (IntegerTransposedConvolution.exactLimit - draft.maximumBias) / rowSum
      let limit = min(limits.preferred, exactLimit)
      guard limit >= limits.smallest else {
        throw .integerRangeExceeded(
          layer: index,
          reason: "weights summing to \(rowSum) leave an input limit of only \(limit)")
      }
      result.append(
        IntegerTransposedConvolution(
          inputChannels: draft.inputChannels, outputChannels: draft.outputChannels,
          kernelSize: draft.kernelSize, stride: draft.stride, padding: draft.padding,
          outputPadding: draft.outputPadding, weights: weights, biases: biases,
          inputLimit: limit, signedInput: index == 0, shift: draft.shift,
          rectifies: rectified[index]))
    }
    self.init(layers: result, outputFractionBits: outputBits)
  }

  /// The largest hyper-latent magnitude the network reads; the encoder clamps `ẑ` to it.
  public var hyperLatentLimit: Int64 { layers[0].inputLimit }

  /// Why the network cannot run exactly, or nil when every layer can.
  public func exactnessProblem() -> String? {
    for (index, layer) in layers.enumerated() {
      if let problem = layer.exactnessProblem() { return "layer \(index): \(problem)" }
    }
    return nil
  }

  /// The fixed-point base-2 log scales `a` of one image's latents.
  ///
  /// - Parameters:
  ///   - hyperLatents: `ẑ`, `[channels, height, width]`, row-major.
  ///   - height: The hyper-latent height.
  ///   - width: The hyper-latent width.
  /// - Returns: `[outputChannels, height', width']` after every layer's upsampling, each value
  ///   `log2 σ · 2^outputFractionBits`.
  /// - Complexity: For the standard photo architecture (`N = 64`, `M = 128`) about 160
  ///   million multiply-adds for a 768x512 image, most of them in the last layer.
  public func logScales(hyperLatents: [Int32], height: Int, width: Int) -> [Int64] {
    var values = hyperLatents.map(Int64.init)
    var (currentHeight, currentWidth) = (height, width)
    for layer in layers {
      values = layer.apply(values, height: currentHeight, width: currentWidth)
      (currentHeight, currentWidth) = layer.outputSize(height: currentHeight, width: currentWidth)
    }
    return values
  }
}
