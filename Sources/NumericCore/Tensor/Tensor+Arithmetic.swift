/// Elementwise arithmetic and reductions over tensors of equal shape.
extension Tensor {
  /// The elementwise sum of two tensors of equal shape.
  ///
  /// - Complexity: O(`count`).
  public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
    lhs.combined(with: rhs) { $0 + $1 }
  }

  /// The elementwise difference of two tensors of equal shape.
  ///
  /// - Complexity: O(`count`).
  public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
    lhs.combined(with: rhs) { $0 - $1 }
  }

  /// The elementwise (Hadamard) product of two tensors of equal shape.
  ///
  /// - Complexity: O(`count`).
  public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
    lhs.combined(with: rhs) { $0 * $1 }
  }

  /// Every element of `tensor` multiplied by `scale`.
  ///
  /// - Complexity: O(`count`).
  public static func * (scale: Float, tensor: Tensor) -> Tensor {
    tensor.mapped { scale * $0 }
  }

  /// Adds `rhs` to `lhs` element by element, in place when `lhs` owns its buffer.
  ///
  /// - Complexity: O(`count`).
  public static func += (lhs: inout Tensor, rhs: Tensor) {
    precondition(lhs.shape == rhs.shape, "cannot add \(rhs.shape) to \(lhs.shape)")
    rhs.withUnsafeBufferPointer { source in
      lhs.withUnsafeMutableBufferPointer { target in
        for index in 0..<target.count { target[index] += source[index] }
      }
    }
  }

  /// The sum of all elements, accumulated in blocks of Float lanes added up in Double; the
  /// result does not depend on the thread count.
  ///
  /// - Complexity: O(`count`).
  public func sum() -> Float {
    Float(preciseSum())
  }

  /// The mean of all elements; the tensor must not be empty.
  ///
  /// - Complexity: O(`count`).
  public func mean() -> Float {
    precondition(count > 0, "the mean of an empty tensor is undefined")
    return Float(preciseSum() / Double(count))
  }

  /// The sum of all elements in Double, split over threads in fixed chunks.
  func preciseSum() -> Double {
    withUnsafeBufferPointer { values in
      nonisolated(unsafe) let values = values
      return Parallel.sum(count: values.count) { range in
        VectorMath.sum(range) { VectorMath.load(values, at: $0) }
      }
    }
  }

  /// A new tensor whose elements are `operation(self[i], other[i])`.
  ///
  /// Runs on one thread: passing `operation` across threads would keep the optimizer from
  /// inlining it into a vectorized loop, which matters more for operations this cheap.
  @inline(__always)
  func combined(with other: Tensor, _ operation: (Float, Float) -> Float) -> Tensor {
    precondition(shape == other.shape, "shapes \(shape) and \(other.shape) differ")
    return Tensor(uninitializedShape: shape) { output in
      withPointer { left in
        other.withPointer { right in
          for index in 0..<count { output[index] = operation(left[index], right[index]) }
        }
      }
    }
  }

  /// A new tensor whose elements are `operation(self[i])`, on one thread like `combined`.
  @inline(__always)
  func mapped(_ operation: (Float) -> Float) -> Tensor {
    Tensor(uninitializedShape: shape) { output in
      withPointer { input in
        for index in 0..<count { output[index] = operation(input[index]) }
      }
    }
  }
}
