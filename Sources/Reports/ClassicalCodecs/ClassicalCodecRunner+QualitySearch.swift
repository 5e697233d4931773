import Image

/// The quality a search settled on and the round trip at that quality.
public struct QualitySearchResult: Sendable {
  /// The rate that was asked for, in bits per pixel.
  public var targetBitsPerPixel: Double
  /// The encode and decode at the chosen quality.
  public var result: ClassicalCodecResult
  /// Every quality encoded during the search and the rate it gave, in the order tried.
  public var tried: [(quality: Int, bitsPerPixel: Double)]
}

extension ClassicalCodecRunner {
  /// Finds the quality whose file size is closest to `targetBitsPerPixel`, then encodes and
  /// decodes at it.
  ///
  /// Bisection over the codec's integer quality range for the lowest quality whose rate
  /// reaches the target, then the closer of that quality and the one below it; ties go to
  /// the smaller file. It assumes the rate grows with quality, which holds for these
  /// encoders up to small wobbles; a wobble can make the choice one step off the true
  /// optimum but never leaves the range. Targets below the lowest quality's rate give the
  /// lowest quality, targets above the highest give the highest.
  ///
  /// - Parameters:
  ///   - codec: The codec to search.
  ///   - targetBitsPerPixel: The wanted rate, positive.
  ///   - image: The image to compress.
  /// - Throws: `ClassicalCodecError`, as `run(_:quality:on:)`.
  /// - Complexity: About log₂(range size) + 3 encoder runs (10 for 0...100: the search, the
  ///   neighbour, and a timed final encode) and one decoder run; the input is written once.
  public func searchQuality(
    _ codec: ClassicalCodec, targetBitsPerPixel: Double, on image: PixelBuffer
  ) throws -> QualitySearchResult {
    precondition(targetBitsPerPixel > 0 && targetBitsPerPixel.isFinite, "target must be > 0")
    let session = try CodecSession(codec: codec, image: image, runner: self)
    defer { session.removeFiles() }
    let pixels = Double(session.reference.pixelCount)

    var tried: [(quality: Int, bitsPerPixel: Double)] = []
    var cache: [Int: Double] = [:]
    func rate(_ quality: Int) throws -> Double {
      if let known = cache[quality] { return known }
      let bits = Double(try session.encode(quality: quality).byteCount * 8) / pixels
      cache[quality] = bits
      tried.append((quality, bits))
      return bits
    }

    // Invariant: every quality below `low` stays under the target; `high` reaches it or is
    // the top of the range.
    var low = codec.qualityRange.lowerBound
    var high = codec.qualityRange.upperBound
    while low < high {
      let middle = low + (high - low) / 2
      if try rate(middle) >= targetBitsPerPixel {
        high = middle
      } else {
        low = middle + 1
      }
    }
    var best = low
    if low > codec.qualityRange.lowerBound {
      let below = low - 1
      let distanceBelow = abs(try rate(below) - targetBitsPerPixel)
      let distanceHere = abs(try rate(low) - targetBitsPerPixel)
      if distanceBelow <= distanceHere { best = below }
    }

    let result = try session.roundTrip(quality: best)
    return QualitySearchResult(
      targetBitsPerPixel: targetBitsPerPixel, result: result, tried: tried)
  }
}
