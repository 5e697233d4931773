import Foundation
import Models
import NumericCore

/// Small photo codecs and images that keep the photo tests fast.
enum PhotoFixtures {
  /// `N = 8`, `M = 12`, three rate points and the standard 64-scale table.
  static let architecture = PhotoArchitecture(
    featureChannels: 8, latentChannels: 12,
    ratePoints: [
      .init(quality: 0, lambda: 0.004), .init(quality: 50, lambda: 0.02),
      .init(quality: 100, lambda: 0.1),
    ])

  /// A freshly initialised small codec, optionally with its entropy model derived.
  static func codec(seed: UInt64 = 7, prepared: Bool = true) throws -> PhotoCodec {
    var generator = SeededGenerator(seed: seed)
    let codec = PhotoCodec(architecture: architecture, generator: &generator)
    if prepared { try codec.updateEntropyModel() }
    return codec
  }

  /// RGB planes `[3, height, width]` in [0, 1]: smooth colour gradients plus seeded noise of
  /// amplitude `noise`, so the image has both structure and detail.
  static func image(height: Int, width: Int, seed: UInt64, noise: Float = 0.1) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    var planes = [Float](repeating: 0, count: 3 * height * width)
    for channel in 0..<3 {
      for row in 0..<height {
        for column in 0..<width {
          let x = Float(column) / Float(width)
          let y = Float(row) / Float(height)
          let base = 0.5 + 0.35 * sin(6 * x + 2 * Float(channel)) * cos(4 * y - Float(channel))
          let value = base + noise * (generator.nextUnitFloat() - 0.5)
          planes[(channel * height + row) * width + column] = min(max(value, 0), 1)
        }
      }
    }
    return planes
  }
}
