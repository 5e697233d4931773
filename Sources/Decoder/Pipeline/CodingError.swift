import Image

/// A reason an image cannot be coded or a file cannot be decoded with a model.
public enum CodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No model with the name or family was found.
  case unknownModel(String, available: [String])
  /// The model codes only images of one size and kind, and the image is another.
  case imageDoesNotFitModel(model: String, expected: String, actual: String)
  /// The model file describes an architecture this build cannot code with.
  case unsupportedArchitecture(String)
  /// The file's latent shape is not the one the model produces for its geometry.
  case latentShapeMismatch(expected: [Int], actual: [Int])
  /// A coded stream inside the payload is damaged.
  case corruptStream(String, reason: String)
  /// Images given together need different models.
  case mixedModels([String])
  /// The image has more pixels than the limit the decoder was given.
  case tooManyPixels(width: Int, height: Int, limit: Int)
  /// The payload is shorter than any valid coding of an image of this size can be.
  case payloadTooShort(width: Int, height: Int, byteCount: Int, minimum: Int)

  /// A sentence describing the problem, for people.
  public var description: String {
    switch self {
    case .unknownModel(let name, let available):
      let list = available.isEmpty ? "none is embedded" : available.joined(separator: ", ")
      return "no model called '\(name)' (available: \(list)); give a model file or a family name"
    case .imageDoesNotFitModel(let model, let expected, let actual):
      return "model \(model) codes \(expected) images, but this image is \(actual)"
    case .unsupportedArchitecture(let name):
      return "model architecture '\(name)' cannot code images in this build"
    case .latentShapeMismatch(let expected, let actual):
      return "the file's latent shape \(actual) does not match the model's \(expected)"
    case .corruptStream(let stream, let reason):
      return "the \(stream) stream is corrupt: \(reason)"
    case .mixedModels(let models):
      return
        "the images need different models (\(models.joined(separator: ", "))); "
        + "compress them separately or choose one with --model"
    case .tooManyPixels(let width, let height, let limit):
      return
        "the image is \(width)x\(height), more than the limit of \(limit) pixels "
        + "(raise it with --max-pixels)"
    case .payloadTooShort(let width, let height, let byteCount, let minimum):
      return
        "the header declares a \(width)x\(height) image, but its payload of \(byteCount) "
        + "bytes is shorter than the \(minimum) bytes any such image takes"
    }
  }
}
