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

/// Runs `body`, giving an error it throws about a file's contents the file's path, so that
/// with several files the message says which one is at fault.
///
/// Errors that already name their file (`InputFileError`) pass through unchanged.
func namingFile<Result>(_ path: String, _ body: () throws -> Result) throws -> Result {
  do {
    return try body()
  } catch let error as InputFileError {
    throw error
  } catch {
    throw InputFileError(path: path, reason: "\(error)")
  }
}
