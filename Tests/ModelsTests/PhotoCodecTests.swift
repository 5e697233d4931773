import Foundation
import NumericCore
import Testing

@testable import Models

@Suite struct PhotoCodecTests {
  struct Size: CustomTestStringConvertible, Sendable {
    var height: Int
    var width: Int
    var testDescription: String { "\(width)x\(height)" }
  }

  @Test(arguments: [Size(height: 64, width: 64), Size(height: 128, width: 192)])
  func shapesFollowTheStrides(_ size: Size) throws {
    let codec = try PhotoFixtures.codec(prepared: false)
    let (n, m) = (8, 12)
    let image = Tensor(
      shape: [2, 3, size.height, size.width],
      scalars: PhotoFixtures.image(height: size.height, width: size.width, seed: 1)
        + PhotoFixtures.image(height: size.height, width: size.width, seed: 2))
    let latents = codec.analysis.infer(image)
    #expect(latents.shape == [2, m, size.height / 16, size.width / 16])
    #expect(
      Array(latents.shape.dropFirst()) == codec.latentShape(height: size.height, width: size.width))
    let hyperLatents = codec.hyperAnalysis.infer(latents)
    #expect(hyperLatents.shape == [2, n, size.height / 64, size.width / 64])
    #expect(
      Array(hyperLatents.shape.dropFirst())
        == codec.hyperLatentShape(height: size.height, width: size.width))
    #expect(codec.hyperSynthesis.infer(hyperLatents).shape == latents.shape)
    #expect(codec.synthesis.infer(latents).shape == image.shape)
  }

  @Test func parameterNamesAreUniqueAndPrefixed() throws {
    let codec = try PhotoFixtures.codec(prepared: false)
    let names = codec.parameters.map(\.name)
    #expect(Set(names).count == names.count)
    let prefixes = ["analysis.", "synthesis.", "hyperAnalysis.", "hyperSynthesis.", "prior."]
    #expect(
      names.allSatisfy { name in
        prefixes.contains { name.hasPrefix($0) } || name == "gain.log" || name == "inverseGain.log"
      })
    #expect(codec.logGain.shape == [3, 12])
  }

  @Test func gainsStartAtTheSquareRootOfTheLambdaRatio() throws {
    let codec = try PhotoFixtures.codec(prepared: false)
    let logs = codec.logGain.value.scalars
    // λ ratios between neighbours are 5, so log gains differ by ln(5) / 2.
    #expect(abs((logs[12] - logs[0]) - Float(log(5.0) / 2)) < 1e-5)
    #expect(abs(logs[0] + logs[12] + logs[24]) < 1e-5)
    #expect(codec.logInverseGain.value.scalars == logs.map { -$0 })
  }

  /// The loss of a fixed batch with a fixed noise seed falls after a few Adam steps.
  @Test func trainingStepsReduceTheLoss() throws {
    let codec = try PhotoFixtures.codec(prepared: false)
    let image = Tensor(
      shape: [1, 3, 64, 64], scalars: PhotoFixtures.image(height: 64, width: 64, seed: 3))
    func loss() -> PhotoStepFigures {
      var noise = SeededGenerator(seed: 99)
      let figures = codec.trainingStep(images: image, ratePoint: 1, generator: &noise)
      codec.parameters.forEach { $0.parameter.zeroGradient() }
      return figures
    }
    let before = loss()
    let optimizer = Adam(parameters: codec.parameters, schedule: .constant(3e-3))
    var noise = SeededGenerator(seed: 5)
    for _ in 0..<12 {
      codec.parameters.forEach { $0.parameter.zeroGradient() }
      _ = codec.trainingStep(images: image, ratePoint: 1, generator: &noise)
      optimizer.step()
    }
    let after = loss()
    #expect(before.loss.isFinite && after.loss.isFinite)
    #expect(after.loss < 0.8 * before.loss, "loss \(before.loss) → \(after.loss)")
    #expect(before.bitsPerPixel > 0 && before.hyperLatentBitsPerPixel > 0)
  }

  /// The inverse gains only scale the synthesis input, so their gradient can be checked
  /// against central differences of the loss with the noise held fixed.
  @Test func inverseGainGradientMatchesFiniteDifferences() throws {
    let codec = try PhotoFixtures.codec(prepared: false)
    let image = Tensor(
      shape: [1, 3, 64, 64], scalars: PhotoFixtures.image(height: 64, width: 64, seed: 4))
    func loss() -> Double {
      var noise = SeededGenerator(seed: 11)
      let value = codec.trainingStep(images: image, ratePoint: 2, generator: &noise).loss
      codec.parameters.forEach { $0.parameter.zeroGradient() }
      return value
    }
    var noise = SeededGenerator(seed: 11)
    codec.parameters.forEach { $0.parameter.zeroGradient() }
    _ = codec.trainingStep(images: image, ratePoint: 2, generator: &noise)
    let analytic = codec.logInverseGain.gradient.scalars
    codec.parameters.forEach { $0.parameter.zeroGradient() }
    #expect(analytic[0..<12].allSatisfy { $0 == 0 }, "other rate points get no gradient")

    let step: Float = 1e-2
    for channel in [24, 29, 35] {
      let original = codec.logInverseGain.value
      var plus = original
      plus.withUnsafeMutableBufferPointer { $0[channel] += step }
      codec.logInverseGain.value = plus
      let upper = loss()
      var minus = original
      minus.withUnsafeMutableBufferPointer { $0[channel] -= step }
      codec.logInverseGain.value = minus
      let lower = loss()
      codec.logInverseGain.value = original
      let numeric = (upper - lower) / (2 * Double(step))
      let scale = max(abs(numeric), 1e-3)
      // Float32 networks and a 1e-2 step: agreement within 5% of the derivative.
      #expect(
        abs(Double(analytic[channel]) - numeric) <= 0.05 * scale,
        "channel \(channel): analytic \(analytic[channel]), numeric \(numeric)")
    }
  }
}
