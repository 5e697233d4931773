/// A reason two images cannot be compared by an `ImageQuality` measure.
public enum ImageQualityError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The images differ in width or height.
  case sizeMismatch(
    referenceWidth: Int, referenceHeight: Int, distortedWidth: Int, distortedHeight: Int)
  /// The images have different channel layouts (for example RGB against RGBA).
  case layoutMismatch(reference: PixelBuffer.Layout, distorted: PixelBuffer.Layout)

  /// One line naming both shapes.
  public var description: String {
    switch self {
    case .sizeMismatch(let referenceWidth, let referenceHeight, let width, let height):
      "cannot compare a \(referenceWidth)x\(referenceHeight) image with a \(width)x\(height) "
        + "image; sizes must match"
    case .layoutMismatch(let reference, let distorted):
      "cannot compare a \(reference) image with a \(distorted) image; convert one of them "
        + "first"
    }
  }
}
