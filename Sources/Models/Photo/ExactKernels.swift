import CKernels

/// Swift names for the exact Float64 kernel; the only file of the photo codec that imports C.
enum ExactKernels {
  /// Computes `c = a * b` for row-major Float64 matrices of exact integers (`aez_dgemm`).
  ///
  /// `a` is `rows x inner`, `b` is `inner x columns` and `c` is `rows x columns`, all dense.
  /// The result is exact, and so identical on every kernel path and thread count, as long as
  /// `Σ_k |a(i, k)| · |b(k, j)| < 2^53` for every output; the caller guarantees that bound.
  ///
  /// - Complexity: O(`rows * columns * inner`).
  static func multiply(
    rows: Int, columns: Int, inner: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
    into c: UnsafeMutablePointer<Double>
  ) {
    aez_dgemm(
      Int64(rows), Int64(columns), Int64(inner), a, Int64(inner), b, Int64(columns), c,
      Int64(columns))
  }
}
