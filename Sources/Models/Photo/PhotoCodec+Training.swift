import Foundation
import NumericCore

extension PhotoCodec {
  /// The range `a` is clamped to during training, so `σ = 2^a` can neither overflow nor
  /// vanish; the gradient passes only inside it.
  static let trainingLogScaleRange: ClosedRange<Float> = -12...16

  /// Runs one forward and backward pass at rate point `ratePoint`, adding every gradient to
  /// the parameters (scaled for the batch mean of the loss).
  ///
  /// The loss is `L = λ_k · 255² · MSE + (R_y + R_z) / pixels`, with MSE averaged over every
  /// RGB sample and `R` in bits over the batch. Quantization is simulated as usual: `z` and
  /// the gained latent `y · g_k` get uniform noise in `(−½, ½)` for the rate terms (Ballé et
  /// al. 2018), while the synthesis receives the rounded `round(y · g_k) · h_k` with the
  /// rounding's gradient taken as 1 (Minnen and Singh 2020), which trains the decoder on the
  /// values it will see. The hyper-synthesis sees the noisy `z`; `σ = 2^a · g_k`.
  ///
  /// - Parameters:
  ///   - images: RGB crops in [0, 1], `[batch, 3, height, width]`, sides multiples of 64.
  ///   - ratePoint: The index of the rate point whose `λ`, gain and inverse gain are used.
  ///   - generator: The source of the quantization noise.
  /// - Returns: The step's figures.
  public func trainingStep(
    images: Tensor, ratePoint: Int, generator: inout SeededGenerator
  ) -> PhotoStepFigures {
    precondition(
      images.shape.count == 4 && images.shape[1] == 3
        && Self.acceptsSize(height: images.shape[2], width: images.shape[3]),
      "training images must be [batch, 3, height, width] with sides multiples of 64")
    precondition(architecture.ratePoints.indices.contains(ratePoint), "no such rate point")
    let pixels = Double(images.shape[0] * images.shape[2] * images.shape[3])
    let lambda = architecture.ratePoints[ratePoint].lambda

    // Analysis and the hyper-latent's rate.
    let latents = analysis.forward(images)
    let magnitudes = Tensor(shape: latents.shape, scalars: latents.scalars.map { abs($0) })
    var hyperLatents = hyperAnalysis.forward(magnitudes)
    Self.addUniformNoise(to: &hyperLatents, generator: &generator)
    let hyperRate = prior.rate(latents: hyperLatents, scale: 1 / pixels)
    let logScales = hyperSynthesis.forward(hyperLatents)

    // The gained latent, its rate, and the synthesis of its rounded value.
    let gained = GainedLatents(
      latents: latents, logScales: logScales, ratePoint: ratePoint, codec: self,
      generator: &generator)
    var latentGradient = [Float](repeating: 0, count: latents.count)
    var scaleGradient = [Float](repeating: 0, count: latents.count)
    let latentBits = GaussianRate.rate(
      latents: gained.noisy, scales: gained.scales, scale: 1 / pixels,
      latentGradient: &latentGradient, scaleGradient: &scaleGradient)
    let reconstruction = synthesis.forward(
      Tensor(shape: latents.shape, scalars: gained.decoderInput))

    // Distortion and its gradient: d(λ 255² MSE)/dx̂ = λ 255² · 2 (x̂ − x) / samples.
    let difference = reconstruction - images
    let squaredError = difference.withUnsafeBufferPointer { values in
      values.reduce(0.0) { $0 + Double($1) * Double($1) }
    }
    let meanSquaredError = squaredError / Double(images.count)
    let distortionWeight = Float(lambda * 255 * 255 * 2 / Double(images.count))
    let decoderGradient = synthesis.backward(distortionWeight * difference)

    // Back through gains, rounding and noise to y, and through the hyperprior to |y|.
    let backward = gained.backward(
      decoderGradient: decoderGradient.scalars, latentRateGradient: latentGradient,
      scaleGradient: scaleGradient, codec: self)
    let hyperGradient =
      hyperSynthesis.backward(
        Tensor(shape: logScales.shape, scalars: backward.logScaleGradient))
      + hyperRate.gradient
    let magnitudeGradient = hyperAnalysis.backward(hyperGradient).scalars
    var analysisGradient = backward.latentGradient
    latents.withUnsafeBufferPointer { y in
      for index in analysisGradient.indices {
        let sign: Float = y[index] > 0 ? 1 : (y[index] < 0 ? -1 : 0)
        analysisGradient[index] += magnitudeGradient[index] * sign
      }
    }
    analysis.backwardParameters(Tensor(shape: latents.shape, scalars: analysisGradient))

    let bitsPerPixel = (latentBits + hyperRate.bits) / pixels
    return PhotoStepFigures(
      loss: lambda * 255 * 255 * meanSquaredError + bitsPerPixel,
      meanSquaredError: meanSquaredError, bitsPerPixel: bitsPerPixel,
      hyperLatentBitsPerPixel: hyperRate.bits / pixels)
  }

