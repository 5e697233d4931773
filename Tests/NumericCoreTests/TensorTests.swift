import Testing

@testable import NumericCore

@Suite struct TensorTests {
  @Test func storesValuesRowMajor() {
    let tensor = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(tensor.count == 6)
    #expect(tensor.shape == [2, 3])
    #expect(tensor.scalars == [1, 2, 3, 4, 5, 6])
    #expect(Tensor(shape: [2, 2], repeating: 7).scalars == [7, 7, 7, 7])
    #expect(Tensor(shape: [0, 5]).count == 0)
    #expect(Tensor(shape: []).count == 1)
  }

  @Test func copiesAreIndependentAfterAWrite() {
    let original = Tensor(shape: [3], scalars: [1, 2, 3])
    var copy = original
    copy.withUnsafeMutableBufferPointer { $0[0] = 10 }
    #expect(original.scalars == [1, 2, 3])
    #expect(copy.scalars == [10, 2, 3])
  }

  @Test func uniqueTensorIsWrittenInPlace() {
    var tensor = Tensor(shape: [4])
    let before = tensor.withUnsafeBufferPointer { $0.baseAddress }
    let after = tensor.withUnsafeMutableBufferPointer { UnsafePointer($0.baseAddress) }
    #expect(before == after)
  }

  @Test func reshapeSharesValuesButNotWrites() {
    let matrix = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    var flat = matrix.reshaped(to: [6])
    #expect(flat.shape == [6])
    #expect(flat.scalars == matrix.scalars)
    #expect(
      flat.withUnsafeBufferPointer(\.baseAddress) == matrix.withUnsafeBufferPointer(\.baseAddress))
    flat.withUnsafeMutableBufferPointer { $0[5] = 0 }
    #expect(matrix.scalars[5] == 6)
  }

  @Test func slicesAndGathersSamples() {
    let batch = Tensor(shape: [4, 1, 2], scalars: [0, 1, 10, 11, 20, 21, 30, 31])
    #expect(batch.slice(batch: 1..<3) == Tensor(shape: [2, 1, 2], scalars: [10, 11, 20, 21]))
    #expect(batch.slice(batch: 2..<2).shape == [0, 1, 2])
    #expect(
      batch.gather(batch: [3, 0, 3]) == Tensor(shape: [3, 1, 2], scalars: [30, 31, 0, 1, 30, 31]))
    #expect(batch.gather(batch: [2, 1][...]).scalars == [20, 21, 10, 11])
  }

  @Test func elementwiseArithmetic() {
    let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
    let b = Tensor(shape: [2, 2], scalars: [0.5, -1, 2, 0])
    #expect((a + b).scalars == [1.5, 1, 5, 4])
    #expect((a - b).scalars == [0.5, 3, 1, 4])
    #expect((a * b).scalars == [0.5, -2, 6, 0])
    #expect((2 * a).scalars == [2, 4, 6, 8])
    var accumulated = a
    accumulated += b
    #expect(accumulated == a + b)
    #expect(a.scalars == [1, 2, 3, 4])
  }

  @Test func sumsAndMeans() {
    let tensor = Tensor(shape: [3, 7], scalars: (1...21).map(Float.init))
    #expect(tensor.sum() == 231)
    #expect(tensor.mean() == 11)
  }

  @Test func equalityComparesShapeAndValues() {
    let values: [Float] = [1, 2, 3, 4]
    #expect(Tensor(shape: [4], scalars: values) == Tensor(shape: [4], scalars: values))
    #expect(Tensor(shape: [2, 2], scalars: values) != Tensor(shape: [4], scalars: values))
    #expect(Tensor(shape: [1], scalars: [.nan]) != Tensor(shape: [1], scalars: [.nan]))
  }

  @Test func storageIsAlignedForVectorLoads() {
    for count in [1, 3, 17, 1000] {
      let address = Tensor(shape: [count]).withUnsafeBufferPointer {
        Int(bitPattern: $0.baseAddress)
      }
      #expect(address % 64 == 0)
    }
  }
}
