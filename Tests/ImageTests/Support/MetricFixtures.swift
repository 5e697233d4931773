import Image

/// The synthetic image pairs of Fixtures/metric_references.py, rebuilt from the same integer
/// formulas so that the reference values computed there apply here exactly.
enum MetricFixtures {
  /// The distortion applied to the gradient.
  enum Distortion: Sendable {
    /// Adds `mix(x, y, c) % 31 - 15` and clamps to `0...255`.
    case noise
    /// Replaces each sample by the rounded mean of its 3 x 3 neighbourhood, edges clamped.
    case boxBlur
  }

  /// A 32-bit integer hash of a sample position (wrapping arithmetic, as `& 0xFFFFFFFF` in the
  /// script).
  static func mix(x: Int, y: Int, channel: Int) -> UInt32 {
    var hash =
      UInt32(x) &* 374_761_393 &+ UInt32(y) &* 668_265_263 &+ UInt32(channel) &* 2_246_822_519
      &+ 3_266_489_917
    hash = (hash ^ (hash >> 15)) &* 2_246_822_519
    hash = (hash ^ (hash >> 13)) &* 3_266_489_917
    return hash ^ (hash >> 16)
  }

  /// The smooth gradient with a faint block pattern, 8-bit, `width * height * channels`.
  static func gradient(width: Int, height: Int, layout: PixelBuffer.Layout) -> PixelBuffer {
    var samples = [UInt16]()
    for y in 0..<height {
      for x in 0..<width {
        for channel in 0..<layout.channelCount {
          var value = x * 160 / (width - 1) + y * 70 / (height - 1)
          value += 12 * ((x / 12 + y / 9 + channel) % 3) + 5 * channel
          samples.append(UInt16(min(255, value)))
        }
      }
    }
    return PixelBuffer(
      width: width, height: height, layout: layout, sampleDepth: .eight, samples: samples)
  }

  /// `image` with `distortion` applied.
  static func distorted(_ image: PixelBuffer, by distortion: Distortion) -> PixelBuffer {
    var result = image
    for y in 0..<image.height {
      for x in 0..<image.width {
        for channel in 0..<image.channelCount {
          switch distortion {
          case .noise:
            let offset = Int(mix(x: x, y: y, channel: channel) % 31) - 15
            result[x, y, channel] = UInt16(min(255, max(0, Int(image[x, y, channel]) + offset)))
          case .boxBlur:
            var total = 0
            for dy in -1...1 {
              for dx in -1...1 {
                let sourceX = min(image.width - 1, max(0, x + dx))
                let sourceY = min(image.height - 1, max(0, y + dy))
                total += Int(image[sourceX, sourceY, channel])
              }
            }
            result[x, y, channel] = UInt16((total + 4) / 9)
          }
        }
      }
    }
    return result
  }
}
