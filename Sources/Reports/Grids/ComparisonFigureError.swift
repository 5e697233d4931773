/// A reason a comparison figure cannot be drawn.
public enum ComparisonFigureError: Error, Equatable, CustomStringConvertible {
  /// A decoded image's size differs from the original's.
  case sizeMismatch(label: String, expectedWidth: Int, expectedHeight: Int, width: Int, height: Int)
  /// The requested detail region does not lie inside the image.
  case detailOutsideImage(region: PixelRegion, width: Int, height: Int)

  /// A sentence naming the offending image or region.
  public var description: String {
    switch self {
    case .sizeMismatch(let label, let expectedWidth, let expectedHeight, let width, let height):
      return "\(label) is \(width)x\(height) pixels but the original is "
        + "\(expectedWidth)x\(expectedHeight); every image in a comparison must match"
    case .detailOutsideImage(let region, let width, let height):
      return "the detail region \(region) does not fit inside the \(width)x\(height) image"
    }
  }
}
