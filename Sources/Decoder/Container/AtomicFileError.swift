/// Why `AtomicFile` refused or failed to write an output file.
public enum AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The output exists and `force` was not given.
  case outputExists(path: String)
  /// The output is one of the inputs (by file identity, whatever the spelling of the path).
  case outputIsInput(path: String, input: String)
  /// The output path names a folder.
  case outputIsDirectory(path: String)
  /// The temporary file could not be created in the output's folder.
  case cannotCreate(path: String, reason: String)
  /// Writing or flushing the temporary file failed.
  case writeFailed(path: String, reason: String)
  /// The complete temporary file could not be moved into place.
  case cannotReplace(path: String, reason: String)
  /// The program is stopping (`AtomicFile.abandonAll()` ran), so no output is started.
  case abandoned(path: String)

  /// A sentence that says what happened and what to do.
  public var description: String {
    switch self {
    case .outputExists(let path):
      return "\(path) already exists; refusing to replace it unless forced (--force)"
    case .outputIsInput(let path, let input):
      return "refusing to write \(path): it is the input \(input)"
    case .outputIsDirectory(let path):
      return "\(path) is a folder, not a file name"
    case .cannotCreate(let path, let reason):
      return "cannot create a file in the folder of \(path): \(reason)"
    case .writeFailed(let path, let reason):
      return "writing \(path) failed: \(reason); nothing was written"
    case .cannotReplace(let path, let reason):
      return "cannot move the finished output into place at \(path): \(reason)"
    case .abandoned(let path):
      return "\(path) was not written: the program is stopping"
    }
  }
}
