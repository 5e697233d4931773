import Foundation

/// A file the command line could not read.
struct InputFileError: Error, CustomStringConvertible {
  var path: String
  var reason: String

  var description: String { "\(path): \(reason)" }
}

/// Reads the whole file at `path`, with an error message that names it and says why not.
func readInputFile(_ path: String) throws -> [UInt8] {
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
    throw InputFileError(path: path, reason: "no such file")
  }
  guard !isDirectory.boolValue else { throw InputFileError(path: path, reason: "is a folder") }
  guard let data = FileManager.default.contents(atPath: path) else {
    throw InputFileError(path: path, reason: "cannot be read (check its permissions)")
  }
  return Array(data)
}

/// Whether `path` names a regular file (not a folder).
func isRegularFile(_ path: String) -> Bool {
  var isDirectory: ObjCBool = false
  return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    && !isDirectory.boolValue
}
