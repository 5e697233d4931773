/// Why a `.aez` file could not be read or written, with the offending value and where it is.
///
/// Every case names the field or values involved; `description` is a sentence for people.
public enum ContainerError: Error, Sendable, Equatable {
  /// What is wrong with an archive entry's name.
  public enum NameProblem: Sendable, Equatable {
    /// The name has no bytes.
    case empty
    /// The name has more than 255 bytes of UTF-8.
    case tooLong(byteCount: Int)
    /// The name's bytes are not valid UTF-8.
    case invalidUTF8
    /// The name contains a path separator or a control character.
    case forbiddenCharacter(Unicode.Scalar)
    /// The name is `.` or `..`.
    case reserved
    /// An earlier entry has the same name.
    case duplicate
  }

  /// The file has no bytes at all.
  case empty
  /// The file does not start with the magic `ae 5a`; `found` holds its first bytes.
  case badMagic(found: [UInt8])
  /// The file is of a version this reader does not read.
  case unknownVersion(found: UInt8)
  /// A header word sets bits this version does not define there.
  case unknownFlags(bits: UInt64, at: ContainerLocation)
  /// A header word's bit depth code is 5, 6 or 7.
  case badBitDepthCode(UInt8, at: ContainerLocation)
  /// A header word's alpha code is 3.
  case badAlphaCode(UInt8, at: ContainerLocation)
  /// A pixel format PNG cannot have, such as RGB at 4 bits.
  case unsupportedPixelFormat(ContainerPixelFormat, at: ContainerLocation)
  /// The file ends inside a field.
  case truncated(at: ContainerLocation)
  /// A varint needs more than 64 bits.
  case varintOverflow(at: ContainerLocation)
  /// A varint is written with more bytes than its value needs.
  case overlongVarint(at: ContainerLocation)
  /// A width or height is 0 or above `ContainerImageHeader.maximumDimension`.
  case badGeometry(width: UInt64, height: UInt64, at: ContainerLocation)
  /// A quality code is above 100 (whole) or 10 000 (hundredths).
  case badQuality(code: UInt64, fractional: Bool, at: ContainerLocation)
  /// A latent shape's rank or dimension is out of range; `at` tells which.
  case badLatentShape(UInt64, at: ContainerLocation)
  /// An archive holds no entries.
  case emptyArchive(at: ContainerLocation)
  /// An archive entry's name breaks a rule.
  case badName(String, problem: NameProblem, at: ContainerLocation)
  /// The stored check differs from the one computed with the offered model's fingerprint.
  case checksumMismatch(stored: UInt32, computed: UInt32)
  /// The file was made by another model than the one offered.
  case modelMismatch(fileShortFingerprint: UInt16, modelFingerprint: UInt64)
  /// None of the known models has the file's short fingerprint.
  case unknownModel(fileShortFingerprint: UInt16, knownFingerprints: [UInt64])
  /// Bytes follow the end of the file's data; `offset` is where they start.
  case trailingBytes(count: Int, offset: Int)
}
