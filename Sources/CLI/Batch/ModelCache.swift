import Decoder
import Models

/// The models one thread has built, by name, so that a batch builds each network once per
/// thread.
///
/// Networks keep their last activations, so one may not run on two threads at once: every
/// thread has its own cache.
final class ModelCache {
  private var models: [String: LoadedModel] = [:]

  /// An empty cache.
  init() {}

  /// The network of `entry`, built on first use.
  ///
  /// - Throws: `ModelFileError` or `CodingError` from `LoadedModel`.
  func model(_ entry: CatalogModel) throws -> LoadedModel {
    if let known = models[entry.name] { return known }
    let loaded = try LoadedModel(entry)
    models[entry.name] = loaded
    return loaded
  }
}
