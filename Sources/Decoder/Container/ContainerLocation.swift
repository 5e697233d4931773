/// Where in a `.aez` file a field lies, so that an error can say exactly what went wrong.
public struct ContainerLocation: Sendable, Equatable, CustomStringConvertible {
  /// A field of the format, named as in the specification.
  public enum Field: Sendable, Equatable, CustomStringConvertible {
    /// The two magic bytes.
    case magic
    /// The version byte.
    case version
    /// The two-byte short model fingerprint.
    case shortFingerprint
    /// The header word (pixel format and flags).
    case headerWord
    /// The width.
    case width
    /// The height.
    case height
    /// The quality code.
    case quality
    /// The rank of an explicit latent shape.
    case latentRank
    /// Dimension `index` (from 0) of an explicit latent shape.
    case latentDimension(Int)
    /// The archive's entry count.
    case entryCount
    /// An entry's word (payload length and own-header bit).
    case entryWord
    /// The length of an entry's name.
    case nameLength
    /// The bytes of an entry's name.
    case name
    /// A payload.
    case payload
    /// Sub-stream `index` (from 0) of a payload framed by `PayloadStreams`.
    case subStream(Int)
    /// The four-byte check.
    case check

    /// The field's name, as in the specification.
    public var description: String {
      switch self {
      case .magic: "magic"
      case .version: "version"
      case .shortFingerprint: "short model fingerprint"
      case .headerWord: "header word"
      case .width: "width"
      case .height: "height"
      case .quality: "quality"
      case .latentRank: "latent shape rank"
      case .latentDimension(let index): "latent shape dimension \(index)"
      case .entryCount: "entry count"
      case .entryWord: "entry word"
      case .nameLength: "name length"
      case .name: "name"
      case .payload: "payload"
      case .subStream(let index): "payload sub-stream \(index)"
      case .check: "check"
      }
    }
  }

  /// The field.
  public var field: Field
  /// The index (from 0) of the archive entry the field belongs to; `nil` outside entries.
  public var entry: Int?
  /// The offset of the field's first byte in the file; `nil` when not reading a file.
  public var offset: Int?

  /// Creates a location.
  public init(_ field: Field, entry: Int? = nil, offset: Int? = nil) {
    self.field = field
    self.entry = entry
    self.offset = offset
  }

  /// For example "the width of entry 3 (at byte 17)"; entries are counted from 1 here.
  public var description: String {
    var text = "the \(field)"
    if let entry { text += " of entry \(entry + 1)" }
    if let offset { text += " (at byte \(offset))" }
    return text
  }
}
