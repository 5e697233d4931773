import Testing

@testable import Models

/// A file around `content` with empty notes.
private func file(content: [UInt8]) -> [UInt8] {
  Array("AEZMODEL".utf8) + [1, 0] + littleEndian(UInt64(content.count), size: 4) + content
    + littleEndian(2, size: 4) + Array("{}".utf8)
}

@Suite("Model file errors")
struct ModelFileErrorTests {
  @Test("a wrong magic is refused")
  func badMagic() {
    var builder = ModelFileBytes()
    builder.magic = Array("AEZMODEX".utf8)
    #expect(throws: ModelFileError.badMagic) { try ModelFile(bytes: builder.bytes) }
    #expect(ModelFileError.badMagic.description.contains("AEZMODEL"))
  }

  @Test("another format version is refused, naming it", arguments: [0, 2, 0xFFFF] as [UInt16])
  func unsupportedVersion(version: UInt16) {
    var builder = ModelFileBytes()
    builder.version = version
    #expect(throws: ModelFileError.unsupportedVersion(version)) {
      try ModelFile(bytes: builder.bytes)
    }
    #expect(ModelFileError.unsupportedVersion(version).description.contains("\(version)"))
  }

  @Test("a file cut anywhere names the field it ends in")
  func truncatedAnywhere() {
    let bytes = sampleModelFile().serialized()
    let contentLength = storedContent(of: bytes).count
    func field(endingAt length: Int) -> String {
      switch length {
      case ..<8: return "magic"
      case ..<10: return "version"
      case ..<14: return "content length"
      case ..<(14 + contentLength): return "content"
      case ..<(18 + contentLength): return "notes length"
      default: return "notes"
      }
    }
    for length in 0..<bytes.count {
      #expect(throws: ModelFileError.truncated(field: field(endingAt: length))) {
        try ModelFile(bytes: Array(bytes.prefix(length)))
      }
    }
  }

  @Test("content cut anywhere names the field of the entry it ends in")
  func truncatedContent() throws {
    var builder = ModelFileBytes()
    builder.entries = [.tensor("w", shape: [2], values: [1, 2])]
    let content = builder.content
    // {"name":"dense"} is 16 bytes; the entry starts at 24.
    func field(endingAt length: Int) -> String {
      switch length {
      case ..<4: return "architecture length"
      case ..<20: return "architecture"
      case ..<24: return "entry count"
      case ..<26: return "entry name length"
      case ..<27: return "entry name"
      case ..<28: return "kind of w"
      case ..<29: return "rank of w"
      case ..<33: return "shape of w"
      case ..<41: return "length of w"
      default: return "data of w"
      }
    }
    #expect(content.count == 49)
    for length in 0..<content.count {
      #expect(throws: ModelFileError.truncated(field: field(endingAt: length))) {
        try ModelFile(bytes: file(content: Array(content.prefix(length))))
      }
    }
    #expect(try ModelFile(bytes: file(content: content)).entries.count == 1)
  }

  @Test("a data length beyond the content is truncation, not a huge allocation")
  func hugeDataLength() {
    var entry = ModelFileBytes.Entry.bytes("t", [1, 2])
    entry.declaredLength = UInt64.max
    var builder = ModelFileBytes()
    builder.entries = [entry]
    #expect(throws: ModelFileError.truncated(field: "data of t")) {
      try ModelFile(bytes: builder.bytes)
    }
  }

  @Test("bytes after the notes are refused with their count", arguments: [1, 3, 100])
  func trailingBytes(count: Int) {
    var builder = ModelFileBytes()
    builder.fileSuffix = [UInt8](repeating: 0, count: count)
    #expect(throws: ModelFileError.trailingBytes(count: count)) {
      try ModelFile(bytes: builder.bytes)
    }
    #expect(ModelFileError.trailingBytes(count: count).description.contains("\(count)"))
  }

  @Test("bytes after the last entry are refused")
  func bytesAfterEntries() {
    var builder = ModelFileBytes()
    builder.entries = [.bytes("t", [1])]
    builder.contentSuffix = [0]
    #expect(
      throws: ModelFileError.malformed(field: "content", reason: "bytes after the last entry")
    ) { try ModelFile(bytes: builder.bytes) }
  }

  @Test("a name that appears twice is refused")
  func duplicateEntry() {
    var builder = ModelFileBytes()
    builder.entries = [
      .tensor("w", shape: [1], values: [1]), .tensor("w", shape: [1], values: [2]),
    ]
    #expect(throws: ModelFileError.malformed(field: "entry w", reason: "name appears twice")) {
      try ModelFile(bytes: builder.bytes)
    }
  }

  @Test("an unknown entry kind is refused, naming it", arguments: [0, 3, 255] as [UInt8])
  func unknownKind(kind: UInt8) {
    var entry = ModelFileBytes.Entry.bytes("t", [1, 2, 3, 4])
    entry.kind = kind
    var builder = ModelFileBytes()
    builder.entries = [entry]
    #expect(throws: ModelFileError.malformed(field: "kind of t", reason: "unknown kind \(kind)")) {
      try ModelFile(bytes: builder.bytes)
    }
  }

  @Test("a tensor whose data does not fill its shape is refused")
  func tensorLengthDisagreesWithShape() {
    var entry = ModelFileBytes.Entry.tensor("w", shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
    entry.dimensions = [2, 2]
    var builder = ModelFileBytes()
    builder.entries = [entry]
    #expect(
      throws: ModelFileError.malformed(field: "data of w", reason: "24 bytes for shape [2, 2]")
    ) { try ModelFile(bytes: builder.bytes) }
  }

  @Test("dimensions whose product overflows are refused, not trapped on")
  func overflowingShape() {
    var entry = ModelFileBytes.Entry.tensor("w", shape: [1], values: [1])
    entry.dimensions = [UInt32.max, UInt32.max, UInt32.max]
    var builder = ModelFileBytes()
    builder.entries = [entry]
    let maximum = Int(UInt32.max)
    #expect(
      throws: ModelFileError.malformed(
        field: "data of w", reason: "4 bytes for shape \([maximum, maximum, maximum])")
    ) { try ModelFile(bytes: builder.bytes) }
  }

  @Test("architecture and notes must be JSON objects")
  func malformedJSON() {
    for (architecture, notes, field) in [
      ("[1, 2]", "{}", "architecture"), ("{", "{}", "architecture"),
      (#"{"name":"dense"}"#, "null", "notes"), (#"{"name":"dense"}"#, "{]", "notes"),
    ] {
      var builder = ModelFileBytes()
      builder.architecture = architecture
      builder.notes = notes
      #expect(throws: ModelFileError.malformed(field: field, reason: "not a JSON object")) {
        try ModelFile(bytes: builder.bytes)
      }
    }
  }

  @Test("an entry name that is not UTF-8 is refused")
  func nameNotUTF8() {
    var entry = ModelFileBytes.Entry.bytes("t", [1])
    entry.name = [0x66, 0xC3]
    var builder = ModelFileBytes()
    builder.entries = [entry]
    #expect(throws: ModelFileError.malformed(field: "entry name", reason: "not UTF-8")) {
      try ModelFile(bytes: builder.bytes)
    }
  }

  @Test("asking for an entry of the other kind, or a missing one, names it")
  func wrongKindOrMissing() {
    let file = sampleModelFile()
    #expect(throws: ModelFileError.missingEntry("prior.tables")) {
      try file.tensor("prior.tables", shape: [4])
    }
    #expect(throws: ModelFileError.missingEntry("scalar")) { try file.bytes("scalar") }
    #expect(throws: ModelFileError.missingEntry("decoder.0.weight")) {
      try file.tensor("decoder.0.weight", shape: [1])
    }
    #expect(
      ModelFileError.missingEntry("decoder.0.weight").description.contains("decoder.0.weight"))
  }

  @Test("a misshapen tensor names the tensor, the expected and the actual shape")
  func shapeMismatch() {
    let file = sampleModelFile()
    let error = ModelFileError.shapeMismatch(
      name: "encoder.0.weight", expected: [3, 2], actual: [2, 3])
    #expect(throws: error) { try file.tensor("encoder.0.weight", shape: [3, 2]) }
    #expect(
      error.description == "model tensor encoder.0.weight has shape [2, 3], expected [3, 2]")
  }
}
