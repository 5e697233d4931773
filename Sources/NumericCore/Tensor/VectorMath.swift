/// Branch-free Float32 math on eight lanes at a time, for the elementwise loops of layers and
/// losses.
///
/// The C kernels cover matrix work; the remaining elementwise transcendentals run here, in
/// Swift, where the compiler targets baseline x86-64. Writing them as polynomials on
/// `SIMD8<Float>` keeps them vectorized (libm's scalar calls would not be) and makes their
/// results the same on every machine that runs the same build, since only IEEE additions,
/// multiplications and divisions are used.
enum VectorMath {
  /// Eight Float32 lanes.
  typealias Vector = SIMD8<Float>

  /// The lane count of `Vector`.
  static let width = Vector.scalarCount

  /// `e^x` for each lane, with relative error below 1.2e-7 for `x` in [-87.3, 88.3].
  ///
  /// Inputs are clamped to that range first, so large negative inputs give about 1.2e-38
  /// instead of subnormals or zero, and large positive ones give about 2.2e38 instead of
  /// infinity; NaN stays NaN. Method: `x = n ln 2 + r` with `n` the nearest integer to
  /// `x / ln 2`, so `|r| <= ln 2 / 2`; `e^r` is its Taylor polynomial of degree 7 (truncation
  /// error below 6e-9 relative), and `2^n` is built in the exponent bits.
  @inline(__always)
  static func exp(_ x: Vector) -> Vector {
    let clamped = minimum(maximum(x, Vector(repeating: -87.3)), Vector(repeating: 88.3))

    // Adding 1.5 * 2^23 rounds to the nearest integer and leaves it in the low mantissa bits.
    let roundingShift: Float = 12_582_912
    let shifted = clamped * Vector(repeating: 1.442_695_04) + Vector(repeating: roundingShift)
    let n = shifted - Vector(repeating: roundingShift)

    // ln 2 split in two so that n * ln2High is exact for |n| <= 128.
    let ln2High: Float = 0.693_359_375
    let ln2Low: Float = -2.121_944_4e-4
    let r = clamped - n * Vector(repeating: ln2High) - n * Vector(repeating: ln2Low)

    var polynomial = Vector(repeating: 1 / 5040)
    polynomial = polynomial * r + Vector(repeating: 1 / 720)
    polynomial = polynomial * r + Vector(repeating: 1 / 120)
    polynomial = polynomial * r + Vector(repeating: 1 / 24)
    polynomial = polynomial * r + Vector(repeating: 1 / 6)
    polynomial = polynomial * r + Vector(repeating: 0.5)
    polynomial = polynomial * r + Vector(repeating: 1)
    polynomial = polynomial * r + Vector(repeating: 1)

    let integerN =
      unsafeBitCast(shifted, to: SIMD8<Int32>.self)
      &- SIMD8<Int32>(repeating: Int32(bitPattern: roundingShift.bitPattern))
    let scale = unsafeBitCast((integerN &+ 127) &<< 23, to: Vector.self)
    return polynomial * scale
  }

  /// `ln(1 + x)` for lanes with `x` in [0, 1], with relative error below 2.5e-7.
  ///
  /// Uses `ln(1 + x) = 2 atanh(s)` with `s = x / (2 + x)`, which stays accurate for tiny `x`
  /// (no `1 + x` is rounded); see `doubleAtanh(_:)`.
  @inline(__always)
  static func logOnePlus(_ x: Vector) -> Vector {
    doubleAtanh(x / (2 + x))
  }

  /// `2 atanh(s) = ln((1 + s) / (1 − s))` for lanes with `s` in [0, 1/3].
  ///
  /// The odd Taylor series up to `s^13`; since `s² ≤ 1/9` the truncation error is below 1e-8
  /// relative.
  @inline(__always)
  static func doubleAtanh(_ s: Vector) -> Vector {
    let s2 = s * s
    var series = Vector(repeating: 1 / 13)
    series = series * s2 + Vector(repeating: 1 / 11)
    series = series * s2 + Vector(repeating: 1 / 9)
    series = series * s2 + Vector(repeating: 1 / 7)
    series = series * s2 + Vector(repeating: 1 / 5)
    series = series * s2 + Vector(repeating: 1 / 3)
    series = series * s2 + Vector(repeating: 1)
    return 2 * s * series
  }

