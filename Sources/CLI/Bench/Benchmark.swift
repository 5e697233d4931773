import Codec
import Models
import Reports

/// A rate-distortion bench: every codec swept over its settings on every image, then the
/// Bjøntegaard deltas of each codec against a reference codec.
///
/// Building a bench decides what will run: a classical codec whose tools are not on the
/// search path is skipped (with its reason in `skipped`), as is aez when no model fits the
/// images and aez was not asked for by name. Running it codes each image at each setting,
/// on as many threads as asked; the measurements do not depend on the thread count (only
/// the timings do, since threads share the cores).
struct Benchmark {
  /// The settings of one codec.
  struct CodecPlan: Sendable {
    /// The codec.
    var codec: BenchCodec
    /// Its settings, in sweep order.
    var settings: [BenchSetting]
  }

  /// The images, in input order.
  let images: [InputImage]
  /// The codecs that will run, in the order asked for.
  let plans: [CodecPlan]
  /// The codecs asked for that will not run, and why.
  let skipped: [BenchSkip]
  /// The codec the others are compared with.
  let reference: BenchCodec
  /// Runs the classical tools.
  let runner: ClassicalCodecRunner

  /// Plans a bench of `codecs` over `images`.
  ///
  /// - Parameters:
  ///   - images: The images, at least one.
  ///   - codecs: The codecs, in the order their curves should appear.
  ///   - qualities: The qualities asked for; codecs without any sweep their defaults.
  ///   - reference: The codec the deltas are computed against.
  ///   - catalog: The models aez may use.
  ///   - modelChoice: The model, file or family asked for, or `nil` for the images' default.
  ///   - aezIsRequired: Whether a failure to find an aez model is an error (aez was asked
  ///     for by name) rather than a reason to skip it.
  ///   - runner: Runs the classical tools; its search path decides which are available.
  /// - Throws: `UsageError` for a bad quality; when `aezIsRequired`, the `CodingError` that
  ///   says why no model fits.
  init(
    images: [InputImage], codecs: [BenchCodec], qualities: BenchQualities,
    reference: BenchCodec, catalog: ModelCatalog, modelChoice: String?, aezIsRequired: Bool,
    runner: ClassicalCodecRunner
  ) throws {
    precondition(!images.isEmpty, "a bench needs at least one image")
    var plans: [CodecPlan] = []
    var skipped: [BenchSkip] = []
    for codec in codecs {
      switch codec {
      case .aez:
        let models: AEZModels
        do {
          models = try AEZModels(choice: modelChoice, images: images, catalog: catalog)
        } catch let error where !aezIsRequired {
          skipped.append(BenchSkip(codec: codec.name, reason: "\(error)"))
          continue
        }
        let wanted = try qualities.qualities(for: codec)
        plans.append(CodecPlan(codec: codec, settings: models.sweep(qualities: wanted)))

      case .classical(let classical):
        let wanted = try qualities.qualities(for: codec) ?? codec.defaultQualities ?? []
        if case .missing(let tools) = runner.availability(of: classical) {
          let error = ClassicalCodecError.toolMissing(codec: classical, tools: tools)
          skipped.append(BenchSkip(codec: codec.name, reason: error.description))
          continue
        }
        plans.append(
          CodecPlan(
            codec: codec,
            settings: wanted.map { BenchSetting(codec: codec, quality: $0, model: nil) }))
      }
    }
    self.images = images
    self.plans = plans
    self.skipped = skipped
    self.reference = reference
    self.runner = runner
  }

  /// The number of image codings the bench runs: settings × images.
  var taskCount: Int {
    plans.reduce(0) { $0 + $1.settings.count } * images.count
  }

  /// Runs the bench.
  ///
  /// - Parameters:
  ///   - jobs: The most images coded at once, at least 1.
  ///   - completed: Called after each image coding with the number done, from any thread.
  /// - Returns: The curves, deltas and skipped codecs.
  /// - Throws: The first error of a coding, in task order: `CodingError`, `ContainerError`,
  ///   `ClassicalCodecError` (a tool that fails or times out), `ImageQualityError`.
  /// - Complexity: `taskCount` codings, each one encode, one decode and an MS-SSIM.
  func run(jobs: Int, completed: @Sendable (Int) -> Void = { _ in }) throws -> BenchResult {
    let settings = plans.flatMap(\.settings)
    let images = images
    let runner = runner
    // Task t codes image t % images.count at setting t / images.count.
    let measurements = try ParallelTasks.map(
      count: settings.count * images.count, jobs: jobs,
      makeWorker: { BenchWorker(runner: runner) },
      task: { worker, task in
        try worker.measure(settings[task / images.count], on: images[task % images.count])
      },
      completed: completed)

    var curves: [BenchCurve] = []
    var offset = 0
    for plan in plans {
      var points: [BenchPoint] = []
      for setting in plan.settings {
        let start = offset * images.count
        points.append(
          BenchPoint(
            setting: setting, images: Array(measurements[start..<start + images.count])))
        offset += 1
      }
      curves.append(
        BenchCurve(codec: plan.codec.name, name: plan.codec.description, points: points))
    }
    return BenchResult(
      images: images.map(\.path), reference: reference.name, curves: curves,
      deltas: deltas(of: curves), skipped: skipped)
  }

  /// The deltas of every curve but the reference's against the reference's.
  private func deltas(of curves: [BenchCurve]) -> [BenchDelta] {
    let others = curves.filter { $0.codec != reference.name }
    guard let anchor = curves.first(where: { $0.codec == reference.name }) else {
      let reason =
        skipped.first { $0.codec == reference.name }
        .map { "the reference \(reference.name) was skipped: \($0.reason)" }
        ?? "the reference \(reference.name) was not measured; add it to --codecs"
      return others.map { BenchDelta(codec: $0.codec, reference: reference.name, reason: reason) }
    }
    return others.map { BenchDelta(test: $0, reference: anchor) }
  }
}
