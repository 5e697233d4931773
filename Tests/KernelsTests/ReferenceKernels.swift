import CKernels

// Plain loops that define what each kernel must compute, accumulated in Double.

/// C = alpha * op(A) * op(B) + beta * C, row-major; C is not read when beta == 0.
func referenceSgemm(
  transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float, a: [Float], lda: Int,
  b: [Float], ldb: Int, beta: Float, c: [Float], ldc: Int
) -> ReferenceValues {
  var result = ReferenceValues(count: c.count)
  for index in c.indices {
    result.values[index] = Double(c[index])
    result.magnitudes[index] = abs(Double(c[index]))
  }
  for i in 0..<m {
    for j in 0..<n {
      var sum = 0.0
      var magnitude = 0.0
      for p in 0..<k {
        let aValue = Double(transA ? a[p * lda + i] : a[i * lda + p])
        let bValue = Double(transB ? b[j * ldb + p] : b[p * ldb + j])
        sum += aValue * bValue
        magnitude += abs(aValue * bValue)
      }
      let old = beta == 0 ? 0 : Double(beta) * Double(c[i * ldc + j])
      result.values[i * ldc + j] = Double(alpha) * sum + old
      result.magnitudes[i * ldc + j] = abs(Double(alpha)) * magnitude + abs(old)
    }
  }
  return result
}

/// Calls `body(n, o, i, j, c, u, v, xIndex)` for every tap of the convolution that reads
/// inside the input, with xIndex the NCHW index of the input value read.
func forEachConvolutionTap(
  _ shape: aez_conv2d_shape, _ body: (Int, Int, Int, Int, Int, Int, Int, Int) -> Void
) {
  let height = Int(shape.inputHeight), width = Int(shape.inputWidth)
  for n in 0..<Int(shape.batch) {
    for o in 0..<Int(shape.outputChannels) {
      for i in 0..<Int(shape.outputHeight) {
        for j in 0..<Int(shape.outputWidth) {
          for c in 0..<Int(shape.inputChannels) {
            for u in 0..<Int(shape.kernelHeight) {
              let y = i * Int(shape.strideY) + u - Int(shape.padTop)
              guard y >= 0 && y < height else { continue }
              for v in 0..<Int(shape.kernelWidth) {
                let x = j * Int(shape.strideX) + v - Int(shape.padLeft)
                guard x >= 0 && x < width else { continue }
                let xIndex = ((n * Int(shape.inputChannels) + c) * height + y) * width + x
                body(n, o, i, j, c, u, v, xIndex)
              }
            }
          }
        }
      }
    }
  }
}

func weightIndex(_ shape: aez_conv2d_shape, _ o: Int, _ c: Int, _ u: Int, _ v: Int) -> Int {
  ((o * Int(shape.inputChannels) + c) * Int(shape.kernelHeight) + u) * Int(shape.kernelWidth) + v
}

func outputIndex(_ shape: aez_conv2d_shape, _ n: Int, _ o: Int, _ i: Int, _ j: Int) -> Int {
  ((n * Int(shape.outputChannels) + o) * Int(shape.outputHeight) + i) * Int(shape.outputWidth) + j
}

/// y = act(bias + conv(x, w)); the magnitudes are those of the sum before the activation.
func referenceConvolutionForward(
  _ shape: aez_conv2d_shape, x: [Float], w: [Float], bias: [Float]?, relu: Bool
) -> ReferenceValues {
  let count = Int(shape.batch * shape.outputChannels * shape.outputHeight * shape.outputWidth)
  var result = ReferenceValues(count: count)
  forEachConvolutionTap(shape) { n, o, i, j, c, u, v, xIndex in
    let term = Double(w[weightIndex(shape, o, c, u, v)]) * Double(x[xIndex])
    result.values[outputIndex(shape, n, o, i, j)] += term
    result.magnitudes[outputIndex(shape, n, o, i, j)] += abs(term)
  }
  for index in 0..<count {
    let channel = index / Int(shape.outputHeight * shape.outputWidth) % Int(shape.outputChannels)
    if let bias {
      result.values[index] += Double(bias[channel])
      result.magnitudes[index] += abs(Double(bias[channel]))
    }
    if relu { result.values[index] = max(0, result.values[index]) }
  }
  return result
}

/// dx = the gradient of sum(dy * conv(x, w)) with respect to x.
func referenceConvolutionBackwardData(
  _ shape: aez_conv2d_shape, dy: [Float], w: [Float]
) -> ReferenceValues {
  let count = Int(shape.batch * shape.inputChannels * shape.inputHeight * shape.inputWidth)
  var result = ReferenceValues(count: count)
  forEachConvolutionTap(shape) { n, o, i, j, c, u, v, xIndex in
    let gradient = Double(dy[outputIndex(shape, n, o, i, j)])
    let term = Double(w[weightIndex(shape, o, c, u, v)]) * gradient
    result.values[xIndex] += term
    result.magnitudes[xIndex] += abs(term)
  }
  return result
}

/// dw and dbias = the gradients of sum(dy * (bias + conv(x, w))), added to `initialWeights`
/// and `initialBias`.
func referenceConvolutionBackwardWeights(
  _ shape: aez_conv2d_shape, x: [Float], dy: [Float], initialWeights: [Float],
  initialBias: [Float]
) -> (weights: ReferenceValues, bias: ReferenceValues) {
  var weights = ReferenceValues(count: initialWeights.count)
  var bias = ReferenceValues(count: initialBias.count)
  for index in initialWeights.indices {
    weights.values[index] = Double(initialWeights[index])
    weights.magnitudes[index] = abs(Double(initialWeights[index]))
  }
  for index in initialBias.indices {
    bias.values[index] = Double(initialBias[index])
    bias.magnitudes[index] = abs(Double(initialBias[index]))
  }
  forEachConvolutionTap(shape) { n, o, i, j, c, u, v, xIndex in
    let term = Double(x[xIndex]) * Double(dy[outputIndex(shape, n, o, i, j)])
    weights.values[weightIndex(shape, o, c, u, v)] += term
    weights.magnitudes[weightIndex(shape, o, c, u, v)] += abs(term)
  }
  for n in 0..<Int(shape.batch) {
    for o in 0..<Int(shape.outputChannels) {
      for i in 0..<Int(shape.outputHeight) {
        for j in 0..<Int(shape.outputWidth) {
          let gradient = Double(dy[outputIndex(shape, n, o, i, j)])
          bias.values[o] += gradient
          bias.magnitudes[o] += abs(gradient)
        }
      }
    }
  }
  return (weights, bias)
}
