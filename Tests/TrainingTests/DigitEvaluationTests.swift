import Foundation
import Models
import NumericCore
import Testing

@testable import Training

@Suite("Digit evaluation")
struct DigitEvaluationTests {
  /// A dense codec whose encoder weights are scaled up so its latents spread over several
  /// integers, as a trained model's do.
  private func spreadCodec(seed: UInt64) -> FactorizedCodec {
    var generator = SeededGenerator(seed: seed)
    let codec = FactorizedCodec(
      architecture: .dense(hidden: [12], latent: 6, activation: .relu, latentActivation: .linear),
      height: 8, width: 8, distortion: .binaryCrossEntropy, generator: &generator)
    for (_, parameter) in codec.encoder.parameters {
      parameter.value = Tensor(
        shape: parameter.shape, scalars: parameter.value.scalars.map { $0 * 5 })
    }
    return codec
  }

  @Test("the distortion figures are those of the rounded reconstructions")
  func distortionFigures() {
    let codec = spreadCodec(seed: 3)
    let images = syntheticImages(count: 7, size: 8, seed: 4)
    let evaluation = DigitEvaluation(model: codec, images: images)

    let batch = Tensor(shape: [7, 1, 8, 8], scalars: images.values)
    let latents = codec.quantizedLatents(of: batch)
    let reconstructions = codec.reconstruct(latents: latents, count: 7).scalars
    var squaredError = 0.0
    var psnrSum = 0.0
    for image in 0..<7 {
      var imageError = 0.0
      for pixel in image * 64..<(image + 1) * 64 {
        let difference = Double(images.values[pixel]) - Double(reconstructions[pixel])
        imageError += difference * difference
      }
      squaredError += imageError
      psnrSum += 10 * log10(64 / imageError)
    }
    // Reconstructions are clamped to [1e-7, 1 − 1e-7] before measuring: a relative 1e-5.
    #expect(abs(evaluation.meanSquaredError - squaredError / (7 * 64)) < 1e-5 * squaredError)
    #expect(abs(evaluation.meanPSNR - psnrSum / 7) < 1e-3)
    #expect(evaluation.binaryCrossEntropy > 0)
  }

  @Test("the coded payload costs what the density estimates, within the coder's end")
  func payloadMatchesEstimate() throws {
    let codec = spreadCodec(seed: 5)
    let images = syntheticImages(count: 30, size: 8, seed: 6)
    let evaluation = DigitEvaluation(model: codec, images: images)

    // Recompute the estimate independently from the density.
    let batch = Tensor(shape: [30, 1, 8, 8], scalars: images.values)
    let latents = codec.quantizedLatents(of: batch)
    #expect(Set(latents).count > 3)
    let density = codec.prior.density
    var bits = 0.0
    for (index, value) in latents.enumerated() {
      bits -= log2(max(density.probability(of: Double(value), channel: index % 6), 1e-9))
    }
    #expect(abs(evaluation.estimatedBitsPerImage - bits / 30) < 1e-9)
    // Each image's stream ends on a whole byte (about 4 bits on average) and the coder's
    // end costs at most about a byte more (measured: 3.5 bits per image over 36 bits).
    let excess = evaluation.payloadBitsPerImage - evaluation.estimatedBitsPerImage
    #expect(excess > 0 && excess < 16, "excess \(excess) bits per image")
  }
}
