import Testing

@testable import NumericCore

@Suite struct ParallelTests {
  /// Elementwise work is split into the same chunks whatever the thread count, and partial
  /// sums are added in chunk order, so one thread and several give the same bits. Other tests
  /// may run meanwhile with the changed count; that changes their speed, never their results.
  @Test func resultsDoNotDependOnTheThreadCount() {
    var generator = SeededGenerator(seed: 111)
    let count = 3 * Parallel.chunkSize + 123
    let logits = Tensor.uniform(shape: [count], in: -8..<8, using: &generator)
    let targets = Tensor.uniform(shape: [count], in: 0..<1, using: &generator)

    func evaluate() -> [UInt32] {
      let (loss, gradient) = binaryCrossEntropy(logits: logits, targets: targets)
      let (squared, _) = meanSquaredError(predictions: logits, targets: targets)
      let sigmoid = Sigmoid().infer(logits)
      return [loss.bitPattern, squared.bitPattern, logits.sum().bitPattern]
        + gradient.scalars.map(\.bitPattern) + sigmoid.scalars.map(\.bitPattern)
    }

    let original = Kernels.threadCount
    Kernels.threadCount = 1
    let sequential = evaluate()
    Kernels.threadCount = 2
    let concurrent = evaluate()
    Kernels.threadCount = original

    #expect(sequential == concurrent)
  }

  @Test(arguments: [0, 1, Parallel.chunkSize, Parallel.chunkSize + 1, 5 * Parallel.chunkSize - 7])
  func chunksCoverEveryIndexOnce(count: Int) {
    var visits = [Int](repeating: 0, count: count)
    visits.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let visits = buffer
      Parallel.forEachChunk(count: count) { range in
        for index in range { visits[index] += 1 }
      }
    }
    #expect(visits.allSatisfy { $0 == 1 })
  }
}
