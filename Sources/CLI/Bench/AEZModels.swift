import Codec
import Decoder
import Foundation
import Image
import Models

/// The aez models a bench or a comparison chooses among, and the settings they sweep.
///
/// Two kinds of model exist. A fixed-rate model (the digits family) codes at the one rate
/// it was trained for, and a family's members stand for different qualities; sweeping the
/// family means coding with each member. A continuous-quality model (the photo model) was
/// trained at several rate points and codes at any quality between them; sweeping it means
/// coding with the one model at several qualities.
struct AEZModels: Sendable {
  /// The models to choose among, by quality: the family's members, or the one model asked
  /// for by its exact name or file.
  let members: [CatalogModel]

  /// The default sweep of a continuous-quality model whose rate points cannot be read.
  static let fallbackContinuousQualities: [Double] = [10, 25, 40, 55, 70, 85, 95]

  /// The number of qualities in a continuous-quality model's default sweep.
  static let continuousSweepCount = 7

  /// Finds the models for `images`: those `choice` names (a model, a file or a family), or
  /// the default family for the images' kind, as `aez compress` picks it.
  ///
  /// - Throws: `CodingError.unknownModel`, `.mixedModels`, `.unsupportedArchitecture`, and
  ///   `.imageDoesNotFitModel` naming the first image the models cannot code.
  init(choice: String?, images: [InputImage], catalog: ModelCatalog) throws {
    let probe = try ModelChoice.model(
      option: choice, target: .quality(50), images: images.map(\.image), catalog: catalog)
    if let choice, catalog.models.contains(where: { $0.name == choice }) {
      members = [probe.entry]
    } else {
      let family = catalog.families.first { $0.name == probe.entry.family }
      members = family?.members ?? [probe.entry]
    }
    for input in images where !probe.accepts(width: input.image.width, height: input.image.height) {
      throw CodingError.imageDoesNotFitModel(
        model: probe.entry.name, expected: probe.imageKind,
        actual: "\(input.image.width)x\(input.image.height) \(input.image.layout) "
          + "(\((input.path as NSString).lastPathComponent))")
    }
  }

  /// A choice among exactly `members`, at least one.
  init(members: [CatalogModel]) {
    precondition(!members.isEmpty, "a model choice holds at least one model")
    self.members = members
  }

  /// Whether `model` codes at any quality (it lists rate points) rather than at one rate.
  static func isContinuous(_ model: CatalogModel) -> Bool {
    model.file.architecture["ratePoints"]?.array != nil
  }

  /// Whether any member codes at any quality.
  var isContinuous: Bool { members.contains(where: Self.isContinuous) }

  /// The member that codes at `quality`: the one nearest to it, the first on a tie.
  func member(for quality: Double) -> CatalogModel {
    precondition(!members.isEmpty, "a model choice holds at least one model")
    guard members.count > 1 else { return members[0] }
    return members.min {
      abs(($0.quality ?? 0) - quality) < abs(($1.quality ?? 0) - quality)
    } ?? members[0]
  }

  /// The setting that codes at `quality`: its member, and the quality that member codes at
  /// (the requested one for a continuous-quality model, the member's own otherwise).
  func setting(for quality: Double) -> BenchSetting {
    let model = member(for: quality)
    let effective = Self.isContinuous(model) ? quality : model.quality
    return BenchSetting(codec: .aez, quality: effective, model: model)
  }

  /// The settings of a sweep over `qualities`, or over the default when `nil`: every member
  /// of a fixed-rate family, or `continuousSweepCount` qualities evenly over a continuous
  /// model's rate points. Settings that end up with the same model and quality are kept once.
  func sweep(qualities: [Double]?) -> [BenchSetting] {
    guard let wanted = qualities ?? defaultContinuousQualities() else {
      return members.map { BenchSetting(codec: .aez, quality: $0.quality, model: $0) }
    }
    var seen = Set<String>()
    return wanted.map(setting(for:)).filter { setting in
      let key = "\(setting.model?.name ?? "")@\(setting.quality.map { "\($0)" } ?? "-")"
      return seen.insert(key).inserted
    }
  }

  /// For a continuous-quality model, qualities evenly spaced over its rate points' range,
  /// rounded to whole numbers; `nil` for a fixed-rate family.
  private func defaultContinuousQualities() -> [Double]? {
    guard let model = members.first(where: Self.isContinuous) else { return nil }
    let rateQualities = (model.file.architecture["ratePoints"]?.array ?? [])
      .compactMap { $0.object?["quality"]?.number }
    guard let low = rateQualities.min(), let high = rateQualities.max(), high > low else {
      return Self.fallbackContinuousQualities
    }
    let steps = Double(Self.continuousSweepCount - 1)
    let qualities = (0..<Self.continuousSweepCount).map { index in
      (low + (high - low) * Double(index) / steps).rounded()
    }
    return Array(Set(qualities)).sorted()
  }
}
