/// The heap buffer behind a `Tensor`: a fixed number of Float32 values, 64-byte aligned.
///
/// The buffer is shared between tensor copies and duplicated only when a copy that is not the
/// sole owner is about to be written (copy-on-write, decided by `isKnownUniquelyReferenced`).
/// The alignment lets the kernels use aligned vector loads on the first element.
///
/// `@unchecked Sendable`: the pointer never changes, and its elements are written only through
/// a tensor that holds the one reference to this storage, so a storage reachable from two
/// threads is only ever read.
@usableFromInline
final class TensorStorage: @unchecked Sendable {
  /// The number of values.
  @usableFromInline let count: Int

  /// The first value; `count` values follow (at least one slot is allocated so the pointer is
  /// valid even for an empty tensor).
  @usableFromInline let pointer: UnsafeMutablePointer<Float>

  /// Allocates room for `count` values without initializing them.
  @usableFromInline
  init(uninitializedCount count: Int) {
    precondition(count >= 0, "a tensor cannot hold a negative number of values")
    self.count = count
    let raw = UnsafeMutableRawPointer.allocate(
      byteCount: Swift.max(count, 1) * MemoryLayout<Float>.stride, alignment: 64)
    pointer = raw.bindMemory(to: Float.self, capacity: Swift.max(count, 1))
  }

  /// A new storage holding the same values.
  @usableFromInline
  func copy() -> TensorStorage {
    let result = TensorStorage(uninitializedCount: count)
    result.pointer.initialize(from: pointer, count: count)
    return result
  }

  deinit {
    UnsafeMutableRawPointer(pointer).deallocate()
  }
}
