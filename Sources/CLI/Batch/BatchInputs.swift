import CommandLineKit
import Foundation

/// The files a batch command works on, from the paths given on the command line.
enum BatchInputs {
  /// The files among `paths`, each folder replaced by the files inside it whose names end
  /// in `.suffix` (any case), in name order; other paths are kept as given, so that a
  /// missing file is reported as such.
  ///
  /// Folders are not searched recursively.
  ///
  /// - Throws: The file system's error when a folder cannot be listed.
  static func files(in paths: [String], suffix: String) throws -> [String] {
    try paths.flatMap { path -> [String] in
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return [path] }
      let names = try FileManager.default.contentsOfDirectory(atPath: path)
      return names.filter { $0.lowercased().hasSuffix("." + suffix) }.sorted().map {
        (path as NSString).appendingPathComponent($0)
      }
    }
  }

  /// The output path in `folder` for each input: its file name with the extension replaced
  /// by `.suffix`, as `photos/cat.png` gives `OUT/cat.aez`.
  ///
  /// - Throws: `UsageError.invalidUsage` when two inputs would write the same output.
  static func outputs(for inputs: [String], in folder: String, suffix: String) throws(UsageError)
    -> [String]
  {
    var seen: [String: String] = [:]
    var outputs: [String] = []
    outputs.reserveCapacity(inputs.count)
    for input in inputs {
      let name = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
      let output = (folder as NSString).appendingPathComponent(name + "." + suffix)
      if let other = seen[output] {
        throw .invalidUsage(
          "\(other) and \(input) would both be written to \(output); give them separately")
      }
      seen[output] = input
      outputs.append(output)
    }
    return outputs
  }

  /// Creates `folder` (and its parents) if it does not exist.
  ///
  /// - Throws: `InputFileError` when it cannot be created or a file of that name exists.
  static func makeFolder(_ folder: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw InputFileError(path: folder, reason: "is a file, not a folder")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw InputFileError(path: folder, reason: "cannot create the folder (\(error))")
    }
  }
}
