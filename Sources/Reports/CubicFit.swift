import Foundation

/// A least-squares cubic polynomial `y ≈ c₀ + c₁t + c₂t² + c₃t³` in the normalised variable
/// `t = (x - center) / scale`, which maps the data's x range onto -1...1.
///
/// Normalising keeps the Vandermonde columns of comparable size, so the fit stays accurate
/// for raw PSNR values near 40, whose fourth powers would otherwise dwarf the constant
/// column. The system is solved by a QR factorisation (modified Gram–Schmidt) rather than
/// normal equations, which would square its condition number.
struct CubicFit {
  /// Coefficients c₀…c₃ of the polynomial in `t`.
  let coefficients: [Double]
  let center: Double
  let scale: Double

  /// Fits the points `(x[i], y[i])`.
  ///
  /// - Throws: `BjontegaardError.tooFewDistinctValues` when fewer than four distinct x values
  ///   exist, naming `curve` and `axis`.
  /// - Complexity: O(n) for n points.
  init(x: [Double], y: [Double], curve: String, axis: String) throws {
    precondition(x.count == y.count, "x and y differ in length")
    let low = x.min() ?? 0
    let high = x.max() ?? 0
    let center = (low + high) / 2
    let scale = (high - low) / 2
    guard scale > 0 else {
      throw BjontegaardError.tooFewDistinctValues(curve: curve, axis: axis)
    }
    self.center = center
    self.scale = scale

    let t = x.map { ($0 - center) / scale }
    // Columns of the Vandermonde matrix: t⁰, t¹, t², t³.
    var q: [[Double]] = (0..<4).map { power in t.map { pow($0, Double(power)) } }
    var r = [[Double]](repeating: [Double](repeating: 0, count: 4), count: 4)
    for j in 0..<4 {
      let originalNorm = Self.norm(q[j])
      for i in 0..<j {
        let projection = Self.dot(q[i], q[j])
        r[i][j] = projection
        for k in q[j].indices { q[j][k] -= projection * q[i][k] }
      }
      let remaining = Self.norm(q[j])
      // A column that is (numerically) a combination of the earlier ones means fewer than
      // four distinct abscissae: the cubic is not determined.
      guard remaining > 1e-9 * max(originalNorm, 1) else {
        throw BjontegaardError.tooFewDistinctValues(curve: curve, axis: axis)
      }
      r[j][j] = remaining
      for k in q[j].indices { q[j][k] /= remaining }
    }

    // Solve R c = Qᵀ y by back substitution.
    var solution = (0..<4).map { Self.dot(q[$0], y) }
    for j in stride(from: 3, through: 0, by: -1) {
      for i in (j + 1)..<4 { solution[j] -= r[j][i] * solution[i] }
      solution[j] /= r[j][j]
    }
    coefficients = solution
  }

  /// The polynomial's value at `x`.
  func value(at x: Double) -> Double {
    let t = (x - center) / scale
    return coefficients[0] + t * (coefficients[1] + t * (coefficients[2] + t * coefficients[3]))
  }

  /// The mean of the polynomial over `interval`: `(1 / (b - a)) ∫ₐᵇ p(x) dx`.
  ///
  /// With `x = center + scale·t`, `∫ p dx = scale · [C(t)]` where
  /// `C(t) = c₀t + c₁t²/2 + c₂t³/3 + c₃t⁴/4`.
  func average(over interval: ClosedRange<Double>) -> Double {
    let width = interval.upperBound - interval.lowerBound
    precondition(width > 0, "averaging over an empty interval")
    func antiderivative(_ x: Double) -> Double {
      let t = (x - center) / scale
      let c = coefficients
      return t * (c[0] + t * (c[1] / 2 + t * (c[2] / 3 + t * c[3] / 4)))
    }
    let integral =
      scale
      * (antiderivative(interval.upperBound)
        - antiderivative(interval.lowerBound))
    return integral / width
  }

  private static func dot(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
  }

  private static func norm(_ a: [Double]) -> Double {
    dot(a, a).squareRoot()
  }
}
