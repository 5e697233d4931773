import Testing

@testable import NumericCore

@Suite struct TensorArchiveTests {
  static func sampleArchive() -> TensorArchive {
    var archive = TensorArchive()
    archive.setTensor(
      Tensor(shape: [2, 3], scalars: [1, -2, 3.5, .infinity, -0, Float(bitPattern: 0x1234)]),
      named: "a")
    archive.setTensor(Tensor(shape: [], scalars: [42]), named: "scalar")
    archive.setTensor(Tensor(shape: [0, 4]), named: "empty")
    archive.setTensor(Tensor(shape: [1, 1, 1, 1, 2], scalars: [7, 8]), named: "décodeur.0.γ")
    archive.setInteger(-5, named: "negative")
    archive.setInteger(Int64.max, named: "largest")
    return archive
  }

  @Test func roundTripsTensorsAndIntegers() throws {
    let archive = Self.sampleArchive()
    let decoded = try TensorArchive(decoding: archive.encoded())
    #expect(decoded == archive)
    #expect(decoded.tensorNames == ["a", "scalar", "empty", "décodeur.0.γ"])
    #expect(try decoded.integer(named: "largest") == Int64.max)
    // Bit patterns survive, including negative zero and subnormals.
    let bits = decoded.tensor(named: "a")?.scalars.map(\.bitPattern)
    #expect(bits == archive.tensor(named: "a")?.scalars.map(\.bitPattern))
  }

