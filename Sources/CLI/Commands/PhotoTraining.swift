import CommandLineKit
import Foundation
import Models
import Reports
import Training

/// The `--arch photo` branch of `aez train`: a scale-hyperprior codec trained on random
/// crops of photographs, one model for every quality.
struct PhotoTraining {
  let parsed: ParsedArguments
  let output: String

  func run() throws {
    let settings = PhotoTrainingSettings(
      steps: parsed.integer("steps") ?? 200_000, batchSize: parsed.integer("batch-size") ?? 8,
      cropSize: parsed.integer("crop") ?? 128,
      learningRate: Float(parsed.double("learning-rate") ?? 1e-4),
      seed: UInt64(parsed.integer("seed") ?? 1),
      validationInterval: parsed.integer("validation-interval") ?? 2000)
    let trainingSet = try PhotoImageSet(
      folders: parsed.strings("data"), cropSize: settings.cropSize)
    let validationFolders = parsed.strings("validation")
    guard !validationFolders.isEmpty else {
      throw UsageError.invalidUsage("--arch photo needs --validation DIR, a folder of photographs")
    }
    let validationSet = try PhotoValidationSet(
      folders: validationFolders,
      count: parsed.wasGiven("validation-count") ? parsed.integer("validation-count") ?? 24 : 24)
    printNote(
      "training on \(trainingSet.count) photographs in \(settings.cropSize)x\(settings.cropSize) "
        + "crops, validating on \(validationSet.items.count)")

    let trainer = PhotoTrainer(
      settings: settings, trainingSet: trainingSet, validationSet: validationSet)
    let checkpointPath = output + ".checkpoint"
    if parsed.flag("resume") {
      try trainer.restore(from: try readInputFile(checkpointPath), path: checkpointPath)
      printNote("resuming after step \(trainer.step)")
    }

    let start = ProgressReporter.monotonicSeconds()
    let progress = ProgressReporter(
      label: "train photo", unit: "steps", startingCount: trainer.step)
    try trainer.run(
      progress: { event in
        switch event {
        case .step(let step, _, let figures):
          progress.update(
            completed: step, total: settings.steps,
            fields: [
              "loss": Format.fixed(figures.loss, decimals: 4),
              "bpp": Format.fixed(figures.bitsPerPixel, decimals: 3),
            ])
        case .skippedStep(let step):
          progress.update(completed: step, total: settings.steps)
        case .validation(let figures):
          let points = figures.ratePoints.map {
            "q\(Format.fixed($0.quality, decimals: 0)) \(Format.fixed($0.bitsPerPixel, decimals: 3)) bpp "
              + "\(Format.fixed($0.psnr, decimals: 2)) dB"
          }
          printNote("step \(figures.step): " + points.joined(separator: ", "))
        case .checkpoint:
          break
        }
      },
      checkpoint: { bytes in
        try writeAtomically(bytes, to: checkpointPath)
        try writeOutputs(trainer, seconds: ProgressReporter.monotonicSeconds() - start)
      })
    progress.finish()
    printNote("wrote \(output)")
  }

  private func writeOutputs(_ trainer: PhotoTrainer, seconds: Double) throws {
    var notes: [String: JSONValue] = [
      "trainingCommand": .string(commandLineText()),
      "steps": .number(Double(trainer.step)),
      "family": "photo",
    ]
    if let last = trainer.history.last {
      notes["validation"] = .array(
        last.ratePoints.map {
          .object([
            "quality": .number($0.quality), "bitsPerPixel": .number($0.bitsPerPixel),
            "psnr": .number($0.psnr),
          ])
        })
    }
    try writeAtomically(try trainer.codec.modelFile(notes: notes).serialized(), to: output)
    guard !trainer.history.isEmpty else { return }
    let base = (output as NSString).deletingPathExtension
    let chart = LineChart.trainingLoss(
      title: "aez train: \(output)",
      training: trainer.history.map { ChartPoint(x: Double($0.step), y: $0.trainingLoss) },
      lossTitle: "loss (λ·255²·MSE + bits per pixel)")
    try writeAtomically(Array(chart.svg().utf8), to: base + "-loss.svg")
  }
}
