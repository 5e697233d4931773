import Foundation

/// The models available to a run: the embedded ones and any given as files.
public struct ModelCatalog: Sendable {
  /// Every model, embedded ones first, in name order.
  public private(set) var models: [CatalogModel]

  /// A catalog of the embedded models.
  ///
  /// - Throws: `ModelFileError` if an embedded model is damaged, which is a build defect.
  public static func embedded() throws -> ModelCatalog {
    let models = try EmbeddedModels.all.map { entry in
      CatalogModel(name: entry.name, file: try ModelFile(bytes: entry.bytes), isEmbedded: true)
    }
    return ModelCatalog(models: models.sorted { $0.name < $1.name })
  }

  /// A catalog holding exactly `models`.
  public init(models: [CatalogModel]) {
    self.models = models
  }

  /// Adds the model file at `path`, returning its entry.
  ///
  /// - Throws: `ModelFileError` or the file system's error.
  @discardableResult
  public mutating func add(path: String) throws -> CatalogModel {
    let model = CatalogModel(name: path, file: try ModelFile(contentsOf: path), isEmbedded: false)
    models.append(model)
    return model
  }

  /// The families, each with its members sorted by quality.
  public var families: [(name: String, members: [CatalogModel])] {
    let grouped = Dictionary(grouping: models, by: \.family)
    return grouped.keys.sorted().map { family in
      (family, (grouped[family] ?? []).sorted { ($0.quality ?? 0) < ($1.quality ?? 0) })
    }
  }

  /// The model called `name`, or the member of family `name` nearest to `quality`.
  public func model(named name: String, quality: Double?) -> CatalogModel? {
    if let exact = models.first(where: { $0.name == name }) { return exact }
    let members = models.filter { $0.family == name }
    guard let quality else {
      // Without a quality, the middle of the family's range.
      let sorted = members.sorted { ($0.quality ?? 0) < ($1.quality ?? 0) }
      return sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
    }
    return members.min { abs(($0.quality ?? 0) - quality) < abs(($1.quality ?? 0) - quality) }
  }

  /// The models whose fingerprint is `fingerprint`.
  public func model(fingerprint: UInt64) -> CatalogModel? {
    models.first { $0.fingerprint == fingerprint }
  }
}
