import Foundation

/// The contents of a model file: architecture, named tensors and tables, and notes.
///
/// The byte layout is specified in `Specs/model-format.md`. The fingerprint covers the
/// architecture and entries, never the notes.
///
/// A file read from bytes keeps its content and notes bytes exactly as stored, so its
/// fingerprint is the digest of what the file holds (as the specification defines it) and
/// writing it back gives the same bytes, whatever JSON formatting its writer used. Changing
/// a field drops the stored bytes of that part, which is then encoded afresh.
public struct ModelFile: Sendable {
  /// The architecture's hyperparameters, including `"name"`.
  public var architecture: [String: JSONValue] { didSet { storedContent = nil } }
  /// Every learned tensor and table, by name.
  public var entries: [String: ModelEntry] { didSet { storedContent = nil } }
  /// Descriptions for people: training data, command, measured figures.
  public var notes: [String: JSONValue] { didSet { storedNotes = nil } }

  /// The content bytes as read, while `architecture` and `entries` are unchanged.
  var storedContent: [UInt8]?
  /// The notes bytes as read, while `notes` is unchanged.
  var storedNotes: [UInt8]?

  /// Creates a model file from its parts.
  public init(
    architecture: [String: JSONValue], entries: [String: ModelEntry],
    notes: [String: JSONValue] = [:]
  ) {
    self.architecture = architecture
    self.entries = entries
    self.notes = notes
  }

  /// The architecture's name, such as `"dense"`.
  public var architectureName: String {
    if case .string(let name) = architecture["name"] { return name }
    return ""
  }

  /// The first 8 bytes of the SHA-256 of the content bytes, as a big-endian integer.
  ///
  /// - Complexity: O(n) in the size of the weights.
  public var fingerprint: UInt64 {
    Self.fingerprint(ofContent: contentBytes())
  }

  static func fingerprint(ofContent content: [UInt8]) -> UInt64 {
    SHA256.hash(content).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
  }

  /// The tensor called `name`, checked against the shape the architecture implies.
  ///
  /// - Throws: `ModelFileError.missingEntry` or `.shapeMismatch`.
  public func tensor(_ name: String, shape: [Int]) throws -> [Float] {
    guard case .tensor(let actualShape, let values) = entries[name] else {
      throw ModelFileError.missingEntry(name)
    }
    guard actualShape == shape else {
      throw ModelFileError.shapeMismatch(name: name, expected: shape, actual: actualShape)
    }
    return values
  }

  /// The byte entry called `name`.
  ///
  /// - Throws: `ModelFileError.missingEntry` when it is absent or is a tensor.
  public func bytes(_ name: String) throws -> [UInt8] {
    guard case .bytes(let bytes) = entries[name] else { throw ModelFileError.missingEntry(name) }
    return bytes
  }
}
