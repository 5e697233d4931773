import Foundation

extension ModelFile {
  private static let magic = Array("AEZMODEL".utf8)
  private static let version: UInt16 = 1

  /// Reads a model file from its bytes.
  ///
  /// - Throws: `ModelFileError` naming the field that is wrong.
  public init(bytes: [UInt8]) throws {
    var reader = ByteReader(bytes)
    guard try reader.take(8, field: "magic").elementsEqual(Self.magic) else {
      throw ModelFileError.badMagic
    }
    let version = UInt16(try reader.littleEndian(2, field: "version"))
    guard version == Self.version else { throw ModelFileError.unsupportedVersion(version) }

    let contentLength = Int(try reader.littleEndian(4, field: "content length"))
    let content = try reader.take(contentLength, field: "content")
    let notesLength = Int(try reader.littleEndian(4, field: "notes length"))
    let notesBytes = try reader.take(notesLength, field: "notes")
    guard reader.remaining == 0 else { throw ModelFileError.trailingBytes(count: reader.remaining) }

    var contentReader = ByteReader(Array(content))
    let architectureLength = Int(try contentReader.littleEndian(4, field: "architecture length"))
    let architecture = try JSONValue.decodeObject(
      try contentReader.take(architectureLength, field: "architecture"), field: "architecture")
    let entryCount = Int(try contentReader.littleEndian(4, field: "entry count"))
    var entries: [String: ModelEntry] = [:]
    for _ in 0..<entryCount {
      let (name, entry) = try Self.readEntry(&contentReader)
      guard entries[name] == nil else {
        throw ModelFileError.malformed(field: "entry \(name)", reason: "name appears twice")
      }
      entries[name] = entry
    }
    guard contentReader.remaining == 0 else {
      throw ModelFileError.malformed(field: "content", reason: "bytes after the last entry")
    }
    self.init(
      architecture: architecture, entries: entries,
      notes: try JSONValue.decodeObject(notesBytes, field: "notes"))
    // Kept so that the fingerprint is the digest of the content exactly as stored.
    storedContent = Array(content)
    storedNotes = Array(notesBytes)
  }

  /// Reads the model file at `path`.
  ///
  /// - Throws: `ModelFileError`, or Foundation's error when the file cannot be read.
  public init(contentsOf path: String) throws {
    try self.init(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
  }

  /// The file's bytes, as specified in `Specs/model-format.md`.
  public func serialized() -> [UInt8] {
    let content = contentBytes()
    let notesBytes = storedNotes ?? JSONValue.encodeObject(notes)
    var bytes = Self.magic
    appendLittleEndian(UInt64(Self.version), size: 2, to: &bytes)
    appendLittleEndian(UInt64(content.count), size: 4, to: &bytes)
    bytes += content
    appendLittleEndian(UInt64(notesBytes.count), size: 4, to: &bytes)
    bytes += notesBytes
    return bytes
  }

  /// The content bytes: architecture and sorted entries, the part the fingerprint covers;
  /// the bytes as read when the file came from bytes and is unchanged.
  func contentBytes() -> [UInt8] {
    if let storedContent { return storedContent }
    let architectureBytes = JSONValue.encodeObject(architecture)
    var bytes: [UInt8] = []
    appendLittleEndian(UInt64(architectureBytes.count), size: 4, to: &bytes)
    bytes += architectureBytes
    appendLittleEndian(UInt64(entries.count), size: 4, to: &bytes)
    for name in entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      guard let entry = entries[name] else { continue }
      let nameBytes = Array(name.utf8)
      appendLittleEndian(UInt64(nameBytes.count), size: 2, to: &bytes)
      bytes += nameBytes
      switch entry {
      case .tensor(let shape, let values):
        bytes.append(1)
        bytes.append(UInt8(shape.count))
        for dimension in shape { appendLittleEndian(UInt64(dimension), size: 4, to: &bytes) }
        appendLittleEndian(UInt64(values.count * 4), size: 8, to: &bytes)
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for value in values { appendLittleEndian(UInt64(value.bitPattern), size: 4, to: &bytes) }
      case .bytes(let data):
        bytes.append(2)
        bytes.append(0)
        appendLittleEndian(UInt64(data.count), size: 8, to: &bytes)
        bytes += data
      }
    }
    return bytes
  }

  private static func readEntry(_ reader: inout ByteReader) throws -> (String, ModelEntry) {
    let nameLength = Int(try reader.littleEndian(2, field: "entry name length"))
    guard
      let name = String(validating: try reader.take(nameLength, field: "entry name"), as: UTF8.self)
    else { throw ModelFileError.malformed(field: "entry name", reason: "not UTF-8") }
    let kind = try reader.take(1, field: "kind of \(name)").first ?? 0
    let rank = Int(try reader.take(1, field: "rank of \(name)").first ?? 0)
    var shape: [Int] = []
    for _ in 0..<rank { shape.append(Int(try reader.littleEndian(4, field: "shape of \(name)"))) }
    let length = try reader.littleEndian(8, field: "length of \(name)")
    guard length <= UInt64(reader.remaining) else {
      throw ModelFileError.truncated(field: "data of \(name)")
    }
    let data = try reader.take(Int(length), field: "data of \(name)")
    switch kind {
    case 1:
      // The dimensions come from the file: a product that overflows is malformed too.
      var byteCount = MemoryLayout<Float>.size
      var overflow = false
      for dimension in shape where !overflow {
        (byteCount, overflow) = byteCount.multipliedReportingOverflow(by: dimension)
      }
      guard !overflow, Int(length) == byteCount else {
        throw ModelFileError.malformed(
          field: "data of \(name)", reason: "\(length) bytes for shape \(shape)")
      }
      var values = [Float](repeating: 0, count: byteCount / 4)
      var offset = data.startIndex
      for index in values.indices {
        var bits: UInt32 = 0
        for byte in 0..<4 { bits |= UInt32(data[offset + byte]) << (8 * UInt32(byte)) }
        values[index] = Float(bitPattern: bits)
        offset += 4
      }
      return (name, .tensor(shape: shape, values: values))
    case 2:
      return (name, .bytes(Array(data)))
    default:
      throw ModelFileError.malformed(field: "kind of \(name)", reason: "unknown kind \(kind)")
    }
  }
}

private func appendLittleEndian(_ value: UInt64, size: Int, to bytes: inout [UInt8]) {
  for index in 0..<size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
}

/// Reads fields in order from a byte array, throwing `truncated` past its end.
struct ByteReader {
  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var remaining: Int { bytes.count - offset }

  mutating func take(_ count: Int, field: String) throws -> ArraySlice<UInt8> {
    guard count >= 0, count <= remaining else { throw ModelFileError.truncated(field: field) }
    defer { offset += count }
    return bytes[offset..<offset + count]
  }

  mutating func littleEndian(_ size: Int, field: String) throws -> UInt64 {
    try take(size, field: field).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
  }
}
