/// A reason a model file cannot be read or does not fit its architecture.
public enum ModelFileError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The file does not start with `AEZMODEL`.
  case badMagic
  /// The file is in a format version this build does not read.
  case unsupportedVersion(UInt16)
  /// The file ends inside the named field.
  case truncated(field: String)
  /// Bytes follow the notes.
  case trailingBytes(count: Int)
  /// A field holds a value the format does not allow.
  case malformed(field: String, reason: String)
  /// The architecture names a model this build does not know.
  case unknownArchitecture(String)
  /// A tensor the architecture needs is absent.
  case missingEntry(String)
  /// A tensor has another shape than the architecture implies.
  case shapeMismatch(name: String, expected: [Int], actual: [Int])

  /// A sentence describing the problem, for people.
  public var description: String {
    switch self {
    case .badMagic:
      return "not an aez model file (it does not start with AEZMODEL)"
    case .unsupportedVersion(let version):
      return "model format version \(version) is not supported (this build reads version 1)"
    case .truncated(let field):
      return "model file is truncated in \(field)"
    case .trailingBytes(let count):
      return "model file has \(count) unexpected bytes after its notes"
    case .malformed(let field, let reason):
      return "model file field \(field) is invalid: \(reason)"
    case .unknownArchitecture(let name):
      return "model architecture '\(name)' is not known to this build"
    case .missingEntry(let name):
      return "model file lacks the tensor \(name)"
    case .shapeMismatch(let name, let expected, let actual):
      return "model tensor \(name) has shape \(actual), expected \(expected)"
    }
  }
}
