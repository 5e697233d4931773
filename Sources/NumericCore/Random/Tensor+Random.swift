/// Tensors filled with seeded random values.
extension Tensor {
  /// A tensor of `shape` with values drawn uniformly from `range`, in row-major order.
  ///
  /// - Parameters:
  ///   - shape: The dimensions.
  ///   - range: The interval to draw from.
  ///   - generator: The source of randomness; it advances by one draw per element.
  public static func uniform(
    shape: [Int], in range: Range<Float>, using generator: inout SeededGenerator
  ) -> Tensor {
    var result = Tensor(shape: shape)
    result.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices { buffer[index] = generator.uniform(in: range) }
    }
    return result
  }

  /// A tensor of `shape` with normally distributed values, in row-major order.
  ///
  /// - Parameters:
  ///   - shape: The dimensions.
  ///   - mean: The distribution's mean.
  ///   - standardDeviation: The distribution's standard deviation.
  ///   - generator: The source of randomness; it advances by two draws per element.
  public static func normal(
    shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
    using generator: inout SeededGenerator
  ) -> Tensor {
    var result = Tensor(shape: shape)
    result.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices {
        buffer[index] = generator.normal(mean: mean, standardDeviation: standardDeviation)
      }
    }
    return result
  }
}
