/// An error in the rate-quality points given to `Bjontegaard`.
public enum BjontegaardError: Error, Equatable, CustomStringConvertible {
  /// A curve has fewer than four points, too few to determine a cubic.
  case tooFewPoints(curve: String, count: Int)
  /// A point has a rate that is not positive or a value that is not finite.
  case invalidPoint(curve: String, rate: Double, quality: Double)
  /// A curve has fewer than four distinct values along `axis`, so the cubic is undetermined.
  case tooFewDistinctValues(curve: String, axis: String)
  /// The two curves share no interval along `axis` (`"quality"` or `"rate"`).
  case noOverlap(axis: String, anchor: ClosedRange<Double>, test: ClosedRange<Double>)

  /// A sentence saying what is wrong and what would fix it.
  public var description: String {
    switch self {
    case .tooFewPoints(let curve, let count):
      return "the \(curve) curve has \(count) points; Bjontegaard deltas need at least "
        + "\(Bjontegaard.minimumPointCount)"
    case .invalidPoint(let curve, let rate, let quality):
      return "the \(curve) curve has the point (rate \(rate), quality \(quality)); rates must "
        + "be positive and both values finite"
    case .tooFewDistinctValues(let curve, let axis):
      return "the \(curve) curve has fewer than \(Bjontegaard.minimumPointCount) distinct "
        + "\(axis) values, so no cubic can be fitted; measure more settings"
    case .noOverlap(let axis, let anchor, let test):
      return "the curves do not overlap in \(axis): the anchor covers \(anchor), the test "
        + "covers \(test)"
    }
  }
}