  /// The logistic function `1 / (1 + e^-x)` for each lane, computed without overflow.
  @inline(__always)
  static func sigmoid(_ x: Vector) -> Vector {
    // e = e^-|x| lies in (0, 1], so neither branch can overflow.
    let e = exp(-magnitude(x))
    let reciprocal = 1 / (1 + e)
    return reciprocal.replacing(with: e * reciprocal, where: x .< 0)
  }

  /// The larger of each pair of lanes, or `a`'s lane when either is NaN.
  ///
  /// Written as a compare and select because the standard library's `pointwiseMax` is not
  /// inlined into vector code.
  @inline(__always)
  static func maximum(_ a: Vector, _ b: Vector) -> Vector {
    a.replacing(with: b, where: a .< b)
  }

  /// The smaller of each pair of lanes, or `a`'s lane when either is NaN.
  @inline(__always)
  static func minimum(_ a: Vector, _ b: Vector) -> Vector {
    a.replacing(with: b, where: b .< a)
  }

  /// The absolute value of each lane, by clearing the sign bit.
  @inline(__always)
  static func magnitude(_ x: Vector) -> Vector {
    let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self) & SIMD8(repeating: 0x7FFF_FFFF)
    return unsafeBitCast(bits, to: Vector.self)
  }

  /// Loads eight values starting at `index`, reading zeros past the end of `buffer`.
  @inline(__always)
  static func load(_ buffer: UnsafeBufferPointer<Float>, at index: Int) -> Vector {
    if index + width <= buffer.count, let base = buffer.baseAddress {
      return UnsafeRawPointer(base + index).loadUnaligned(as: Vector.self)
    }
    var result = Vector()
    for lane in 0..<(buffer.count - index) { result[lane] = buffer[index + lane] }
    return result
  }

  /// Stores the lanes of `vector` from `index` on, dropping lanes past the end of `buffer`.
  @inline(__always)
  static func store(_ vector: Vector, _ buffer: UnsafeMutableBufferPointer<Float>, at index: Int) {
    if index + width <= buffer.count, let base = buffer.baseAddress {
      UnsafeMutableRawPointer(base + index).storeBytes(of: vector, as: Vector.self)
      return
    }
    for lane in 0..<(buffer.count - index) { buffer[index + lane] = vector[lane] }
  }

  /// A tensor of `input`'s shape holding `transform` applied to its values eight at a time,
  /// on several threads for large tensors.
  ///
  /// The transform is a generic value rather than a closure so that each use is specialized
  /// and inlined into the loop that every thread runs.
  @inline(__always)
  static func map<Transform: VectorTransform>(_ input: Tensor, _ transform: Transform) -> Tensor {
    Tensor(shape: input.shape) { output in
      input.withUnsafeBufferPointer { values in
        nonisolated(unsafe) let (values, output) = (values, output)
        Parallel.forEachChunk(count: values.count) { range in
          for index in stride(from: range.lowerBound, to: range.upperBound, by: width) {
            store(transform(load(values, at: index)), output, at: index)
          }
        }
      }
    }
  }

  /// The number of values one accumulator of eight Float lanes adds before handing its total
  /// to a Double.
  static let blockSize = 512

  /// The sum of `buffer`'s values, accumulated as `sum(_:_:)` describes.
  static func sum(_ buffer: UnsafeBufferPointer<Float>) -> Double {
    sum(0..<buffer.count) { load(buffer, at: $0) }
  }

  /// The sum over `range` of the lanes that `lanes(index)` returns for `index` stepping by 8
  /// from `range.lowerBound`; lanes at and past the end of the data must be zero.
  ///
  /// Values are added in eight Float lanes per block of `blockSize` values and the blocks in
  /// Double, so the relative rounding error stays near 64 · 2⁻²⁴ (the terms one lane adds per
  /// block) however long the range is.
  @inline(__always)
  static func sum(_ range: Range<Int>, _ lanes: (Int) -> Vector) -> Double {
    var total = 0.0
    var blockStart = range.lowerBound
    while blockStart < range.upperBound {
      let blockEnd = Swift.min(blockStart + blockSize, range.upperBound)
      var accumulator = Vector()
      var index = blockStart
      while index < blockEnd {
        accumulator += lanes(index)
        index += width
      }
      total += Double(accumulator.sum())
      blockStart = blockEnd
    }
    return total
  }
}

/// A function applied to eight lanes at a time by `VectorMath.map(_:_:)`.
protocol VectorTransform: Sendable {
  /// The transformed lanes.
  func callAsFunction(_ x: VectorMath.Vector) -> VectorMath.Vector
}
