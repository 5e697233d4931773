#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(ucrt)
  import ucrt
#endif

/// The C library's exponential and logarithms, which building tables needs.
///
/// Only table construction uses them. Their last bits may differ between C libraries, which
/// is harmless: tables are computed once, stored as integers, and only the stored integers
/// drive coding.
enum ElementaryFunctions {
  /// e^x.
  static func exponential(_ x: Double) -> Double { exp(x) }

  /// The natural logarithm of `x`.
  static func naturalLogarithm(_ x: Double) -> Double { log(x) }

  /// The base-2 logarithm of `x`.
  static func binaryLogarithm(_ x: Double) -> Double { log2(x) }
}