  /// Adds uniform noise in `[−½, ½)` to every element.
  static func addUniformNoise(to tensor: inout Tensor, generator: inout SeededGenerator) {
    tensor.withUnsafeMutableBufferPointer { values in
      for index in values.indices { values[index] += generator.nextUnitFloat() - 0.5 }
    }
  }
}

/// The gained latents of one training step and the backward pass through the gains.
///
/// With `g = exp(logGain[k])`, `h = exp(logInverseGain[k])` per channel: `ỹ = y·g + u` is
/// what the rate sees with scale `σ = 2^a · g`, and `ŷ = round(y·g) · h` what the synthesis
/// sees. All arrays are NCHW in the latent's shape.
private struct GainedLatents {
  let ratePoint: Int
  let planeSize: Int
  let channels: Int
  let latents: [Float]
  let gains: [Float]
  let inverseGains: [Float]
  let clampedLogScales: [Bool]
  var noisy: [Float]
  var scales: [Float]
  var decoderInput: [Float]

  init(
    latents tensor: Tensor, logScales: Tensor, ratePoint: Int, codec: PhotoCodec,
    generator: inout SeededGenerator
  ) {
    let m = codec.architecture.latentChannels
    self.ratePoint = ratePoint
    channels = m
    planeSize = tensor.shape[2] * tensor.shape[3]
    latents = tensor.scalars
    let logGains = Array(codec.logGain.value.scalars[(ratePoint * m)..<((ratePoint + 1) * m)])
    let logInverse = Array(
      codec.logInverseGain.value.scalars[(ratePoint * m)..<((ratePoint + 1) * m)])
    gains = logGains.map { exp($0) }
    inverseGains = logInverse.map { exp($0) }
    let range = PhotoCodec.trainingLogScaleRange
    let a = logScales.scalars
    var noisy = [Float](repeating: 0, count: a.count)
    var scales = noisy
    var decoderInput = noisy
    var clamped = [Bool](repeating: false, count: a.count)
    for index in a.indices {
      let channel = (index / planeSize) % m
      let value = latents[index] * gains[channel]
      noisy[index] = value + generator.nextUnitFloat() - 0.5
      decoderInput[index] = value.rounded() * inverseGains[channel]
      let logScale = min(max(a[index], range.lowerBound), range.upperBound)
      clamped[index] = logScale != a[index]
      scales[index] = exp2(logScale) * gains[channel]
    }
    self.noisy = noisy
    self.scales = scales
    self.decoderInput = decoderInput
    clampedLogScales = clamped
  }

  /// Adds the gain gradients to the codec and returns the gradients for `y` and `a`.
  ///
  /// `∂L/∂(y·g) = ∂L/∂ŷ · h + ∂R/∂ỹ` (rounding passes the gradient); then
  /// `∂L/∂y = ∂L/∂(y·g) · g`, `∂L/∂log g = Σ ∂L/∂(y·g) · y·g + Σ ∂R/∂σ · σ`,
  /// `∂L/∂log h = Σ ∂L/∂ŷ · ŷ` and `∂L/∂a = ∂R/∂σ · σ · ln 2` where `a` was not clamped.
  func backward(
    decoderGradient: [Float], latentRateGradient: [Float], scaleGradient: [Float],
    codec: PhotoCodec
  ) -> (latentGradient: [Float], logScaleGradient: [Float]) {
    var latentGradient = [Float](repeating: 0, count: latents.count)
    var logScaleGradient = latentGradient
    var logGainGradient = [Double](repeating: 0, count: channels)
    var logInverseGainGradient = logGainGradient
    for index in latents.indices {
      let channel = (index / planeSize) % channels
      let gainedGradient =
        decoderGradient[index] * inverseGains[channel]
        + latentRateGradient[index]
      latentGradient[index] = gainedGradient * gains[channel]
      let sigmaTerm = scaleGradient[index] * scales[index]
      logGainGradient[channel] +=
        Double(gainedGradient) * Double(latents[index] * gains[channel]) + Double(sigmaTerm)
      logInverseGainGradient[channel] += Double(decoderGradient[index] * decoderInput[index])
      logScaleGradient[index] = clampedLogScales[index] ? 0 : sigmaTerm * Float(M_LN2)
    }
    let offset = ratePoint * channels
    codec.logGain.gradient.withUnsafeMutableBufferPointer { gradient in
      for channel in 0..<channels { gradient[offset + channel] += Float(logGainGradient[channel]) }
    }
    codec.logInverseGain.gradient.withUnsafeMutableBufferPointer { gradient in
      for channel in 0..<channels {
        gradient[offset + channel] += Float(logInverseGainGradient[channel])
      }
    }
    return (latentGradient, logScaleGradient)
  }
}
