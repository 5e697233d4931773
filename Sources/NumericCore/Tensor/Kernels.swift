import CKernels

/// Swift names for the CKernels routines; the only file of this module that imports C.
///
/// Every array is Float32, dense and row-major; images are NCHW and convolution weights are
/// `[outputChannels, inputChannels, kernelHeight, kernelWidth]`. The kernels split work across
/// threads themselves and give the same bits whatever the thread count.
enum Kernels {
  /// The number of threads the kernels split work across (`aez_thread_count`, set with
  /// `aez_thread_count_set`).
  static var threadCount: Int {
    get { Int(aez_thread_count()) }
    set { aez_thread_count_set(Int32(newValue)) }
  }

  /// Computes `c = alpha * op(a) * op(b) + beta * c` for row-major matrices (`aez_sgemm`).
  ///
  /// `op(a)` is `rows x inner` and `op(b)` is `inner x columns`; a transposed operand is stored
  /// as its transpose. When `beta` is zero, `c` is only written.
  ///
  /// - Complexity: O(`rows * columns * inner`).
  static func multiply(
    rows: Int, columns: Int, inner: Int,
    _ a: UnsafePointer<Float>, transposingA transposeA: Bool = false, leadingA: Int,
    _ b: UnsafePointer<Float>, transposingB transposeB: Bool = false, leadingB: Int,
    into c: UnsafeMutablePointer<Float>, leadingC: Int,
    alpha: Float = 1, beta: Float
  ) {
    aez_sgemm(
      transposeA ? 1 : 0, transposeB ? 1 : 0, Int64(rows), Int64(columns), Int64(inner), alpha,
      a, Int64(leadingA), b, Int64(leadingB), beta, c, Int64(leadingC))
  }

  /// Runs `y = bias + conv(x, w)` over an NCHW batch (`aez_conv2d_forward`).
  ///
  /// `bias` may be nil. Input positions outside the image read as zero.
  static func convolve(
    _ geometry: ConvolutionGeometry, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
    bias: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>
  ) {
    var shape = geometry.cShape
    aez_conv2d_forward(&shape, input, weight, bias, AEZ_ACTIVATION_NONE, output)
  }

  /// Overwrites `inputGradient` with the gradient of a convolution with respect to its input
  /// (`aez_conv2d_backward_data`); this is also a transposed convolution's forward pass.
  static func convolutionInputGradient(
    _ geometry: ConvolutionGeometry, outputGradient: UnsafePointer<Float>,
    weight: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>
  ) {
    var shape = geometry.cShape
    aez_conv2d_backward_data(&shape, outputGradient, weight, inputGradient)
  }

  /// Adds the gradients of a convolution with respect to its weight and (unless nil) its bias
  /// to `weightGradient` and `biasGradient` (`aez_conv2d_backward_weights`, accumulating).
  static func accumulateConvolutionWeightGradient(
    _ geometry: ConvolutionGeometry, input: UnsafePointer<Float>,
    outputGradient: UnsafePointer<Float>, weightGradient: UnsafeMutablePointer<Float>,
    biasGradient: UnsafeMutablePointer<Float>?
  ) {
    var shape = geometry.cShape
    aez_conv2d_backward_weights(&shape, input, outputGradient, weightGradient, biasGradient, 1)
  }
}

/// The sizes of one 2-D convolution over an NCHW batch, in the kernels' terms.
///
/// Output row `i` reads input rows `i · stride − padding` to `i · stride − padding +
/// kernelSize − 1`, and likewise for columns; rows and columns outside the input read as zero,
/// so the bottom and right padding follow from the output size.
struct ConvolutionGeometry: Equatable {
  var batch: Int
  var inputChannels: Int
  var inputHeight: Int
  var inputWidth: Int
  var outputChannels: Int
  var outputHeight: Int
  var outputWidth: Int
  var kernelSize: Int
  var stride: Int
  var padding: Int

  var cShape: aez_conv2d_shape {
    aez_conv2d_shape(
      batch: Int64(batch), inputChannels: Int64(inputChannels),
      inputHeight: Int64(inputHeight), inputWidth: Int64(inputWidth),
      outputChannels: Int64(outputChannels), outputHeight: Int64(outputHeight),
      outputWidth: Int64(outputWidth), kernelHeight: Int64(kernelSize),
      kernelWidth: Int64(kernelSize), strideY: Int64(stride), strideX: Int64(stride),
      padTop: Int64(padding), padLeft: Int64(padding))
  }
}
