/// A reason training data cannot be read.
public enum DatasetError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The path names nothing that exists.
  case notFound(String)
  /// The file's contents are not what its kind requires.
  case corrupt(String, reason: String)
  /// The data holds no images.
  case empty(String)
  /// Images of different sizes were given to an architecture that needs one size.
  case mixedSizes(String, expected: String, actual: String)

  /// A sentence describing the problem, for people.
  public var description: String {
    switch self {
    case .notFound(let path): return "\(path): no such file or folder"
    case .corrupt(let path, let reason): return "\(path): \(reason)"
    case .empty(let path): return "\(path): holds no images"
    case .mixedSizes(let path, let expected, let actual):
      return "\(path): is \(actual), but the other images are \(expected)"
    }
  }
}
