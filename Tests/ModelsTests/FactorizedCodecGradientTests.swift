import NumericCore
import Testing

@testable import Models

@Suite("Factorized codec gradients")
struct FactorizedCodecGradientTests {
  /// The training step's parameter gradients match central differences of its distortion, for
  /// each architecture, on a batch of several images.
  @Test(arguments: [
    DigitArchitecture.dense(hidden: [5], latent: 3, activation: .relu, latentActivation: .linear),
    .conv(channels: 3, latentChannels: 2),
  ])
  func trainingStepGradientsMatchFiniteDifferences(architecture: DigitArchitecture) throws {
    var generator = SeededGenerator(seed: 11)
    let codec = FactorizedCodec(
      architecture: architecture, height: 12, width: 12, distortion: .mse,
      generator: &generator)
    let images = randomImages(count: 3, height: 12, width: 12, seed: 12)
    for (_, parameter) in codec.parameters { parameter.zeroGradient() }
    var stepGenerator = SeededGenerator(seed: 13)
    _ = codec.trainingStep(images: images, lambda: 0, generator: &stepGenerator)
    // Read before any difference is taken: each evaluation below accumulates more gradient.
    let gradients = codec.parameters.map { $0.parameter.gradient.scalars }

    func distortion() -> Double {
      var unused = SeededGenerator(seed: 13)
      let figures = codec.trainingStep(images: images, lambda: 0, generator: &unused)
      return figures.distortion
    }
    var checked = 0
    for ((name, parameter), analytic) in zip(codec.parameters, gradients)
    where !name.hasPrefix("prior") {
      var values = parameter.value.scalars
      for index in stride(from: 0, to: values.count, by: max(1, values.count / 4)) {
        let original = values[index]
        let numeric = centralDifference(at: original, relativeStep: 1e-2) { value in
          values[index] = value
          parameter.value = Tensor(shape: parameter.shape, scalars: values)
          return distortion()
        }
        values[index] = original
        parameter.value = Tensor(shape: parameter.shape, scalars: values)
        #expect(
          isClose(Double(analytic[index]), numeric, absolute: 1e-5, relative: 0.05),
          "\(name)[\(index)]: analytic \(analytic[index]), numeric \(numeric)")
        checked += 1
      }
    }
    #expect(checked > 10)
  }
}
