import EntropyCoding
import NumericCore

/// A trainable factorized prior: a `FactorizedDensity` whose parameters live in
/// `Parameter`s, so the optimizer and the model file treat them like any weight.
public final class FactorizedPrior {
  /// The number of latent channels the prior models.
  public let channels: Int
  /// The hidden widths of each channel's cumulative function.
  public let hiddenWidths: [Int]
  /// The unconstrained matrices, biases and factors, in `FactorizedDensity`'s layout.
  public let matrices: [Parameter]
  /// The biases of each layer.
  public let biases: [Parameter]
  /// The unconstrained factors of each layer but the last.
  public let factors: [Parameter]

  /// A prior over `channels` channels, initialised as in Balle et al.'s implementation.
  public init(channels: Int, hiddenWidths: [Int] = [3, 3, 3], generator: inout SeededGenerator) {
    let density = FactorizedDensity(channels: channels, hiddenWidths: hiddenWidths) {
      Double(generator.nextUnitFloat())
    }
    self.channels = channels
    self.hiddenWidths = hiddenWidths
    let shapes = density.parameterShapes
    matrices = zip(density.matrices, shapes.matrices).map {
      Parameter(Tensor(shape: $1, scalars: $0), appliesWeightDecay: false)
    }
    biases = zip(density.biases, shapes.biases).map {
      Parameter(Tensor(shape: $1, scalars: $0), appliesWeightDecay: false)
    }
    factors = zip(density.factors, shapes.factors).map {
      Parameter(Tensor(shape: $1, scalars: $0), appliesWeightDecay: false)
    }
  }

  /// The parameters, named `matrix.K`, `bias.K` and `factor.K`.
  public var parameters: [(name: String, parameter: Parameter)] {
    matrices.enumerated().map { ("matrix.\($0.offset)", $0.element) }
      + biases.enumerated().map { ("bias.\($0.offset)", $0.element) }
      + factors.enumerated().map { ("factor.\($0.offset)", $0.element) }
  }

  /// The density with the parameters' current values.
  public var density: FactorizedDensity {
    FactorizedDensity(
      channels: channels, hiddenWidths: hiddenWidths,
      matrices: matrices.map(\.value.scalars), biases: biases.map(\.value.scalars),
      factors: factors.map(\.value.scalars))
  }

  /// The total rate in bits of NCHW (or `[N, C]`) `latents`, adding `scale ×` its gradient
  /// to the parameters' gradients and returning `scale ×` the latents' gradient.
  public func rate(latents: Tensor, scale: Double) -> (bits: Double, gradient: Tensor) {
    let spatial = latents.shape.count == 4 ? latents.shape[2] * latents.shape[3] : 1
    precondition(latents.shape[1] == channels, "latents have \(latents.shape[1]) channels")
    let density = self.density
    var gradients = FactorizedDensityGradients(zeroFor: density)
    var latentGradient = [Float](repeating: 0, count: latents.count)
    let bits = density.rate(
      latents: latents.scalars, spatial: spatial, scale: scale,
      latentGradient: &latentGradient, gradients: &gradients)
    for (parameter, gradient) in zip(matrices, gradients.matrices) { parameter.add(gradient) }
    for (parameter, gradient) in zip(biases, gradients.biases) { parameter.add(gradient) }
    for (parameter, gradient) in zip(factors, gradients.factors) { parameter.add(gradient) }
    return (bits, Tensor(shape: latents.shape, scalars: latentGradient))
  }

  /// One integer coding table per channel, holding all but `tailMass` of its probability.
  ///
  /// - Throws: `EntropyCodingError` if a channel's distribution is too wide for the
  ///   precision.
  public func tables(tailMass: Double = 1e-9, precision: Int = 16) throws -> [FrequencyTable] {
    let density = self.density
    return try (0..<channels).map { channel in
      try FrequencyTable.discretized(
        cdf: { sigmoid(density.logit($0, channel: channel)) }, tailMass: tailMass,
        precision: precision)
    }
  }
}

extension Parameter {
  /// Adds `values` element by element to the gradient.
  func add(_ values: [Float]) {
    gradient.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices { buffer[index] += values[index] }
    }
  }
}
