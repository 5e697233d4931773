import EntropyCoding

/// A reason the integer entropy model cannot be derived from the current weights.
public enum PhotoEntropyModelError: Error, Equatable, CustomStringConvertible, Sendable {
  /// A layer of the integer hyper-synthesis would leave the exact range of Float64, or a
  /// weight does not fit 32 bits, even with the smallest allowed activation limit.
  case integerRangeExceeded(layer: Int, reason: String)
  /// A coding table cannot be built (a distribution too wide for 16-bit precision).
  case tableConstruction(EntropyCodingError)

  /// A readable explanation naming the offending value.
  public var description: String {
    switch self {
    case .integerRangeExceeded(let layer, let reason):
      return "hyper-synthesis layer \(layer) cannot run in exact integers: \(reason)"
    case .tableConstruction(let error):
      return "a coding table cannot be built: \(error)"
    }
  }
}
