import CKernels
import Testing

/// All kernel tests, run one at a time: they switch the process-wide dispatch path and thread
/// count, so tests running side by side would change each other's settings.
@Suite(.serialized) struct KernelsTests {}

/// A SplitMix64 generator, so every test's data is reproducible from its seed.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension SeededGenerator {
  /// `count` values uniform in [-1, 1).
  mutating func floats(_ count: Int) -> [Float] {
    (0..<count).map { _ in Float.random(in: -1..<1, using: &self) }
  }
}

/// A kernel dispatch path, with a readable name for test output.
struct KernelPath: CustomStringConvertible, Sendable {
  let raw: aez_kernel_path
  let description: String

  static let portable = KernelPath(raw: AEZ_KERNEL_PATH_PORTABLE, description: "portable")
  static let avx2 = KernelPath(raw: AEZ_KERNEL_PATH_AVX2, description: "AVX2")
  static let avx512 = KernelPath(raw: AEZ_KERNEL_PATH_AVX512, description: "AVX-512")

  /// Every path this machine can run.
  static var supported: [KernelPath] {
    [portable, avx2, avx512].filter { aez_kernel_path_is_supported($0.raw) != 0 }
  }
}

/// Runs `body` with the given path and thread count, then restores the previous settings.
func withKernelSettings<Result>(
  path: KernelPath, threads: Int, _ body: () throws -> Result
) rethrows -> Result {
  let savedPath = aez_kernel_path_current()
  let savedThreads = aez_thread_count()
  defer {
    aez_kernel_path_set(savedPath)
    aez_thread_count_set(savedThreads)
  }
  precondition(aez_kernel_path_set(path.raw) != 0, "path \(path) is not supported here")
  aez_thread_count_set(Int32(threads))
  return try body()
}

/// A reference result: the exact (Double) value of every element and the sum of the absolute
/// values of the terms that make it up, which scales the rounding error a Float32 sum can have.
struct ReferenceValues {
  var values: [Double]
  var magnitudes: [Double]

  init(count: Int) {
    values = Array(repeating: 0, count: count)
    magnitudes = Array(repeating: 0, count: count)
  }
}

/// Checks `actual` against `expected` element by element. A Float32 sum of `terms` products
/// carries at most about terms * 2^-24 of the terms' absolute sum in rounding error (plus a
/// few roundings for alpha, beta and bias); the tolerance allows twice that.
func expectClose(
  _ actual: [Float], _ expected: ReferenceValues, terms: Int, _ label: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.values.count, "\(label): size", sourceLocation: sourceLocation)
  let unitRoundoff = 0x1p-24
  var worst = 0.0
  var worstIndex = 0
  for index in actual.indices {
    let tolerance = 2 * Double(terms + 4) * unitRoundoff * expected.magnitudes[index] + 1e-30
    let excess = abs(Double(actual[index]) - expected.values[index]) / tolerance
    if !(excess <= worst) {
      worst = excess
      worstIndex = index
    }
  }
  #expect(
    worst <= 1,
    """
    \(label): element \(worstIndex) is \(actual[worstIndex]), expected \
    \(expected.values[worstIndex]) (error \(worst) times the tolerance)
    """,
    sourceLocation: sourceLocation)
}

/// The bit patterns of Float values, for bitwise comparison (NaN payloads and signed zeros
/// count).
func bitPatterns(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

/// The first index where two bit-pattern arrays differ (or the shorter length when one is a
/// prefix of the other), nil when they are identical. Keeps failure messages short.
func firstDifference(_ a: [UInt32], _ b: [UInt32]) -> Int? {
  if let index = (0..<min(a.count, b.count)).first(where: { a[$0] != b[$0] }) { return index }
  return a.count == b.count ? nil : min(a.count, b.count)
}
