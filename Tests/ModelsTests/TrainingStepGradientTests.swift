import NumericCore
import Testing

@testable import Models

@Suite("Training step gradients")
struct TrainingStepGradientTests {
  /// Smooth architectures (ELU, linear, convolution and GDN layers: no kinks), each with a
  /// distortion.
  static let cases: [(DigitArchitecture, FactorizedCodec.Distortion)] = [
    (.dense(hidden: [5], latent: 3, activation: .elu, latentActivation: .linear), .mse),
    (
      .dense(hidden: [5], latent: 3, activation: .elu, latentActivation: .linear),
      .binaryCrossEntropy
    ),
    (.conv(channels: 2, latentChannels: 2), .mse),
  ]

  /// The gradient of `D + λ R` that `trainingStep` accumulates, for every parameter of the
  /// encoder, decoder and prior, against central differences of the loss it reports.
  ///
  /// The quantization noise comes from a generator reset to the same seed for every
  /// evaluation, so the loss is a smooth function of the weights. Tolerance: 2e-4 absolute
  /// plus 2e-2 relative; the loss is computed in Float (about 1e-8 absolute), which a step
  /// of 1e-2 turns into about 1e-6 in the quotient, and the truncation error at that step
  /// is near 1e-5 relative.
  @Test("every parameter's gradient matches finite differences of the loss", arguments: cases)
  func gradientsMatchFiniteDifferences(
    architecture: DigitArchitecture, distortion: FactorizedCodec.Distortion
  ) {
    var generator = SeededGenerator(seed: 17)
    let codec = FactorizedCodec(
      architecture: architecture, height: 4, width: 4, distortion: distortion,
      generator: &generator)
    // Larger encoder weights spread the latents over several integers.
    for (_, parameter) in codec.encoder.parameters {
      parameter.value = Tensor(
        shape: parameter.shape, scalars: parameter.value.scalars.map { $0 * 3 })
    }
    let images = randomImages(count: 3, height: 4, width: 4, seed: 18)
    let lambda = 0.02

    func loss() -> Double {
      var noise = SeededGenerator(seed: 19)
      return codec.trainingStep(images: images, lambda: lambda, generator: &noise).loss
    }
    codec.parameters.forEach { $0.parameter.zeroGradient() }
    let baseline = loss()
    #expect(baseline > 0)
    let analytic = codec.parameters.map { $0.parameter.gradient.scalars }

    var largest = 0.0
    for (index, (name, parameter)) in codec.parameters.enumerated() {
      let original = parameter.value.scalars
      for element in original.indices {
        let numeric = centralDifference(at: original[element], relativeStep: 1e-2) { value in
          var moved = original
          moved[element] = value
          parameter.value = Tensor(shape: parameter.shape, scalars: moved)
          return loss()
        }
        parameter.value = Tensor(shape: parameter.shape, scalars: original)
        let value = Double(analytic[index][element])
        largest = max(largest, abs(numeric))
        #expect(
          isClose(value, numeric, absolute: 2e-4, relative: 2e-2),
          "\(name)[\(element)]: analytic \(value), numeric \(numeric)")
      }
    }
    // The check means something only if some gradients are well above the absolute
    // tolerance: at least twenty times it.
    #expect(largest > 20 * 2e-4)
  }
}
