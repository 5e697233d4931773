import Dispatch

/// Splits long elementwise loops into fixed chunks and runs them on several threads.
///
/// The chunk boundaries depend only on the element count, and partial sums are added in chunk
/// order, so results are the same bits whatever the thread count. When the kernels are set to
/// one thread (`aez_thread_count`) everything runs on the calling thread; otherwise chunks go to
/// the system's worker threads, at most one per core. Work below two chunks runs inline, where
/// dispatching would cost more than it saves.
enum Parallel {
  /// Elements per chunk: a multiple of `VectorMath.blockSize`, and large enough (tens of
  /// microseconds of work) to amortize handing a chunk to another thread.
  static let chunkSize = 32_768

  /// Calls `body` once for each chunk of `0..<count`, possibly concurrently.
  ///
  /// `body` must write only inside its own range.
  static func forEachChunk(count: Int, _ body: @Sendable (Range<Int>) -> Void) {
    let chunkCount = (count + chunkSize - 1) / chunkSize
    @Sendable func chunk(_ index: Int) -> Range<Int> {
      (index * chunkSize)..<Swift.min((index + 1) * chunkSize, count)
    }
    guard chunkCount > 1, Kernels.threadCount > 1 else {
      for index in 0..<chunkCount { body(chunk(index)) }
      return
    }
    // One iteration per chunk: the calling thread takes chunks too, so when the other threads
    // are slow to start (the cores busy elsewhere) it finishes nearly all the work itself
    // instead of waiting for them.
    DispatchQueue.concurrentPerform(iterations: chunkCount) { body(chunk($0)) }
  }

  /// The sum of `partialSum(chunk)` over the chunks of `0..<count`, added in chunk order.
  static func sum(count: Int, _ partialSum: @Sendable (Range<Int>) -> Double) -> Double {
    let chunkCount = (count + chunkSize - 1) / chunkSize
    var partials = [Double](repeating: 0, count: chunkCount)
    partials.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let partials = buffer
      forEachChunk(count: count) { range in
        partials[range.lowerBound / chunkSize] = partialSum(range)
      }
    }
    return partials.reduce(0, +)
  }
}
