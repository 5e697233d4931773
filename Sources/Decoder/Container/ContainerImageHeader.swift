/// What a reader needs to know about one image before running the model on its payload.
///
/// In an archive most entries share one header (the archive's default) and store none.
public struct ContainerImageHeader: Sendable, Hashable {
  /// The largest width or height: `2^31 - 1`, the PNG limit.
  public static let maximumDimension = 2_147_483_647
  /// The largest quality, in hundredths.
  public static let maximumQualityHundredths = 10_000
  /// The largest rank of an explicit latent shape.
  public static let maximumLatentRank = 8

  /// The pixel format of the source and of the decoded PNG.
  public var pixelFormat: ContainerPixelFormat
  /// The width in pixels, 1 to `maximumDimension`.
  public var width: Int
  /// The height in pixels, 1 to `maximumDimension`.
  public var height: Int
  /// The quality setting in hundredths: 0 to 10 000 for qualities 0 to 100.
  public var qualityHundredths: Int
  /// The latent shape when it is not the model's default for this geometry; `nil` means
  /// the default. Dimensions are in the order the model defines (e.g. channels, height, width).
  public var latentShape: [Int]?

  /// Creates a header; the writer checks the values.
  public init(
    pixelFormat: ContainerPixelFormat, width: Int, height: Int, qualityHundredths: Int,
    latentShape: [Int]? = nil
  ) {
    self.pixelFormat = pixelFormat
    self.width = width
    self.height = height
    self.qualityHundredths = qualityHundredths
    self.latentShape = latentShape
  }

  /// The quality setting, 0 to 100: `qualityHundredths / 100`.
  public var quality: Double { Double(qualityHundredths) / 100 }
}
