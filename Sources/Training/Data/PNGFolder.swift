import Foundation

/// The PNG files of folders of training or validation images.
public enum PNGFolder {
  /// The PNG files directly inside `folder`, sorted by name.
  ///
  /// - Throws: The file system's error when the folder cannot be listed.
  public static func files(in folder: String) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    return names.filter { $0.lowercased().hasSuffix(".png") }.sorted().map {
      (folder as NSString).appendingPathComponent($0)
    }
  }

  /// The PNG files of every folder of `folders`, folder after folder.
  ///
  /// - Throws: `DatasetError.notFound` for a path that is not a folder, `.empty` when
  ///   there are no PNG files at all.
  public static func files(inFolders folders: [String]) throws -> [String] {
    var paths: [String] = []
    for folder in folders {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { throw DatasetError.notFound(folder) }
      paths += try files(in: folder)
    }
    guard !paths.isEmpty else { throw DatasetError.empty(folders.joined(separator: ", ")) }
    return paths
  }
}
