import Foundation

/// A learned, per-channel, non-parametric density over the reals (Balle et al. 2018,
/// appendix 6.1), the "factorized prior" of a latent code.
///
/// Channel `c`'s cumulative distribution is `sigmoid(f(x))` with
/// `f = f_K ∘ … ∘ f_1`, `f_k(v) = g_k(H_k v + b_k)` and `g_k(u) = u + a_k ⊙ tanh(u)` for
/// `k < K` (the last layer has no `g`). The matrices are kept positive as
/// `H_k = softplus(Ĥ_k)` and the factors in `(-1, 1)` as `a_k = tanh(â_k)`, which makes `f`
/// increasing, so `sigmoid(f)` is a valid cumulative distribution whatever the parameters.
///
/// The probability of a rounded value `v` is `sigmoid(f(v + ½)) − sigmoid(f(v − ½))`; during
/// training the same expression at a noisy `y` is the density of `y + uniform(−½, ½)`.
///
/// Parameters are stored per layer in flat arrays, channel-major: matrix `k` is
/// `[channels, outputs_k, inputs_k]`, bias and factor `k` are `[channels, outputs_k]`.
public struct FactorizedDensity: Sendable {
  /// The number of independent channels.
  public let channels: Int
  /// The widths of the hidden layers of each channel's function (`[3, 3, 3]` by default).
  public let hiddenWidths: [Int]
  /// The unconstrained matrices `Ĥ_k`.
  public var matrices: [[Float]]
  /// The biases `b_k`.
  public var biases: [[Float]]
  /// The unconstrained factors `â_k`, one fewer than the layers.
  public var factors: [[Float]]

  /// The widths of every layer's input and output: `[1] + hiddenWidths + [1]`.
  var widths: [Int] { [1] + hiddenWidths + [1] }

  /// A density initialised as in Balle et al.'s implementation: close to a logistic of
  /// scale `initialScale`, with biases drawn uniformly from (−½, ½).
  ///
  /// - Parameters:
  ///   - channels: The number of channels.
  ///   - hiddenWidths: The hidden widths of each channel's function.
  ///   - initialScale: The spread of the initial distribution.
  ///   - uniform: A source of uniform numbers in [0, 1), called once per bias.
  public init(
    channels: Int, hiddenWidths: [Int] = [3, 3, 3], initialScale: Double = 10,
    uniform: () -> Double
  ) {
    self.channels = channels
    self.hiddenWidths = hiddenWidths
    let widths = [1] + hiddenWidths + [1]
    let layerCount = widths.count - 1
    let scale = pow(initialScale, 1 / Double(layerCount))
    matrices = []
    biases = []
    factors = []
    for layer in 0..<layerCount {
      let inputs = widths[layer]
      let outputs = widths[layer + 1]
      let initial = Float(log(expm1(1 / scale / Double(outputs))))
      matrices.append([Float](repeating: initial, count: channels * outputs * inputs))
      biases.append((0..<channels * outputs).map { _ in Float(uniform() - 0.5) })
      if layer < layerCount - 1 {
        factors.append([Float](repeating: 0, count: channels * outputs))
      }
    }
  }

  /// A density with the given parameters, as read from a model file.
  public init(
    channels: Int, hiddenWidths: [Int], matrices: [[Float]], biases: [[Float]],
    factors: [[Float]]
  ) {
    self.channels = channels
    self.hiddenWidths = hiddenWidths
    self.matrices = matrices
    self.biases = biases
    self.factors = factors
  }

  /// The shapes of the parameter arrays, in the order matrices, biases, factors.
  public var parameterShapes: (matrices: [[Int]], biases: [[Int]], factors: [[Int]]) {
    let widths = self.widths
    let layers = 0..<widths.count - 1
    return (
      layers.map { [channels, widths[$0 + 1], widths[$0]] },
      layers.map { [channels, widths[$0 + 1]] },
      layers.dropLast().map { [channels, widths[$0 + 1]] }
    )
  }

  /// `f(x)` for one channel: the logit of the cumulative distribution at `x`.
  public func logit(_ x: Double, channel: Int) -> Double {
    var activations = [x]
    let widths = self.widths
    for layer in 0..<widths.count - 1 {
      let inputs = widths[layer]
      let outputs = widths[layer + 1]
      var next = [Double](repeating: 0, count: outputs)
      for output in 0..<outputs {
        var sum = Double(biases[layer][channel * outputs + output])
        for input in 0..<inputs {
          let raw = matrices[layer][(channel * outputs + output) * inputs + input]
          sum += softplus(Double(raw)) * activations[input]
        }
        if layer < widths.count - 2 {
          sum += tanh(Double(factors[layer][channel * outputs + output])) * tanh(sum)
        }
        next[output] = sum
      }
      activations = next
    }
    return activations[0]
  }

  /// The probability that channel `channel`'s rounded value is `value`.
  public func probability(of value: Double, channel: Int) -> Double {
    let lower = logit(value - 0.5, channel: channel)
    let upper = logit(value + 0.5, channel: channel)
    // Evaluating on the side where both sigmoids are small keeps the difference accurate.
    let sign: Double = lower + upper > 0 ? -1 : 1
    return abs(sigmoid(sign * upper) - sigmoid(sign * lower))
  }
}

func softplus(_ x: Double) -> Double {
  x > 30 ? x : log1p(exp(x))
}

func sigmoid(_ x: Double) -> Double {
  x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
}
