/// A dense, contiguous array of Float32 values with a shape.
///
/// Values are stored row-major: the last dimension varies fastest. Images are NCHW
/// (`[batch, channels, height, width]`, width fastest) and dense-layer activations are
/// `[rows, columns]`. A tensor is a value: copies share one buffer until one of them is
/// written, which then copies the buffer first (copy-on-write).
public struct Tensor: Sendable {
  /// The size of each dimension, outermost first.
  public private(set) var shape: [Int]

  @usableFromInline var storage: TensorStorage

  /// The number of values, the product of `shape`.
  @inlinable public var count: Int { storage.count }

  /// Creates a tensor of `shape` with every value set to `value`.
  ///
  /// - Parameters:
  ///   - shape: The dimensions; each must be zero or more.
  ///   - value: The value of every element.
  public init(shape: [Int], repeating value: Float = 0) {
    self.init(shape: shape) { buffer in
      buffer.initialize(repeating: value)
    }
  }

  /// Creates a tensor of `shape` holding `scalars` in row-major order.
  ///
  /// - Parameters:
  ///   - shape: The dimensions.
  ///   - scalars: The values; their count must equal the product of `shape`.
  public init(shape: [Int], scalars: [Float]) {
    precondition(
      scalars.count == Tensor.elementCount(of: shape),
      "\(scalars.count) values cannot fill a tensor of shape \(shape)")
    self.init(shape: shape) { buffer in
      _ = buffer.initialize(from: scalars)
    }
  }

  /// Creates a tensor of `shape` whose values are written by `initializer`.
  ///
  /// The buffer passed to `initializer` is uninitialized; the closure must write every
  /// element, and must not let the pointer escape.
  ///
  /// - Parameters:
  ///   - shape: The dimensions.
  ///   - initializer: Writes all `count` values.
  public init(
    shape: [Int],
    unsafeUninitialized initializer: (UnsafeMutableBufferPointer<Float>) throws -> Void
  ) rethrows {
    let storage = TensorStorage(uninitializedCount: Tensor.elementCount(of: shape))
    try initializer(UnsafeMutableBufferPointer(start: storage.pointer, count: storage.count))
    self.shape = shape
    self.storage = storage
  }

  /// The number of elements of a tensor of `shape`.
  static func elementCount(of shape: [Int]) -> Int {
    var product = 1
    for dimension in shape {
      precondition(dimension >= 0, "shape \(shape) has a negative dimension")
      let (result, overflow) = product.multipliedReportingOverflow(by: dimension)
      precondition(!overflow, "shape \(shape) has too many elements")
      product = result
    }
    return product
  }

  /// The values in row-major order, copied into an array.
  ///
  /// - Complexity: O(`count`).
  public var scalars: [Float] {
    withUnsafeBufferPointer { Array($0) }
  }

  /// Calls `body` with read access to the values in row-major order.
  ///
  /// The pointer is valid only inside `body`.
  @inlinable
  public func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<Float>) throws -> Result
  ) rethrows -> Result {
    try body(UnsafeBufferPointer(start: storage.pointer, count: storage.count))
  }

  /// Calls `body` with write access to the values, first copying the buffer if it is shared.
  ///
  /// The pointer is valid only inside `body`.
  ///
  /// - Complexity: O(`count`) when the buffer is shared, O(1) otherwise.
  @inlinable
  public mutating func withUnsafeMutableBufferPointer<Result>(
    _ body: (UnsafeMutableBufferPointer<Float>) throws -> Result
  ) rethrows -> Result {
    if !isKnownUniquelyReferenced(&storage) {
      storage = storage.copy()
    }
    return try body(UnsafeMutableBufferPointer(start: storage.pointer, count: storage.count))
  }

  /// The same values viewed with another shape of equal element count; the buffer is shared.
  ///
  /// - Parameter newShape: The new dimensions; their product must equal `count`.
  /// - Complexity: O(rank); no values are copied.
  public func reshaped(to newShape: [Int]) -> Tensor {
    precondition(
      Tensor.elementCount(of: newShape) == count,
      "cannot reshape \(shape) (\(count) values) to \(newShape)")
    var result = self
    result.shape = newShape
    return result
  }
}

extension Tensor: Equatable {
  /// Two tensors are equal when their shapes are equal and their values compare equal
  /// element by element (so a tensor holding NaN is not equal to itself).
  public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
    guard lhs.shape == rhs.shape else { return false }
    return lhs.withUnsafeBufferPointer { left in
      rhs.withUnsafeBufferPointer { right in left.elementsEqual(right) }
    }
  }
}

extension Tensor: CustomStringConvertible {
  /// The shape and, for small tensors, the values.
  public var description: String {
    count <= 16 ? "Tensor(\(shape), \(scalars))" : "Tensor(\(shape), \(count) values)"
  }
}

extension Tensor {
  /// Calls `body` with a pointer to the first value, for passing to the kernels.
  @inline(__always)
  func withPointer<Result>(_ body: (UnsafePointer<Float>) throws -> Result) rethrows -> Result {
    try body(storage.pointer)
  }

  /// Calls `body` with a writable pointer to the first value, copying a shared buffer first.
  @inline(__always)
  mutating func withMutablePointer<Result>(
    _ body: (UnsafeMutablePointer<Float>) throws -> Result
  ) rethrows -> Result {
    if !isKnownUniquelyReferenced(&storage) {
      storage = storage.copy()
    }
    return try body(storage.pointer)
  }

  /// A tensor of `shape` whose values `initializer` writes through a pointer to the first one.
  @inline(__always)
  init(uninitializedShape shape: [Int], _ initializer: (UnsafeMutablePointer<Float>) -> Void) {
    self.init(shape: shape, unsafeUninitialized: { initializer($0.baseAddress.unsafelyUnwrapped) })
  }

  /// A tensor of `shape` whose values are unspecified until written, for scratch space.
  static func uninitialized(shape: [Int]) -> Tensor {
    Tensor(uninitializedShape: shape) { _ in }
  }
}
