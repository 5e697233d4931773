/// Why bytes could not be read as a `TensorArchive`, or why an archive does not fit the model
/// or optimizer it is loaded into.
public enum ArchiveError: Error, Equatable, CustomStringConvertible {
  /// The first four bytes are not `AEZT`.
  case notAnArchive(magic: [UInt8])

  /// The format version is not one this build reads.
  case unsupportedVersion(UInt16)

  /// The data ends early: `needed` bytes were required at `offset`, `available` remain.
  case truncated(offset: Int, needed: Int, available: Int)

  /// The CRC-32 stored at the end does not match the contents.
  case checksumMismatch(stored: UInt32, computed: UInt32)

  /// The entry name at `offset` is not valid UTF-8.
  case invalidName(offset: Int)

  /// Two entries share a name.
  case duplicateName(String)

  /// A tensor's shape has more elements than memory can hold.
  case invalidShape(name: String, shape: [Int])

  /// Bytes remain after the checksum.
  case trailingBytes(count: Int)

  /// The archive has no tensor of this name.
  case missingTensor(name: String)

  /// A tensor exists but its shape differs from the one the model or optimizer needs.
  case shapeMismatch(name: String, expected: [Int], actual: [Int])

  /// The archive has no integer of this name.
  case missingInteger(name: String)

  /// An integer lies outside its valid range.
  case integerOutOfRange(name: String, value: Int64, expected: ClosedRange<Int64>)

  /// The four words of a saved random generator are all zero, a state it can never reach.
  case invalidGeneratorState(name: String)

  /// A readable explanation naming the offending value.
  public var description: String {
    switch self {
    case .notAnArchive(let magic):
      return "not a tensor archive: starts with bytes \(magic), expected \"AEZT\""
    case .unsupportedVersion(let version):
      return "tensor archive format version \(version) is not supported (this build reads 1)"
    case .truncated(let offset, let needed, let available):
      return "tensor archive is truncated: \(needed) bytes needed at offset \(offset), "
        + "\(available) available"
    case .checksumMismatch(let stored, let computed):
      return "tensor archive is corrupt: stored CRC-32 \(hex(stored)), computed \(hex(computed))"
    case .invalidName(let offset):
      return "tensor archive has an entry name at offset \(offset) that is not valid UTF-8"
    case .duplicateName(let name):
      return "tensor archive has two entries named \"\(name)\""
    case .invalidShape(let name, let shape):
      return "tensor \"\(name)\" has an impossible shape \(shape)"
    case .trailingBytes(let count):
      return "tensor archive has \(count) unexpected bytes after its checksum"
    case .missingTensor(let name):
      return "tensor \"\(name)\" is missing from the archive; was it saved from another model?"
    case .shapeMismatch(let name, let expected, let actual):
      return "tensor \"\(name)\" has shape \(actual) in the archive but the model needs "
        + "\(expected); was it saved from a model of another size?"
    case .missingInteger(let name):
      return "integer \"\(name)\" is missing from the archive"
    case .integerOutOfRange(let name, let value, let expected):
      return "integer \"\(name)\" is \(value), outside \(expected)"
    case .invalidGeneratorState(let name):
      return "random generator state \"\(name)\" is all zero, which no generator can reach"
    }
  }
}

private func hex(_ value: UInt32) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}
