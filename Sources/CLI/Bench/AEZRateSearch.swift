import Codec

/// Finds the aez setting whose file for one image comes nearest a wanted rate.
enum AEZRateSearch {
  /// Codes `input` at the setting of `models` whose file size is nearest
  /// `targetBitsPerPixel`; on a tie, the smaller file.
  ///
  /// A fixed-rate family is tried member by member. A continuous-quality model is searched
  /// over the whole qualities 0...100 by bisection for the lowest quality whose rate reaches
  /// the target, then that quality and the one below are compared; this assumes the rate
  /// grows with quality, as training makes it, and a small wobble can only make the choice
  /// one step off.
  ///
  /// - Parameters:
  ///   - targetBitsPerPixel: The wanted rate, positive.
  ///   - models: The models to choose among.
  ///   - input: The image.
  ///   - worker: Codes the trials.
  /// - Throws: `CodingError`, `ContainerError`, `ImageQualityError`.
  /// - Complexity: One round trip per member of a fixed-rate family; about 9 for a
  ///   continuous-quality model.
  static func nearest(
    targetBitsPerPixel: Double, models: AEZModels, input: InputImage, worker: BenchWorker
  ) throws -> AEZRoundTrip {
    precondition(targetBitsPerPixel > 0 && targetBitsPerPixel.isFinite, "target must be > 0")
    guard models.isContinuous else {
      let trials = try models.sweep(qualities: nil).map { try worker.roundTrip($0, on: input) }
      return closest(trials, to: targetBitsPerPixel)
    }

    var cache: [Int: AEZRoundTrip] = [:]
    func trial(_ quality: Int) throws -> AEZRoundTrip {
      if let known = cache[quality] { return known }
      let result = try worker.roundTrip(models.setting(for: Double(quality)), on: input)
      cache[quality] = result
      return result
    }
    // Invariant: every quality below `low` gives less than the target; `high` reaches it
    // or is 100.
    var low = 0
    var high = 100
    while low < high {
      let middle = low + (high - low) / 2
      if try trial(middle).measurement.bitsPerPixel >= targetBitsPerPixel {
        high = middle
      } else {
        low = middle + 1
      }
    }
    let candidates = low > 0 ? [try trial(low - 1), try trial(low)] : [try trial(low)]
    return closest(candidates, to: targetBitsPerPixel)
  }

  /// The trial nearest `target` in rate; the smaller file on a tie.
  private static func closest(_ trials: [AEZRoundTrip], to target: Double) -> AEZRoundTrip {
    precondition(!trials.isEmpty, "at least one trial")
    return trials.min { first, second in
      let firstDistance = abs(first.measurement.bitsPerPixel - target)
      let secondDistance = abs(second.measurement.bitsPerPixel - target)
      if firstDistance != secondDistance { return firstDistance < secondDistance }
      return first.fileByteCount < second.fileByteCount
    } ?? trials[0]
  }
}
