/// Selecting samples along the first (batch) dimension.
extension Tensor {
  /// The number of values in one sample: the product of every dimension but the first.
  var sampleSize: Int {
    precondition(!shape.isEmpty, "a scalar tensor has no batch dimension")
    return shape[0] == 0 ? Tensor.elementCount(of: Array(shape.dropFirst())) : count / shape[0]
  }

  /// The samples in `range` of the first dimension, copied into a new tensor.
  ///
  /// - Parameter range: Sample indices within `0..<shape[0]`.
  /// - Complexity: O(`range.count` times the sample size).
  public func slice(batch range: Range<Int>) -> Tensor {
    precondition(
      range.lowerBound >= 0 && range.upperBound <= shape[0],
      "batch range \(range) is outside 0..<\(shape[0])")
    var newShape = shape
    newShape[0] = range.count
    let sampleSize = self.sampleSize
    return Tensor(shape: newShape) { output in
      withUnsafeBufferPointer { input in
        guard let source = input.baseAddress, let target = output.baseAddress else { return }
        target.initialize(from: source + range.lowerBound * sampleSize, count: output.count)
      }
    }
  }

  /// The samples at `indices` of the first dimension, in that order, copied into a new tensor.
  ///
  /// Gathering shuffled indices is how a training loop draws a random mini-batch.
  ///
  /// - Parameter indices: Sample indices within `0..<shape[0]`; repeats are allowed.
  /// - Complexity: O(`indices.count` times the sample size).
  public func gather(batch indices: some Collection<Int>) -> Tensor {
    var newShape = shape
    newShape[0] = indices.count
    let sampleSize = self.sampleSize
    return Tensor(shape: newShape) { output in
      withUnsafeBufferPointer { input in
        guard let source = input.baseAddress, let target = output.baseAddress else { return }
        for (position, index) in indices.enumerated() {
          precondition(index >= 0 && index < shape[0], "sample \(index) is outside 0..<\(shape[0])")
          (target + position * sampleSize).initialize(
            from: source + index * sampleSize, count: sampleSize)
        }
      }
    }
  }
}
