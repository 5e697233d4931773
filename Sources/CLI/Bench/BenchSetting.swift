import Models

/// One setting of a codec in a bench: the quality and, for aez, the model that codes at it.
struct BenchSetting: Sendable {
  /// The codec.
  var codec: BenchCodec
  /// The quality passed to the codec; `nil` for an aez model that stands for no quality.
  var quality: Double?
  /// The model, for aez only.
  var model: CatalogModel?

  /// The quality as shown in tables: `50`, or `-` for none.
  var qualityText: String {
    quality.map(BenchCodec.qualityText) ?? "-"
  }
}
