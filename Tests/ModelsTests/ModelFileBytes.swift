/// Builds model file bytes field by field, independently of `ModelFile.serialized()`, so
/// tests can write files the writer never would: unsorted entries, spaced JSON, bad fields.
///
/// The layout follows `Specs/model-format.md`: every integer little-endian.
struct ModelFileBytes {
  /// One entry as stored: name, kind, dimensions and data, each free to be wrong.
  struct Entry {
    var name: [UInt8]
    var kind: UInt8
    var dimensions: [UInt32]
    var data: [UInt8]
    /// The stored data length; the data's real length unless a test says otherwise.
    var declaredLength: UInt64?

    /// A Float32 tensor entry with consistent fields.
    static func tensor(_ name: String, shape: [Int], values: [Float]) -> Entry {
      var data: [UInt8] = []
      for value in values { data += littleEndian(UInt64(value.bitPattern), size: 4) }
      return Entry(
        name: Array(name.utf8), kind: 1, dimensions: shape.map { UInt32($0) }, data: data)
    }

    /// A byte entry with consistent fields.
    static func bytes(_ name: String, _ data: [UInt8]) -> Entry {
      Entry(name: Array(name.utf8), kind: 2, dimensions: [], data: data)
    }

    var encoded: [UInt8] {
      var bytes = littleEndian(UInt64(name.count), size: 2) + name
      bytes += [kind, UInt8(dimensions.count)]
      for dimension in dimensions { bytes += littleEndian(UInt64(dimension), size: 4) }
      bytes += littleEndian(declaredLength ?? UInt64(data.count), size: 8)
      return bytes + data
    }
  }

  var magic = Array("AEZMODEL".utf8)
  var version: UInt16 = 1
  var architecture = #"{"name":"dense"}"#
  var entries: [Entry] = []
  var notes = "{}"
  /// Bytes appended to the content after the entries.
  var contentSuffix: [UInt8] = []
  /// Bytes appended after the notes.
  var fileSuffix: [UInt8] = []

  /// The content part: architecture, entry count, entries.
  var content: [UInt8] {
    let architectureBytes = Array(architecture.utf8)
    var bytes = littleEndian(UInt64(architectureBytes.count), size: 4) + architectureBytes
    bytes += littleEndian(UInt64(entries.count), size: 4)
    for entry in entries { bytes += entry.encoded }
    return bytes + contentSuffix
  }

  /// The whole file.
  var bytes: [UInt8] {
    let content = self.content
    let notesBytes = Array(notes.utf8)
    var bytes = magic + littleEndian(UInt64(version), size: 2)
    bytes += littleEndian(UInt64(content.count), size: 4) + content
    bytes += littleEndian(UInt64(notesBytes.count), size: 4) + notesBytes
    return bytes + fileSuffix
  }
}

/// `value`'s low `size` bytes, least significant first.
func littleEndian(_ value: UInt64, size: Int) -> [UInt8] {
  (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
}
