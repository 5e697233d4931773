import EntropyCoding
import Foundation
import NumericCore

/// A learned codec for RGB photographs of any size: Ballé et al.'s (2018) scale hyperprior,
/// sized for CPUs, with gains that let one model serve every rate (Cui et al. 2021).
///
/// Images are planar RGB in [0, 1], `[3, height, width]` (channel, row, column), both sides a
/// multiple of 64 (callers pad by edge replication). With `N` the feature channels and `M` the
/// latent channels of the ``PhotoArchitecture``:
/// - analysis `g_a`: four 5x5 stride-2 convolutions `3→N→N→N→M` with GDN between them, giving
///   the latent `y`, `[M, height/16, width/16]`;
/// - synthesis `g_s`: four 5x5 stride-2 transposed convolutions `M→N→N→N→3` with inverse GDN
///   between them; the output is clamped to [0, 1] at inference only;
/// - hyper-analysis `h_a`: `|y|` → 3x3 convolution `M→N`, ReLU, 5x5 stride-2 `N→N`, ReLU,
///   5x5 stride-2 `N→N`, giving `z`, `[N, height/64, width/64]`, coded with a factorized prior;
/// - hyper-synthesis `h_s`: 5x5 stride-2 transposed convolutions `N→N`, ReLU, `N→N`, ReLU,
///   3x3 `N→M`, giving `a`; the scale of `y` is `σ = 2^a`. The exponential keeps `σ` positive
///   and makes `log σ` linear in the network, which matches the log-spaced tables and lets the
///   exact integer version compare `a` against integer thresholds without any exponential.
///
/// Rate control: rate point `k` has a learned gain `g_k ∈ R^M` (positive, stored as its
/// logarithm) and inverse gain `h_k`. The encoder codes `round(y · g_k)` with zero-mean
/// Gaussians of scale `σ · g_k`; the decoder feeds `ŷ · h_k` to the synthesis. A quality
/// between two rate points interpolates geometrically, `g = g_k^(1−t) · g_{k+1}^t` (linear in
/// the logarithm), and the same for `h`. `z` has no gain: it is coded the same way at every
/// rate, so its bits (a few hundredths of a bit per pixel) weigh relatively more at the lowest
/// rates; in exchange `y`, `z` and the scales do not depend on the quality, and a rate search
/// runs the networks once (see ``analyze(planes:height:width:)``).
///
/// Determinism: the decoder chooses each latent's table from the hyper-synthesis run in exact
/// integer arithmetic (``IntegerHyperSynthesis``), derived from the float `h_s` by
/// ``updateEntropyModel()`` and stored in the model file, so a file decodes to the same
/// latents on every machine.
public final class PhotoCodec {
  /// The hyperparameters.
  public let architecture: PhotoArchitecture
  /// `g_a`, images to latents.
  public let analysis: Sequential
  /// `g_s`, latents to images.
  public let synthesis: Sequential
  /// `h_a`, latent magnitudes to hyper-latents.
  public let hyperAnalysis: Sequential
  /// `h_s` in floating point, hyper-latents to base-2 log scales; used in training.
  public let hyperSynthesis: Sequential
  /// The factorized prior of the hyper-latents.
  public let prior: FactorizedPrior
  /// The natural logarithms of the gains, `[rate points, M]`.
  public let logGain: Parameter
  /// The natural logarithms of the inverse gains, `[rate points, M]`.
  public let logInverseGain: Parameter

  /// The integer tables and networks coding needs; set by ``updateEntropyModel()`` or by
  /// reading a model file, and stale once the weights change.
  public internal(set) var entropyModel: PhotoEntropyModel?

