import CKernels

/// Swift names for the exact Float64 kernel; the only file of the photo codec that imports C.
enum ExactKernels {
  /// Computes `c = a * b` for row-major Float64 matrices of exact integers (`aez_dgemm`).
  ///
  /// `a` is `rows x inner` (row `i` at `a + i * leadingA`), `b` is `inner x columns` (row `k`
  /// at `b + k * leadingB`) and `c` is `rows x columns` (row `i` at `c + i * leadingC`), which
  /// is only written. The result is exact, and so identical on every kernel path and thread
  /// count, as long as `Σ_k |a(i, k)| · |b(k, j)| < 2^53` for every output; the caller
  /// guarantees that bound.
  ///
  /// - Complexity: O(`rows * columns * inner`).
  static func multiply(
    rows: Int, columns: Int, inner: Int, _ a: UnsafePointer<Double>, leadingA: Int,
    _ b: UnsafePointer<Double>, leadingB: Int, into c: UnsafeMutablePointer<Double>,
    leadingC: Int
  ) {
    aez_dgemm(
      Int64(rows), Int64(columns), Int64(inner), a, Int64(leadingA), b, Int64(leadingB), c,
      Int64(leadingC))
  }
}
