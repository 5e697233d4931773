import EntropyCoding
import Foundation
import NumericCore

/// A codec for small grey images: an encoder to a latent code, a factorized prior over the
/// code, and a decoder back to pixels.
///
/// Images are NCHW tensors `[batch, 1, height, width]` with values in [0, 1]. Latents are
/// `[batch, latent]` for the dense architecture and `[batch, channels, height/4, width/4]`
/// for the convolutional one. Training minimises `D + λ R`, where `D` is the distortion per
/// pixel (mean squared error or binary cross-entropy, averaged over pixels and batch) and `R`
/// the estimated bits per image, with uniform noise in `(−½, ½)` standing in for rounding
/// (Balle et al. 2017). With `λ = 0` no noise is added and the model is a plain autoencoder.
public final class FactorizedCodec {
  /// The distortion a model is trained to minimise.
  public enum Distortion: String, Sendable, CaseIterable {
    case mse
    case binaryCrossEntropy = "bce"
  }

  /// The layer structure.
  public let architecture: DigitArchitecture
  /// The image height the model was built for.
  public let height: Int
  /// The image width the model was built for.
  public let width: Int
  /// The distortion the model is trained for.
  public let distortion: Distortion
  /// Maps images to latents.
  public let encoder: Sequential
  /// Maps latents to logits of pixel values.
  public let decoder: Sequential
  /// The prior over latents.
  public let prior: FactorizedPrior

  /// Creates a model with freshly initialised weights.
  public init(
    architecture: DigitArchitecture, height: Int, width: Int, distortion: Distortion,
    generator: inout SeededGenerator
  ) {
    self.architecture = architecture
    self.height = height
    self.width = width
    self.distortion = distortion
    (encoder, decoder) = architecture.makeNetworks(
      height: height, width: width, generator: &generator)
    prior = FactorizedPrior(channels: architecture.latentChannels, generator: &generator)
  }

  /// Every parameter, named `encoder.…`, `decoder.…` and `prior.…`.
  public var parameters: [(name: String, parameter: Parameter)] {
    encoder.parameters.map { ("encoder." + $0.name, $0.parameter) }
      + decoder.parameters.map { ("decoder." + $0.name, $0.parameter) }
      + prior.parameters.map { ("prior." + $0.name, $0.parameter) }
  }

  /// The shape of one image's latent code.
  public var latentShape: [Int] {
    switch architecture {
    case .dense(_, let latent, _, _): return [latent]
    case .conv(_, let latentChannels): return [latentChannels, (height + 3) / 4, (width + 3) / 4]
    }
  }

  /// The figures of one training step, averaged over the batch.
  public struct StepFigures: Sendable {
    /// The loss minimised, `D + λ R`.
    public var loss: Double
    /// The distortion term `D`.
    public var distortion: Double
    /// The estimated bits per image.
    public var bitsPerImage: Double
  }

  /// Runs one forward and backward pass on `images`, accumulating gradients.
  ///
  /// - Parameters:
  ///   - images: A batch `[batch, 1, height, width]` in [0, 1].
  ///   - lambda: The weight of the rate; 0 trains a plain autoencoder.
  ///   - generator: The source of the quantization noise.
  public func trainingStep(
    images: Tensor, lambda: Double, generator: inout SeededGenerator
  ) -> StepFigures {
    let batch = images.shape[0]
    var latents = encoder.forward(flattenedIfDense(images))
    if lambda > 0 {
      latents.withUnsafeMutableBufferPointer { buffer in
        for index in buffer.indices { buffer[index] += generator.uniform(in: -0.5..<0.5) }
      }
    }
    let logits = decoder.forward(latents).reshaped(to: images.shape)
    let (distortionValue, logitGradient) = distortionAndGradient(
      logits: logits, images: images)
    var bits = 0.0
    var latentGradient = decoder.backward(logitGradient.reshaped(to: decoderOutputShape(batch)))
    if lambda > 0 {
      let rate = prior.rate(latents: latents, scale: lambda / Double(batch))
      bits = rate.bits / Double(batch)
      latentGradient += rate.gradient
    }
    encoder.backwardParameters(latentGradient)
    return StepFigures(
      loss: distortionValue + lambda * bits, distortion: distortionValue,
      bitsPerImage: bits)
  }

  /// The rounded latents of `images`, image after image in `latentShape` order.
  public func quantizedLatents(of images: Tensor) -> [Int32] {
    encoder.infer(flattenedIfDense(images)).scalars.map { Int32(clamping: Int($0.rounded())) }
  }

  /// Reconstructs images from their quantized latents.
  ///
  /// - Parameters:
  ///   - latents: The latents of `count` images, each in `latentShape` order.
  ///   - count: The number of images.
  /// - Returns: `[count, 1, height, width]` in [0, 1].
  public func reconstruct(latents: [Int32], count: Int) -> Tensor {
    let input = Tensor(shape: [count] + latentShape, scalars: latents.map(Float.init))
    return Sigmoid().infer(decoder.infer(input)).reshaped(to: [count, 1, height, width])
  }

  private func flattenedIfDense(_ images: Tensor) -> Tensor {
    guard case .dense = architecture else { return images }
    return images.reshaped(to: [images.shape[0], height * width])
  }

  private func decoderOutputShape(_ batch: Int) -> [Int] {
    guard case .dense = architecture else { return [batch, 1, height, width] }
    return [batch, height * width]
  }

  private func distortionAndGradient(
    logits: Tensor, images: Tensor
  ) -> (value: Double, gradient: Tensor) {
    switch distortion {
    case .binaryCrossEntropy:
      let (value, gradient) = binaryCrossEntropy(logits: logits, targets: images)
      return (Double(value), gradient)
    case .mse:
      // D = mean((σ(z) − x)²); dD/dz = dD/dσ · σ (1 − σ).
      let probabilities = Sigmoid().infer(logits)
      let (value, gradient) = meanSquaredError(predictions: probabilities, targets: images)
      let logitGradient = Tensor(shape: logits.shape) { output in
        probabilities.withUnsafeBufferPointer { p in
          gradient.withUnsafeBufferPointer { g in
            for index in output.indices { output[index] = g[index] * p[index] * (1 - p[index]) }
          }
        }
      }
      return (Double(value), logitGradient)
    }
  }
}
