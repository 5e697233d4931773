import Foundation

/// Gradients of a rate with respect to a `FactorizedDensity`'s parameters, in its layout.
public struct FactorizedDensityGradients: Sendable {
  /// Gradients of the unconstrained matrices.
  public var matrices: [[Float]]
  /// Gradients of the biases.
  public var biases: [[Float]]
  /// Gradients of the unconstrained factors.
  public var factors: [[Float]]

  /// Zero gradients shaped like `density`'s parameters.
  public init(zeroFor density: FactorizedDensity) {
    matrices = density.matrices.map { [Float](repeating: 0, count: $0.count) }
    biases = density.biases.map { [Float](repeating: 0, count: $0.count) }
    factors = density.factors.map { [Float](repeating: 0, count: $0.count) }
  }
}

extension FactorizedDensity {
  /// The smallest probability a value is given, so that its cost stays finite (about 30 bits).
  static let probabilityFloor = 1e-9

  /// The total rate in bits of `latents` under the density, with its gradients.
  ///
  /// `latents` is NCHW (or `[N, C]`, with `spatial == 1`): element `i` belongs to channel
  /// `(i / spatial) % channels`. The rate is `Σ −log2 p(yᵢ)` with
  /// `p(y) = sigmoid(f(y + ½)) − sigmoid(f(y − ½))`. Each element's gradient, times
  /// `scale`, is added to `latentGradient`; parameter gradients times `scale` are added to
  /// `gradients`.
  ///
  /// - Complexity: O(n) in the number of latents, each costing two passes through a
  ///   channel's small network.
  public func rate(
    latents: [Float], spatial: Int, scale: Double,
    latentGradient: inout [Float], gradients: inout FactorizedDensityGradients
  ) -> Double {
    precondition(latents.count == latentGradient.count, "gradient must match the latents")
    precondition(latents.count % (channels * spatial) == 0, "latents must be NCHW")
    var pass = Pass(density: self)
    var total = 0.0
    for index in latents.indices {
      let channel = (index / spatial) % channels
      let y = Double(latents[index])
      let lower = pass.forward(y - 0.5, channel: channel, slot: 0)
      let upper = pass.forward(y + 0.5, channel: channel, slot: 1)
      let sign: Double = lower + upper > 0 ? -1 : 1
      let probability = sign * (sigmoid(sign * upper) - sigmoid(sign * lower))
      guard probability > Self.probabilityFloor else {
        total -= log2(Self.probabilityFloor)
        continue
      }
      total -= log2(probability)

      // d(−log2 p)/dp, then dp/d(upper) = σ'(s·upper) and dp/d(lower) = −σ'(s·lower).
      let outer = -scale / (probability * M_LN2)
      let upperGradient = outer * sigmoidDerivative(sign * upper)
      let lowerGradient = -outer * sigmoidDerivative(sign * lower)
      let dy =
        pass.backward(upperGradient, channel: channel, slot: 1, into: &gradients)
        + pass.backward(lowerGradient, channel: channel, slot: 0, into: &gradients)
      latentGradient[index] += Float(dy)
    }
    return total
  }
}

private func sigmoidDerivative(_ x: Double) -> Double {
  let s = sigmoid(x)
  return s * (1 - s)
}

/// Scratch space for one element's forward and backward passes through a channel's network.
private struct Pass {
  let widths: [Int]
  let matrices: [[Double]]
  let biases: [[Double]]
  let factors: [[Double]]
  let rawMatrices: [[Float]]
  let rawFactors: [[Float]]
  /// `inputs[slot][layer]` is the input vector of `layer`; `preActivations` its `Hv + b`.
  var inputs: [[[Double]]]
  var preActivations: [[[Double]]]

  init(density: FactorizedDensity) {
    let widths = density.widths
    self.widths = widths
    matrices = density.matrices.map { $0.map { softplus(Double($0)) } }
    biases = density.biases.map { $0.map(Double.init) }
    factors = density.factors.map { $0.map { tanh(Double($0)) } }
    rawMatrices = density.matrices
    rawFactors = density.factors
    let layers = widths.count - 1
    let empty = (0..<layers).map { [Double](repeating: 0, count: widths[$0]) }
    inputs = [empty, empty]
    preActivations = [
      (0..<layers).map { [Double](repeating: 0, count: widths[$0 + 1]) },
      (0..<layers).map { [Double](repeating: 0, count: widths[$0 + 1]) },
    ]
  }

  mutating func forward(_ x: Double, channel: Int, slot: Int) -> Double {
    var vector = [x]
    let layers = widths.count - 1
    for layer in 0..<layers {
      let inputCount = widths[layer]
      let outputCount = widths[layer + 1]
      inputs[slot][layer] = vector
      var next = [Double](repeating: 0, count: outputCount)
      for output in 0..<outputCount {
        let row = (channel * outputCount + output) * inputCount
        var sum = biases[layer][channel * outputCount + output]
        for input in 0..<inputCount { sum += matrices[layer][row + input] * vector[input] }
        preActivations[slot][layer][output] = sum
        if layer < layers - 1 {
          sum += factors[layer][channel * outputCount + output] * tanh(sum)
        }
        next[output] = sum
      }
      vector = next
    }
    return vector[0]
  }

  /// Back-propagates `gradient` (of the loss with respect to the logit) through the pass
  /// stored in `slot`, adds parameter gradients, and returns the gradient for the input.
  func backward(
    _ gradient: Double, channel: Int, slot: Int, into gradients: inout FactorizedDensityGradients
  ) -> Double {
    var outputGradient = [gradient]
    for layer in stride(from: widths.count - 2, through: 0, by: -1) {
      let inputCount = widths[layer]
      let outputCount = widths[layer + 1]
      // Through g(u) = u + a tanh(u) for every layer but the last.
      if layer < widths.count - 2 {
        for output in 0..<outputCount {
          let parameter = channel * outputCount + output
          let t = tanh(preActivations[slot][layer][output])
          let a = factors[layer][parameter]
          let factorGradient = outputGradient[output] * t * (1 - a * a)
          gradients.factors[layer][parameter] += Float(factorGradient)
          outputGradient[output] *= 1 + a * (1 - t * t)
        }
      }
      // Through u = softplus(Ĥ) v + b.
      var inputGradient = [Double](repeating: 0, count: inputCount)
      for output in 0..<outputCount {
        let row = (channel * outputCount + output) * inputCount
        gradients.biases[layer][channel * outputCount + output] += Float(outputGradient[output])
        for input in 0..<inputCount {
          let raw = Double(rawMatrices[layer][row + input])
          let matrixGradient =
            outputGradient[output] * inputs[slot][layer][input] * sigmoid(raw)
          gradients.matrices[layer][row + input] += Float(matrixGradient)
          inputGradient[input] += matrices[layer][row + input] * outputGradient[output]
        }
      }
      outputGradient = inputGradient
    }
    return outputGradient[0]
  }
}
