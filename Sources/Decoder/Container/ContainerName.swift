/// The rules for archive entry names, which become file names when an archive is extracted.
///
/// A name is 1 to 255 bytes of UTF-8 without `/`, `\` or control characters
/// (U+0000 to U+001F, U+007F), is neither `.` nor `..`, and differs from every other name
/// in its archive. Names are compared as Swift strings, that is under Unicode canonical
/// equivalence, because some file systems would store two canonically equal names as one file.
public enum ContainerName {
  /// The most bytes a name can have: the usual file name limit.
  public static let maximumByteCount = 255

  /// What is wrong with `name` on its own, or `nil` when it is a valid name.
  ///
  /// Uniqueness is checked by the reader and the writer over a whole archive.
  public static func problem(with name: String) -> ContainerError.NameProblem? {
    let byteCount = name.utf8.count
    if byteCount == 0 { return .empty }
    if byteCount > maximumByteCount { return .tooLong(byteCount: byteCount) }
    if name == "." || name == ".." { return .reserved }
    let forbidden = name.unicodeScalars.first { scalar in
      scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F
    }
    if let forbidden { return .forbiddenCharacter(forbidden) }
    return nil
  }
}
