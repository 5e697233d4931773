import Decoder

/// Searches the quality scale for a file size or a reconstruction quality.
///
/// Both searches bisect the quality in hundredths, the precision a file records, and assume
/// what they measure grows with the quality, which the photo model's interpolated gains give
/// in practice.
enum RateSearch {
  /// The candidate whose size is nearest `bits` (by ratio), or the smallest or largest
  /// candidate when `bits` is out of their range.
  ///
  /// - Parameters:
  ///   - bits: The size to aim for.
  ///   - candidate: Codes the image at a quality in hundredths.
  ///   - size: The size in bits of a candidate.
  /// - Complexity: About 15 calls of `candidate` and `size`.
  static func nearestSize(
    bits target: Double, candidate: (Int) throws -> ContainerEntry,
    size: (ContainerEntry) throws -> Int
  ) throws -> ContainerEntry {
    var low = (hundredths: 0, entry: try candidate(0))
    var lowSize = Double(try size(low.entry))
    guard lowSize < target else { return low.entry }
    let maximum = ContainerImageHeader.maximumQualityHundredths
    var high = (hundredths: maximum, entry: try candidate(maximum))
    var highSize = Double(try size(high.entry))
    guard highSize > target else { return high.entry }

    while high.hundredths - low.hundredths > 1 {
      let middle = (low.hundredths + high.hundredths) / 2
      let entry = try candidate(middle)
      let middleSize = Double(try size(entry))
      if middleSize <= target {
        (low, lowSize) = ((middle, entry), middleSize)
      } else {
        (high, highSize) = ((middle, entry), middleSize)
      }
    }
    return target / lowSize <= highSize / target ? low.entry : high.entry
  }

  /// The candidate at the lowest quality, to a quarter of a point, whose measure reaches
  /// `goal`, or the highest quality's candidate when none does.
  ///
  /// - Parameters:
  ///   - goal: The measure to reach, such as a PSNR.
  ///   - candidate: Codes the image at a quality in hundredths.
  ///   - measure: The measure of a candidate, such as its PSNR after decoding.
  /// - Complexity: About 11 calls of `candidate` and `measure`.
  static func lowestReaching(
    _ goal: Double, candidate: (Int) throws -> ContainerEntry,
    measure: (ContainerEntry) throws -> Double
  ) throws -> ContainerEntry {
    let maximum = ContainerImageHeader.maximumQualityHundredths
    var high = (hundredths: maximum, entry: try candidate(maximum))
    guard try measure(high.entry) >= goal else { return high.entry }
    let lowest = try candidate(0)
    guard try measure(lowest) < goal else { return lowest }

    var low = 0
    while high.hundredths - low > 25 {
      let middle = (low + high.hundredths) / 2
      let entry = try candidate(middle)
      if try measure(entry) >= goal {
        high = (middle, entry)
      } else {
        low = middle
      }
    }
    return high.entry
  }
}
