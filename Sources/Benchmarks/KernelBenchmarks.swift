import CKernels

/// Throughput of the C kernels: sgemm at 256^3 and 1024^3 on one and two threads, and the
/// 5x5 stride-2 convolutions of the photo model (forward, backward data, backward weights), on
/// every dispatch path the machine supports. GFLOP/s counts 2 flops per multiply-add.
enum KernelBenchmarks {
  struct Path {
    let raw: aez_kernel_path
    let name: String
  }

  static let paths = [
    Path(raw: AEZ_KERNEL_PATH_AVX512, name: "AVX-512"),
    Path(raw: AEZ_KERNEL_PATH_AVX2, name: "AVX2"),
    Path(raw: AEZ_KERNEL_PATH_PORTABLE, name: "portable"),
  ].filter { aez_kernel_path_is_supported($0.raw) != 0 }

  /// A convolution of the photo model: 5x5 kernel, stride 2, padding 2, one image.
  struct ConvolutionShape {
    let inputChannels: Int, outputChannels: Int, inputSize: Int

    var shape: aez_conv2d_shape {
      let outputSize = Int64(inputSize / 2)
      return aez_conv2d_shape(
        batch: 1, inputChannels: Int64(inputChannels), inputHeight: Int64(inputSize),
        inputWidth: Int64(inputSize), outputChannels: Int64(outputChannels),
        outputHeight: outputSize, outputWidth: outputSize, kernelHeight: 5, kernelWidth: 5,
        strideY: 2, strideX: 2, padTop: 2, padLeft: 2)
    }

    var flops: Double {
      2 * Double(outputChannels * inputChannels * 25) * Double(inputSize * inputSize / 4)
    }

    var label: String { "\(inputChannels)->\(outputChannels) @\(inputSize)" }
  }

  static let convolutionShapes = [
    ConvolutionShape(inputChannels: 3, outputChannels: 64, inputSize: 256),
    ConvolutionShape(inputChannels: 64, outputChannels: 64, inputSize: 128),
    ConvolutionShape(inputChannels: 128, outputChannels: 128, inputSize: 256),
  ]

  static func run() {
    let savedPath = aez_kernel_path_current()
    let savedThreads = aez_thread_count()
    defer {
      aez_kernel_path_set(savedPath)
      aez_thread_count_set(savedThreads)
    }
    print("paths: \(paths.map(\.name).joined(separator: ", ")); threads: \(savedThreads)")
    for path in paths {
      aez_kernel_path_set(path.raw)
      for size in [256, 1024] {
        for threads in [1, 2] {
          aez_thread_count_set(Int32(threads))
          let threadLabel = threads == 1 ? "1 thread" : "\(threads) threads"
          benchmarkSgemm(size: size, label: "\(path.name), \(threadLabel)")
        }
      }
    }
    for path in paths {
      aez_kernel_path_set(path.raw)
      aez_thread_count_set(savedThreads)
      for shape in convolutionShapes {
        benchmarkConvolution(shape, label: "\(path.name), \(savedThreads) threads")
      }
    }
  }

  /// Deterministic pseudo-random values in [-1, 1).
  static func values(_ count: Int, seed: UInt32) -> [Float] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 1_664_525 &+ 1_013_904_223
      return Float(state >> 8) / Float(1 << 23) - 1
    }
  }

  static func report(_ what: String, flops: Double, _ timing: (median: Double, runs: Int)) {
    let gflops = flops / timing.median / 1e9
    let name = BenchmarkOutput.padded(what, toWidth: 52)
    let rate = BenchmarkOutput.fixed(gflops, decimals: 1, width: 7)
    let milliseconds = BenchmarkOutput.fixed(timing.median * 1e3, decimals: 2)
    print("\(name) \(rate) GFLOP/s  (median \(milliseconds) ms of \(timing.runs) runs)")
  }

  static func benchmarkSgemm(size: Int, label: String) {
    let a = values(size * size, seed: 1)
    let b = values(size * size, seed: 2)
    var c = [Float](repeating: 0, count: size * size)
    let n = Int64(size)
    let timing = a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          BenchmarkTiming.medianSeconds {
            aez_sgemm(0, 0, n, n, n, 1, a.baseAddress, n, b.baseAddress, n, 0, c.baseAddress, n)
          }
        }
      }
    }
    report("sgemm \(size)^3 [\(label)]", flops: 2 * Double(size * size * size), timing)
  }

  static func benchmarkConvolution(_ convolution: ConvolutionShape, label: String) {
    var shape = convolution.shape
    let inputCount = Int(shape.inputChannels * shape.inputHeight * shape.inputWidth)
    let outputCount = Int(shape.outputChannels * shape.outputHeight * shape.outputWidth)
    let weightCount = Int(shape.outputChannels * shape.inputChannels * 25)
    let x = values(inputCount, seed: 3)
    let w = values(weightCount, seed: 4)
    let bias = values(Int(shape.outputChannels), seed: 5)
    let dy = values(outputCount, seed: 6)
    var y = [Float](repeating: 0, count: outputCount)
    var dx = [Float](repeating: 0, count: inputCount)
    var dw = [Float](repeating: 0, count: weightCount)
    var dbias = [Float](repeating: 0, count: Int(shape.outputChannels))

    x.withUnsafeBufferPointer { x in
      w.withUnsafeBufferPointer { w in
        bias.withUnsafeBufferPointer { bias in
          dy.withUnsafeBufferPointer { dy in
            y.withUnsafeMutableBufferPointer { y in
              report(
                "conv \(convolution.label) forward [\(label)]", flops: convolution.flops,
                BenchmarkTiming.medianSeconds {
                  aez_conv2d_forward(
                    &shape, x.baseAddress, w.baseAddress, bias.baseAddress, AEZ_ACTIVATION_RELU,
                    y.baseAddress)
                })
            }
            dx.withUnsafeMutableBufferPointer { dx in
              report(
                "conv \(convolution.label) backward data [\(label)]", flops: convolution.flops,
                BenchmarkTiming.medianSeconds {
                  aez_conv2d_backward_data(&shape, dy.baseAddress, w.baseAddress, dx.baseAddress)
                })
            }
            dw.withUnsafeMutableBufferPointer { dw in
              dbias.withUnsafeMutableBufferPointer { dbias in
                report(
                  "conv \(convolution.label) backward weights [\(label)]",
                  flops: convolution.flops,
                  BenchmarkTiming.medianSeconds {
                    aez_conv2d_backward_weights(
                      &shape, x.baseAddress, dy.baseAddress, dw.baseAddress, dbias.baseAddress, 0)
                  })
              }
            }
          }
        }
      }
    }
  }
}
