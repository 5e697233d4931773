import EntropyCoding
import Foundation
import Models
import NumericCore

/// Measures a `FactorizedCodec` on a set of images as the codec would run: latents rounded,
/// entropy-coded with the integer tables, decoded and compared with the originals.
public struct DigitEvaluation: Sendable {
  /// The mean squared error per pixel on the [0, 1] scale.
  public var meanSquaredError: Double
  /// The mean binary cross-entropy per pixel, in nats.
  public var binaryCrossEntropy: Double
  /// The mean of per-image PSNR in dB, each capped at 100 dB for a perfect image.
  public var meanPSNR: Double
  /// The mean bits per image the prior's density assigns to the rounded latents.
  public var estimatedBitsPerImage: Double
  /// The mean bytes of the coded latents per image, times 8; NaN while the prior is still too
  /// wide to become 16-bit coding tables (early in training).
  public var payloadBitsPerImage: Double

  /// Evaluates `model` on every image of `images`, in batches of 500.
  public init(model: FactorizedCodec, images: GreyImageSet) {
    let tables = try? model.prior.tables()
    let density = model.prior.density
    let pixels = images.height * images.width
    let latentCount = model.latentShape.reduce(1, *)
    let channelOf: [Int] = (0..<latentCount).map {
      $0 / (latentCount / model.latentShape[0])
    }
    var squaredErrorSum = 0.0
    var crossEntropySum = 0.0
    var psnrSum = 0.0
    var estimatedBits = 0.0
    var payloadBits = 0.0
    for start in stride(from: 0, to: images.count, by: 500) {
      let indices = start..<min(images.count, start + 500)
      let batch = Tensor(
        shape: [indices.count, 1, images.height, images.width], scalars: images.batch(indices))
      let latents = model.quantizedLatents(of: batch)
      let reconstructions = model.reconstruct(latents: latents, count: indices.count).scalars
      let originals = batch.scalars
      for image in 0..<indices.count {
        var squaredError = 0.0
        for pixel in image * pixels..<(image + 1) * pixels {
          let x = Double(originals[pixel])
          let y = min(max(Double(reconstructions[pixel]), 1e-7), 1 - 1e-7)
          squaredError += (x - y) * (x - y)
          crossEntropySum -= x * log(y) + (1 - x) * log(1 - y)
        }
        squaredErrorSum += squaredError
        let meanSquared = squaredError / Double(pixels)
        psnrSum += meanSquared > 0 ? min(100, 10 * log10(1 / meanSquared)) : 100
        let code = Array(latents[image * latentCount..<(image + 1) * latentCount])
        for (offset, value) in code.enumerated() {
          let probability = density.probability(of: Double(value), channel: channelOf[offset])
          estimatedBits -= log2(max(probability, 1e-9))
        }
        if let tables {
          payloadBits += Double(
            LatentStream.encode(values: code, tableIndices: channelOf, tables: tables).count * 8)
        }
      }
    }
    let count = Double(images.count)
    meanSquaredError = squaredErrorSum / (count * Double(pixels))
    binaryCrossEntropy = crossEntropySum / (count * Double(pixels))
    meanPSNR = psnrSum / count
    estimatedBitsPerImage = estimatedBits / count
    payloadBitsPerImage = tables == nil ? .nan : payloadBits / count
  }
}
