import CKernels
import Testing

/// One sgemm problem: sizes, transposes and scalars.
struct SgemmCase: CustomStringConvertible, Sendable {
  var m: Int, n: Int, k: Int
  var transA = false, transB = false
  var alpha: Float = 1, beta: Float = 0

  var description: String {
    "\(m)x\(n)x\(k)\(transA ? " A'" : "")\(transB ? " B'" : "") alpha \(alpha) beta \(beta)"
  }
}

/// Operands of an sgemm case stored with padded leading dimensions, so that kernels that
/// ignore lda, ldb or ldc, or write past a row, are caught.
struct SgemmOperands {
  var a: [Float], b: [Float], c: [Float]
  var lda: Int, ldb: Int, ldc: Int

  init(_ testCase: SgemmCase, seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let aRows = testCase.transA ? testCase.k : testCase.m
    let aColumns = testCase.transA ? testCase.m : testCase.k
    let bRows = testCase.transB ? testCase.n : testCase.k
    let bColumns = testCase.transB ? testCase.k : testCase.n
    lda = aColumns + 3
    ldb = bColumns + 1
    ldc = testCase.n + 2
    a = generator.floats(aRows * lda)
    b = generator.floats(bRows * ldb)
    c = generator.floats(testCase.m * ldc)
  }
}

/// Runs aez_sgemm on `operands` (C is updated in place) with the current settings.
func runSgemm(_ testCase: SgemmCase, _ operands: inout SgemmOperands) {
  let (lda, ldb, ldc) = (operands.lda, operands.ldb, operands.ldc)
  operands.a.withUnsafeBufferPointer { a in
    operands.b.withUnsafeBufferPointer { b in
      operands.c.withUnsafeMutableBufferPointer { c in
        aez_sgemm(
          testCase.transA ? 1 : 0, testCase.transB ? 1 : 0, Int64(testCase.m), Int64(testCase.n),
          Int64(testCase.k), testCase.alpha, a.baseAddress, Int64(lda), b.baseAddress,
          Int64(ldb), testCase.beta, c.baseAddress, Int64(ldc))
      }
    }
  }
}

extension KernelsTests {
  @Suite("sgemm against a reference loop")
  struct SgemmTests {
    static let cases: [SgemmCase] = [
      SgemmCase(m: 1, n: 1, k: 1),
      SgemmCase(m: 3, n: 3, k: 3, transA: true),
      SgemmCase(m: 3, n: 3, k: 3, transB: true, alpha: -1.5, beta: 1),
      SgemmCase(m: 17, n: 17, k: 17, alpha: 0.5, beta: 2),
      SgemmCase(m: 17, n: 17, k: 17, transA: true, transB: true, beta: 0.25),
      SgemmCase(m: 255, n: 255, k: 255),
      SgemmCase(m: 255, n: 255, k: 255, transA: true, transB: true, alpha: 0.5, beta: -1),
      SgemmCase(m: 13, n: 70, k: 300, transB: true),
      SgemmCase(m: 100, n: 33, k: 129, transA: true, beta: 1),
      SgemmCase(m: 64, n: 1, k: 40),
      SgemmCase(m: 1, n: 50, k: 7, transA: true, transB: true),
      SgemmCase(m: 37, n: 45, k: 1, alpha: 2, beta: 0.5),
      SgemmCase(m: 5, n: 6, k: 0, beta: 3),
    ]

    @Test(arguments: cases)
    func matchesReferenceOnEveryPath(_ testCase: SgemmCase) {
      let original = SgemmOperands(testCase, seed: UInt64(testCase.m * 7919 + testCase.k))
      let expected = referenceSgemm(
        transA: testCase.transA, transB: testCase.transB, m: testCase.m, n: testCase.n,
        k: testCase.k, alpha: testCase.alpha, a: original.a, lda: original.lda, b: original.b,
        ldb: original.ldb, beta: testCase.beta, c: original.c, ldc: original.ldc)
      for path in KernelPath.supported {
        var operands = original
        withKernelSettings(path: path, threads: 2) { runSgemm(testCase, &operands) }
        expectClose(operands.c, expected, terms: testCase.k, "\(path) \(testCase)")
      }
    }

    @Test func betaZeroIgnoresNaNInC() {
      let testCase = SgemmCase(m: 9, n: 20, k: 11)
      var original = SgemmOperands(testCase, seed: 5)
      original.c = Array(repeating: .nan, count: original.c.count)
      var cleanC = original.c
      for i in 0..<testCase.m {
        for j in 0..<testCase.n { cleanC[i * original.ldc + j] = 0 }
      }
      let expected = referenceSgemm(
        transA: false, transB: false, m: testCase.m, n: testCase.n, k: testCase.k, alpha: 1,
        a: original.a, lda: original.lda, b: original.b, ldb: original.ldb, beta: 0, c: cleanC,
        ldc: original.ldc)
      for path in KernelPath.supported {
        var operands = original
        withKernelSettings(path: path, threads: 1) { runSgemm(testCase, &operands) }
        for i in 0..<testCase.m {
          for j in 0..<testCase.n {
            let index = i * operands.ldc + j
            #expect(
              abs(Double(operands.c[index]) - expected.values[index])
                <= 1e-5 * expected.magnitudes[index], "\(path) C[\(i), \(j)]")
          }
        }
      }
    }

    @Test func alphaZeroScalesCWithoutReadingAOrB() {
      let testCase = SgemmCase(m: 6, n: 7, k: 5, alpha: 0, beta: 0.5)
      var original = SgemmOperands(testCase, seed: 6)
      original.a = Array(repeating: .nan, count: original.a.count)
      original.b = Array(repeating: .infinity, count: original.b.count)
      for path in KernelPath.supported {
        var operands = original
        withKernelSettings(path: path, threads: 1) { runSgemm(testCase, &operands) }
        for i in 0..<testCase.m {
          for j in 0..<testCase.n {
            let index = i * operands.ldc + j
            #expect(operands.c[index] == 0.5 * original.c[index], "\(path) C[\(i), \(j)]")
          }
        }
      }
    }
  }
}
