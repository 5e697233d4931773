import CKernels
import Testing

extension KernelsTests {
  /// Results must not depend on the thread count: every output element is summed by one thread
  /// in an order fixed by the problem's shape. Each problem is above the kernels' one-thread
  /// cutoff of 2^20 multiply-adds, so it really is split, and the tilings differ between 1, 2
  /// and 3 threads.
  @Suite("Bit-identical results across thread counts and paths")
  struct DeterminismTests {
    static let sgemmCase = SgemmCase(m: 150, n: 130, k: 300, transB: true, alpha: 0.75, beta: 0.5)

    static let convolutionCases: [ConvolutionCase] = [
      ConvolutionCase(
        name: "5x5 stride 2, small weights (per-image partial gradients)", batch: 4,
        inputChannels: 6, outputChannels: 20, height: 24, width: 23, kernelHeight: 5,
        kernelWidth: 5, strideY: 2, strideX: 2, padTop: 2, padLeft: 2, padBottom: 2,
        padRight: 2),
      ConvolutionCase(
        name: "3x3 stride 1, large weights (image-ordered gradients)", batch: 2,
        inputChannels: 32, outputChannels: 64, height: 12, width: 12, kernelHeight: 3,
        kernelWidth: 3, padTop: 1, padLeft: 1, padBottom: 1, padRight: 1),
    ]

    /// Every kernel's output for one convolution case, as bit patterns.
    static func allOutputs(_ testCase: ConvolutionCase, _ data: ConvolutionData) -> [[UInt32]] {
      let gradients = Convolution.backwardWeights(
        testCase, data, accumulate: true, initialWeights: data.w, initialBias: data.bias)
      return [
        bitPatterns(Convolution.forward(testCase, data, bias: true, relu: true)),
        bitPatterns(Convolution.backwardData(testCase, data)),
        bitPatterns(gradients.weights),
        bitPatterns(gradients.bias),
      ]
    }

    @Test func sgemmIsIndependentOfThreadCount() {
      let original = SgemmOperands(Self.sgemmCase, seed: 31)
      for path in KernelPath.supported {
        let results = [1, 2, 3].map { threads in
          var operands = original
          withKernelSettings(path: path, threads: threads) { runSgemm(Self.sgemmCase, &operands) }
          return bitPatterns(operands.c)
        }
        #expect(firstDifference(results[1], results[0]) == nil, "\(path): 2 threads vs 1")
        #expect(firstDifference(results[2], results[0]) == nil, "\(path): 3 threads vs 1")
      }
    }

    @Test(arguments: convolutionCases)
    func convolutionsAreIndependentOfThreadCount(_ testCase: ConvolutionCase) {
      let data = ConvolutionData(testCase, seed: 32)
      for path in KernelPath.supported {
        let results = [1, 2, 3].map { threads in
          withKernelSettings(path: path, threads: threads) { Self.allOutputs(testCase, data) }
        }
        for (index, kernel) in ["forward", "backward data", "dw", "dbias"].enumerated() {
          #expect(
            firstDifference(results[1][index], results[0][index]) == nil,
            "\(path) \(kernel): 2 threads vs 1")
          #expect(
            firstDifference(results[2][index], results[0][index]) == nil,
            "\(path) \(kernel): 3 threads vs 1")
        }
      }
    }

    /// The AVX2 and AVX-512 kernels perform the same fused multiply-adds in the same order, so
    /// a model gives the same bits on either kind of machine.
    @Test(
      .enabled(
        if: aez_kernel_path_is_supported(AEZ_KERNEL_PATH_AVX2) != 0
          && aez_kernel_path_is_supported(AEZ_KERNEL_PATH_AVX512) != 0))
    func avx2AndAVX512AgreeBitForBit() {
      let operands = SgemmOperands(Self.sgemmCase, seed: 33)
      let sgemmResults = [KernelPath.avx2, KernelPath.avx512].map { path in
        var copy = operands
        withKernelSettings(path: path, threads: 2) { runSgemm(Self.sgemmCase, &copy) }
        return bitPatterns(copy.c)
      }
      #expect(firstDifference(sgemmResults[0], sgemmResults[1]) == nil, "sgemm")

      for testCase in Self.convolutionCases {
        let data = ConvolutionData(testCase, seed: 34)
        let results = [KernelPath.avx2, KernelPath.avx512].map { path in
          withKernelSettings(path: path, threads: 2) { Self.allOutputs(testCase, data) }
        }
        for (index, kernel) in ["forward", "backward data", "dw", "dbias"].enumerated() {
          #expect(
            firstDifference(results[0][index], results[1][index]) == nil, "\(testCase) \(kernel)")
        }
      }
    }
  }
}