  /// Creates a codec with freshly initialised weights.
  ///
  /// Gains start at `g_k = sqrt(λ_k / λ̄)` with `λ̄` the geometric mean of the `λ`s (the
  /// quantization step of a Gaussian source shrinks with the square root of `λ`), and
  /// `h_k = 1 / g_k`.
  ///
  /// - Parameters:
  ///   - architecture: The hyperparameters.
  ///   - generator: The source of the initial weights.
  public init(architecture: PhotoArchitecture, generator: inout SeededGenerator) {
    self.architecture = architecture
    let n = architecture.featureChannels
    let m = architecture.latentChannels
    func convolution(_ input: Int, _ output: Int, _ kernel: Int, _ stride: Int, relu: Bool)
      -> Conv2D
    {
      Conv2D(
        inputChannels: input, outputChannels: output, kernelSize: kernel, stride: stride,
        padding: kernel / 2, initialization: relu ? .heUniform : .glorotUniform,
        generator: &generator)
    }
    func transposed(_ input: Int, _ output: Int, _ kernel: Int, _ stride: Int, relu: Bool)
      -> TransposedConv2D
    {
      TransposedConv2D(
        inputChannels: input, outputChannels: output, kernelSize: kernel, stride: stride,
        padding: kernel / 2, outputPadding: stride - 1,
        initialization: relu ? .heUniform : .glorotUniform, generator: &generator)
    }
    analysis = Sequential([
      convolution(3, n, 5, 2, relu: false), GDN(channels: n),
      convolution(n, n, 5, 2, relu: false), GDN(channels: n),
      convolution(n, n, 5, 2, relu: false), GDN(channels: n),
      convolution(n, m, 5, 2, relu: false),
    ])
    synthesis = Sequential([
      transposed(m, n, 5, 2, relu: false), GDN(channels: n, inverse: true),
      transposed(n, n, 5, 2, relu: false), GDN(channels: n, inverse: true),
      transposed(n, n, 5, 2, relu: false), GDN(channels: n, inverse: true),
      transposed(n, 3, 5, 2, relu: false),
    ])
    hyperAnalysis = Sequential([
      convolution(m, n, 3, 1, relu: true), ReLU(),
      convolution(n, n, 5, 2, relu: true), ReLU(),
      convolution(n, n, 5, 2, relu: false),
    ])
    hyperSynthesis = Sequential([
      transposed(n, n, 5, 2, relu: true), ReLU(),
      transposed(n, n, 5, 2, relu: true), ReLU(),
      transposed(n, m, 3, 1, relu: false),
    ])
    prior = FactorizedPrior(channels: n, generator: &generator)

    let lambdas = architecture.ratePoints.map(\.lambda)
    let meanLogLambda = lambdas.map { log($0) }.reduce(0, +) / Double(lambdas.count)
    var gains: [Float] = []
    for lambda in lambdas {
      gains += [Float](repeating: Float(0.5 * (log(lambda) - meanLogLambda)), count: m)
    }
    let shape = [lambdas.count, m]
    logGain = Parameter(Tensor(shape: shape, scalars: gains), appliesWeightDecay: false)
    logInverseGain = Parameter(
      Tensor(shape: shape, scalars: gains.map { -$0 }), appliesWeightDecay: false)
  }

  /// Every parameter, named `analysis.…`, `synthesis.…`, `hyperAnalysis.…`,
  /// `hyperSynthesis.…`, `prior.…`, `gain.log` and `inverseGain.log`.
  public var parameters: [(name: String, parameter: Parameter)] {
    let groups: [(prefix: String, parameters: [(name: String, parameter: Parameter)])] = [
      ("analysis.", analysis.parameters), ("synthesis.", synthesis.parameters),
      ("hyperAnalysis.", hyperAnalysis.parameters), ("hyperSynthesis.", hyperSynthesis.parameters),
      ("prior.", prior.parameters),
      ("", [("gain.log", logGain), ("inverseGain.log", logInverseGain)]),
    ]
    return groups.flatMap { group in
      group.parameters.map { (name: group.prefix + $0.name, parameter: $0.parameter) }
    }
  }

  /// The shape `[M, height/16, width/16]` of one image's latent `y`.
  public func latentShape(height: Int, width: Int) -> [Int] {
    let stride = PhotoArchitecture.latentStride
    return [architecture.latentChannels, height / stride, width / stride]
  }

  /// The shape `[N, height/64, width/64]` of one image's hyper-latent `z`.
  public func hyperLatentShape(height: Int, width: Int) -> [Int] {
    let stride = PhotoArchitecture.hyperLatentStride
    return [architecture.featureChannels, height / stride, width / stride]
  }

  /// Whether `height` by `width` is a size the codec takes: both positive multiples of 64.
  public static func acceptsSize(height: Int, width: Int) -> Bool {
    let stride = PhotoArchitecture.hyperLatentStride
    return height > 0 && width > 0 && height % stride == 0 && width % stride == 0
  }
}
