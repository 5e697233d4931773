import Image

/// Deterministic synthetic images for tests.
enum TestImages {
  /// A photo-like image: smooth diagonal gradients, a bright disc and a dark bar with sharp
  /// edges, and ±6 levels of seeded noise, so that codecs meet both flat areas and detail.
  ///
  /// - Parameters:
  ///   - width: Width in pixels.
  ///   - height: Height in pixels.
  ///   - layout: `.grey` or `.rgb`.
  ///   - seed: The noise seed.
  static func photoLike(
    width: Int, height: Int, layout: PixelBuffer.Layout = .rgb, seed: UInt64 = 1
  ) -> PixelBuffer {
    var generator = SplitMix64(seed: seed)
    var samples: [UInt16] = []
    samples.reserveCapacity(width * height * layout.channelCount)
    for y in 0..<height {
      for x in 0..<width {
        let u = Double(x) / Double(width)
        let v = Double(y) / Double(height)
        let dx = u - 0.65
        let dy = v - 0.4
        let inDisc = dx * dx + dy * dy < 0.04
        let inBar = u > 0.15 && u < 0.3 && v > 0.2
        for channel in 0..<layout.channelCount {
          var value = 40 + 150 * (channel == 0 ? u : channel == 1 ? v : 1 - u * v)
          if inDisc { value = 230 - 20 * Double(channel) }
          if inBar { value = 25 + 10 * Double(channel) }
          value += Double(Int(generator.next() % 13) - 6)
          samples.append(UInt16(min(255, max(0, value.rounded()))))
        }
      }
    }
    return PixelBuffer(
      width: width, height: height, layout: layout, sampleDepth: .eight, samples: samples)
  }

  /// An image of one colour.
  static func solid(
    width: Int, height: Int, layout: PixelBuffer.Layout, value: UInt16,
    depth: PixelBuffer.SampleDepth = .eight
  ) -> PixelBuffer {
    PixelBuffer(width: width, height: height, layout: layout, sampleDepth: depth, value: value)
  }
}
