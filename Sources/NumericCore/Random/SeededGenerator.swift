#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A seeded pseudo-random generator (xoshiro256**), so initialization, shuffling and noise are
/// reproducible from a seed.
///
/// The 256-bit state is filled from the seed by SplitMix64, as the xoshiro authors recommend,
/// which never yields the all-zero state. The sampling methods below use only this type's own
/// arithmetic, so their sequences do not depend on the standard library's algorithms.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
  /// The four words of generator state; saving and restoring them resumes the sequence.
  public internal(set) var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates a generator whose sequence is determined by `seed`.
  public init(seed: UInt64) {
    var splitMix = seed
    func nextSplitMix() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var z = splitMix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
  }

  /// Creates a generator that continues from a saved `state`, which must not be all zero.
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    precondition(
      state.0 | state.1 | state.2 | state.3 != 0, "the all-zero state never leaves zero")
    self.state = state
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, by: 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotateLeft(state.3, by: 45)
    return result
  }

  /// A uniform Float in [0, 1), a multiple of 2^-24.
  public mutating func nextUnitFloat() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// A uniform Float in `range`: `lowerBound + u * (upperBound - lowerBound)` for `u` in [0, 1).
  ///
  /// Rounding can rarely give `upperBound` itself.
  public mutating func uniform(in range: Range<Float>) -> Float {
    range.lowerBound + nextUnitFloat() * (range.upperBound - range.lowerBound)
  }

  /// A normally distributed Float, by the Box-Muller transform in Double precision.
  ///
  /// - Parameters:
  ///   - mean: The distribution's mean.
  ///   - standardDeviation: The distribution's standard deviation.
  public mutating func normal(mean: Float = 0, standardDeviation: Float = 1) -> Float {
    // u1 in (0, 1] keeps the logarithm finite; each call uses two draws and one of the pair.
    let u1 = (Double(next() >> 11) + 1) * 0x1p-53
    let u2 = Double(next() >> 11) * 0x1p-53
    let radius = (-2 * log(u1)).squareRoot()
    return mean + standardDeviation * Float(radius * cos(2 * Double.pi * u2))
  }

  /// A uniform integer in `0..<bound`, without modulo bias (Lemire's multiply-and-reject).
  public mutating func nextIndex(below bound: Int) -> Int {
    precondition(bound > 0, "the bound must be positive")
    let limit = UInt64(bound)
    var product = next().multipliedFullWidth(by: limit)
    if product.low < limit {
      let threshold = (0 &- limit) % limit
      while product.low < threshold {
        product = next().multipliedFullWidth(by: limit)
      }
    }
    return Int(product.high)
  }

  /// Shuffles `elements` in place (Fisher-Yates), using this generator's own draws.
  public mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    for index in stride(from: elements.count - 1, to: 0, by: -1) {
      elements.swapAt(index, nextIndex(below: index + 1))
    }
  }

  /// Two generators are equal when their states are, so they will produce the same sequence.
  public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool {
    lhs.state == rhs.state
  }

  private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
    (value << amount) | (value >> (64 - amount))
  }
}