  /// The header is fixed and little-endian: magic, version 1, one tensor, no integers; then the
  /// name, rank, dimension and value 1.0 (0x3F800000).
  @Test func encodesLittleEndian() {
    var archive = TensorArchive()
    archive.setTensor(Tensor(shape: [1], scalars: [1]), named: "w")
    let bytes = archive.encoded()
    #expect(
      Array(bytes.prefix(26)) == [
        0x41, 0x45, 0x5A, 0x54, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0x77, 1, 1, 0, 0, 0, 0x00, 0x00, 0x80, 0x3F,
      ])
    #expect(bytes.count == 30)
  }

  @Test func replacingAnEntryKeepsItsPlace() {
    var archive = Self.sampleArchive()
    archive.setTensor(Tensor(shape: [1], scalars: [0]), named: "a")
    #expect(archive.tensorNames.first == "a")
    #expect(archive.tensor(named: "a")?.shape == [1])
  }

  /// Bytes with a valid checksum appended, for crafting malformed archives.
  static func sealed(_ body: [UInt8]) -> [UInt8] {
    let crc = CRC32.checksum(body)
    return body + (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) }
  }

  static let header: [UInt8] = [0x41, 0x45, 0x5A, 0x54, 1, 0]

  struct Corruption: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: @Sendable () -> [UInt8]
    var error: ArchiveError
    var testDescription: String { name }
  }

  static let corruptions: [Corruption] = [
    Corruption(
      name: "PNG instead", bytes: { [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0] },
      error: .notAnArchive(magic: [0x89, 0x50, 0x4E, 0x47])),
    Corruption(
      name: "three bytes", bytes: { [0x41, 0x45, 0x5A] },
      error: .truncated(offset: 0, needed: 4, available: 3)),
    Corruption(
      name: "future version",
      bytes: { [0x41, 0x45, 0x5A, 0x54, 2, 0] + [UInt8](repeating: 0, count: 12) },
      error: .unsupportedVersion(2)),
    Corruption(
      name: "header only", bytes: { header + [0, 0, 0, 0] },
      error: .truncated(offset: 0, needed: 18, available: 10)),
    Corruption(
      name: "flipped value bit",
      bytes: {
        var bytes = sampleArchive().encoded()
        bytes[40] ^= 0x10
        return bytes
      },
      error: .checksumMismatch(stored: 0, computed: 0)),
    Corruption(
      name: "count beyond data", bytes: { sealed(header + [1, 0, 0, 0, 0, 0, 0, 0]) },
      error: .truncated(offset: 14, needed: 2, available: 0)),
    Corruption(
      name: "tensor larger than the file",
      bytes: { sealed(header + [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0x78, 1, 0xFF, 0xFF, 0xFF, 0x7F]) },
      error: .truncated(offset: 22, needed: 4 * 0x7FFF_FFFF, available: 0)),
    Corruption(
      name: "impossible shape",
      bytes: {
        sealed(
          header + [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0x78, 3]
            + [UInt8](repeating: 0xFF, count: 12))
      },
      error: .invalidShape(name: "x", shape: [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF])),
    Corruption(
      name: "invalid UTF-8 name", bytes: { sealed(header + [0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0xFF]) },
      error: .invalidName(offset: 16)),
    Corruption(
      name: "duplicate integer",
      bytes: {
        let entry: [UInt8] = [1, 0, 0x6E] + [UInt8](repeating: 0, count: 8)
        return sealed(header + [0, 0, 0, 0, 2, 0, 0, 0] + entry + entry)
      },
      error: .duplicateName("n")),
    Corruption(
      name: "bytes after the entries", bytes: { sealed(header + [0, 0, 0, 0, 0, 0, 0, 0, 9]) },
      error: .trailingBytes(count: 1)),
  ]

  @Test(arguments: corruptions)
  func rejectsMalformedBytes(_ corruption: Corruption) {
    #expect {
      _ = try TensorArchive(decoding: corruption.bytes())
    } throws: { error in
      guard let error = error as? ArchiveError else { return false }
      // A checksum mismatch carries values that depend on the whole file; match its kind.
      if case .checksumMismatch = corruption.error, case .checksumMismatch = error { return true }
      return error == corruption.error
    }
  }

  @Test func errorsDescribeTheOffendingValue() {
    let error = ArchiveError.shapeMismatch(
      name: "0.weight", expected: [32, 784], actual: [16, 784])
    #expect(error.description.contains("0.weight"))
    #expect(error.description.contains("[16, 784]") && error.description.contains("[32, 784]"))
    #expect(
      ArchiveError.checksumMismatch(stored: 0xAB, computed: 1).description.contains("0x000000AB"))
  }

  @Test func layerParametersRoundTrip() throws {
    var generator = SeededGenerator(seed: 81)
    let model = Sequential([
      Conv2D(inputChannels: 1, outputChannels: 2, kernelSize: 3, generator: &generator),
      GDN(channels: 2),
    ])
    var archive = TensorArchive()
    model.saveParameters(into: &archive, prefix: "encoder.")
    #expect(
      archive.tensorNames == [
        "encoder.0.weight", "encoder.0.bias", "encoder.1.beta", "encoder.1.gamma",
      ])

    let other = Sequential([
      Conv2D(inputChannels: 1, outputChannels: 2, kernelSize: 3, generator: &generator),
      GDN(channels: 2),
    ])
    try other.loadParameters(from: TensorArchive(decoding: archive.encoded()), prefix: "encoder.")
    #expect(
      other.parameters.map { $0.parameter.value } == model.parameters.map { $0.parameter.value })
  }

  @Test func wrongShapeIsAnErrorAndChangesNothing() {
    var generator = SeededGenerator(seed: 82)
    let saved = Sequential([
      Dense(inputSize: 4, outputSize: 3, generator: &generator),
      Dense(inputSize: 3, outputSize: 2, generator: &generator),
    ])
    var archive = TensorArchive()
    saved.saveParameters(into: &archive)
    let wider = Sequential([
      Dense(inputSize: 4, outputSize: 3, generator: &generator),
      Dense(inputSize: 3, outputSize: 5, generator: &generator),
    ])
    let before = wider.parameters.map { $0.parameter.value }

    #expect(
      throws: ArchiveError.shapeMismatch(name: "1.weight", expected: [5, 3], actual: [2, 3])
    ) {
      try wider.loadParameters(from: archive)
    }
    #expect(wider.parameters.map { $0.parameter.value } == before)
  }

  @Test func missingTensorIsAnError() {
    var generator = SeededGenerator(seed: 83)
    let layer = Dense(inputSize: 2, outputSize: 2, generator: &generator)
    var archive = TensorArchive()
    layer.saveParameters(into: &archive, prefix: "decoder.")
    #expect(throws: ArchiveError.missingTensor(name: "encoder.weight")) {
      try layer.loadParameters(from: archive, prefix: "encoder.")
    }
  }

  @Test func optimizerStateOfAnotherKindIsAnError() {
    let parameters = OptimizerTests.makeParameters()
    var archive = TensorArchive()
    SGD(parameters: parameters, schedule: .constant(1)).saveState(into: &archive, prefix: "")
    #expect(throws: ArchiveError.missingTensor(name: "weight.firstMoment")) {
      try Adam(parameters: parameters, schedule: .constant(1)).loadState(from: archive, prefix: "")
    }
  }

  @Test func generatorStateRoundTrips() throws {
    var generator = SeededGenerator(seed: 84)
    _ = generator.next()
    var archive = TensorArchive()
    generator.save(into: &archive, named: "generator")
    var restored = try SeededGenerator(
      from: TensorArchive(decoding: archive.encoded()), named: "generator")
    #expect(restored.next() == generator.next())

    var zero = TensorArchive()
    for index in 0..<4 { zero.setInteger(0, named: "g.\(index)") }
    #expect(throws: ArchiveError.invalidGeneratorState(name: "g")) {
      try SeededGenerator(from: zero, named: "g")
    }
  }
}
