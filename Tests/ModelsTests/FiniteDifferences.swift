import NumericCore

/// The central difference `(f(x + h) − f(x − h)) / (x₊ − x₋)` of a function of a Float,
/// evaluated in Double.
///
/// The divisor is the distance between the two Float arguments actually used, so the
/// rounding of `x ± h` to Float does not bias the quotient. `h` is `relativeStep` times
/// `max(1, |x|)`; the truncation error is `O(h²)`.
func centralDifference(
  at value: Float, relativeStep: Float = 1e-3, _ function: (Float) -> Double
) -> Double {
  let step = relativeStep * max(1, abs(value))
  let plus = value + step
  let minus = value - step
  return (function(plus) - function(minus)) / (Double(plus) - Double(minus))
}

/// Whether `analytic` matches `numeric` within `absolute + relative · |numeric|`.
func isClose(
  _ analytic: Double, _ numeric: Double, absolute: Double, relative: Double
) -> Bool {
  abs(analytic - numeric) <= absolute + relative * abs(numeric)
}

extension SeededGenerator {
  /// `count` uniform Floats in `range`.
  mutating func floats(_ count: Int, in range: Range<Float>) -> [Float] {
    (0..<count).map { _ in uniform(in: range) }
  }
}
