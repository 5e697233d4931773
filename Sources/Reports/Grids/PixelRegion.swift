/// A rectangle of whole pixels inside an image; `(x, y)` is its top-left corner.
public struct PixelRegion: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The leftmost column.
  public var x: Int
  /// The top row.
  public var y: Int
  /// The width in pixels.
  public var width: Int
  /// The height in pixels.
  public var height: Int

  /// Creates a region.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// Whether the region holds at least one pixel and lies inside a `width × height` image.
  public func fits(width imageWidth: Int, height imageHeight: Int) -> Bool {
    width > 0 && height > 0 && x >= 0 && y >= 0 && x + width <= imageWidth
      && y + height <= imageHeight
  }

  /// The region as `WxH+X+Y`, the geometry notation of common image tools.
  public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}
