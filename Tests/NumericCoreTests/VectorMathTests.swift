import Foundation
import Testing

@testable import NumericCore

@Suite struct VectorMathTests {
  /// The largest relative error of `approximation` against `exact` over `inputs`.
  static func worstRelativeError(
    _ inputs: [Float], _ approximation: (VectorMath.Vector) -> VectorMath.Vector,
    _ exact: (Double) -> Double
  ) -> Double {
    var worst = 0.0
    for start in stride(from: 0, to: inputs.count, by: 8) {
      var lanes = VectorMath.Vector()
      for lane in 0..<8 { lanes[lane] = inputs[min(start + lane, inputs.count - 1)] }
      let result = approximation(lanes)
      for lane in 0..<8 {
        let expected = exact(Double(lanes[lane]))
        worst = max(worst, abs(Double(result[lane]) - expected) / expected)
      }
    }
    return worst
  }

  /// The documented bound, about one unit in the last place, over the whole clamped range.
  @Test func expIsAccurate() {
    let inputs = stride(from: Float(-87.3), through: 88.3, by: 0.0137).map { $0 }
    let error = Self.worstRelativeError(inputs, VectorMath.exp) { Foundation.exp($0) }
    #expect(error <= 1.2e-7)
  }

  @Test func expClampsInsteadOfOverflowing() {
    let result = VectorMath.exp(VectorMath.Vector(-1000, -100, 100, 1000, 0, 1, -1, .nan))
    #expect((0..<7).allSatisfy { result[$0].isFinite && result[$0] > 0 })
    #expect(result[4] == 1)
    #expect(result[7].isNaN)
  }

  @Test func logOnePlusIsAccurate() {
    let inputs = stride(from: Float(1e-9), through: 1, by: 0.000_97).map { $0 } + [1e-20, 1e-30, 1]
    let error = Self.worstRelativeError(inputs, VectorMath.logOnePlus) { Foundation.log1p($0) }
    #expect(error <= 2.5e-7)
  }

  @Test func sumOfManyValuesKeepsPrecision() {
    let values = [Float](repeating: 0.1, count: 100_003)
    let sum = values.withUnsafeBufferPointer { VectorMath.sum($0) }
    // Float(0.1) is 0.100000001490116, and the Double sum of 100,003 of them 10,000.300149.
    #expect(abs(sum - 10_000.300_149) <= 1e-6 * 10_000)
  }
}
