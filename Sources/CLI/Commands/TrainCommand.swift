import CommandLineKit
import Foundation
import Models
import NumericCore
import Training

/// `aez train`: learns a codec from folders of PNGs or IDX files, unsupervised.
struct TrainCommand {
  static let spec = CommandSpec(
    name: "train",
    summary: "Train a model from folders of PNG images or IDX files.",
    discussion: """
      Trains an autoencoder with a learned entropy model by minimising distortion plus \
      lambda times the estimated bits of the quantized code. Writes the model, a checkpoint \
      after every epoch (MODEL.checkpoint), a loss-curve plot (MODEL-loss.svg) and a \
      reconstruction grid (MODEL-grid.png: originals, reconstructions, errors). The same command with the same --seed gives \
      the same model; --resume continues from the checkpoint exactly.
      """,
    options: [
      OptionSpec(
        "output", short: "o", kind: .path, valueName: "MODEL", help: "The model file to write."),
      OptionSpec(
        "arch", kind: .choice(["dense", "conv", "photo"]), default: "conv",
        help: "The architecture: the seed's dense autoencoder, a small convolutional codec, "
          + "or the photo codec with a scale hyperprior."),
      OptionSpec(
        "latent", kind: .integer, default: "32", range: 1...4096,
        help: "Latent units (dense) or latent channels (conv)."),
      OptionSpec(
        "hidden", kind: .list(.integer), valueName: "N,...",
        help: "Hidden layer sizes of the dense encoder; the decoder mirrors them."),
      OptionSpec(
        "channels", kind: .integer, default: "64", range: 1...1024,
        help: "Feature channels of the convolutional codec."),
      OptionSpec(
        "activation", kind: .choice(DigitArchitecture.Activation.allCases.map(\.rawValue)),
        default: "relu", help: "The activation between dense layers."),
      OptionSpec(
        "latent-activation", kind: .choice(DigitArchitecture.Activation.allCases.map(\.rawValue)),
        default: "relu", help: "The activation of the dense code (the seed uses relu)."),
      OptionSpec(
        "loss", kind: .choice(FactorizedCodec.Distortion.allCases.map(\.rawValue)),
        default: "mse", help: "The distortion: mean squared error or binary cross-entropy."),
      OptionSpec(
        "epochs", kind: .integer, default: "20", range: 1...100_000,
        help: "Passes over the training data."),
      OptionSpec(
        "batch-size", kind: .integer, default: "64", range: 1...65_536, help: "Images per step."),
      OptionSpec(
        "learning-rate", kind: .double, default: "0.001", range: 1e-7...1,
        help: "Adam's learning rate."),
      OptionSpec("cosine", help: "Decay the learning rate along a cosine to 1% of its start."),
      OptionSpec(
        "lambda", kind: .double, default: "0", range: 0...1e6,
        help: "Weight of the rate (bits per image) in the loss; 0 trains a plain autoencoder."),
      OptionSpec(
        "quality", kind: .double, range: 0...100,
        help: "The quality (0-100) this model stands for in a family of models."),
      OptionSpec(
        "seed", kind: .integer, default: "1", range: 0...9e15, help: "Seed of every random choice."),
      OptionSpec(
        "validation", kind: .path, repeatable: true,
        help: "Validation data; without it, the last --validation-count images are held out."),
      OptionSpec(
        "validation-count", kind: .integer, default: "5000", range: 1...1e9,
        help: "Images held out when no --validation is given."),
      OptionSpec("description", kind: .string, help: "A description stored in the model's notes."),
      OptionSpec("resume", help: "Continue from MODEL.checkpoint."),
      OptionSpec(
        "steps", kind: .integer, default: "200000", range: 1...1e9, help: "Optimizer steps (photo)."
      ),
      OptionSpec(
        "crop", kind: .integer, default: "128", range: 64...1024,
        help: "Side of the random training crops, a multiple of 64 (photo)."),
      OptionSpec(
        "validation-interval", kind: .integer, default: "2000", range: 1...1e9,
        help: "Steps between validations and checkpoints (photo)."),
    ],
    positionals: [
      PositionalSpec(
        "data", valueName: "DATA", arity: .oneOrMore,
        help: "Folders of PNG files, or IDX image files (plain or gzip).")
    ])

  let parsed: ParsedArguments

  init(_ parsed: ParsedArguments) { self.parsed = parsed }

  func run() throws {
    guard let output = parsed.string("output") else {
      throw UsageError.invalidUsage("train needs --output MODEL, the model file to write")
    }
    if parsed.string("arch") == "photo" {
      try PhotoTraining(parsed: parsed, output: output).run()
      return
    }
    let architecture = try self.architecture()
    let settings = TrainingSettings(
      epochs: parsed.integer("epochs") ?? 20, batchSize: parsed.integer("batch-size") ?? 64,
      learningRate: Float(parsed.double("learning-rate") ?? 1e-3),
      cosineDecay: parsed.flag("cosine"), lambda: parsed.double("lambda") ?? 0,
      seed: UInt64(parsed.integer("seed") ?? 1))
    let distortion = FactorizedCodec.Distortion(rawValue: parsed.string("loss") ?? "mse") ?? .mse

    var trainingSet = try GreyImageSet(paths: parsed.strings("data"))
    let validationPaths = parsed.strings("validation")
    let validationSet: GreyImageSet
    if validationPaths.isEmpty {
      let heldOut = min(parsed.integer("validation-count") ?? 5000, trainingSet.count / 2)
      validationSet = trainingSet.splitLast(max(1, heldOut))
    } else {
      validationSet = try GreyImageSet(paths: validationPaths)
    }
    guard trainingSet.count > 0, validationSet.count > 0 else {
      throw UsageError.invalidUsage(
        "training needs at least one training and one validation image; "
          + "give more data or --validation")
    }
    printNote(
      "training on \(trainingSet.count) images of \(trainingSet.width)x\(trainingSet.height), "
        + "validating on \(validationSet.count)")

    let trainer = DigitTrainer(
      architecture: architecture, distortion: distortion, settings: settings,
      trainingSet: trainingSet, validationSet: validationSet)
    let checkpointPath = output + ".checkpoint"
    if parsed.flag("resume") {
      guard let bytes = FileManager.default.contents(atPath: checkpointPath) else {
        throw DatasetError.notFound(checkpointPath)
      }
      try trainer.restore(from: Array(bytes), path: checkpointPath)
      printNote("resuming after epoch \(trainer.history.count)")
    }

    let startTime = ProgressReporter.monotonicSeconds()
    while trainer.history.count < settings.epochs {
      let epoch = trainer.history.count + 1
      let progress = ProgressReporter(label: "epoch \(epoch)/\(settings.epochs)", unit: "steps")
      let steps = trainer.stepsPerEpoch
      let epochStart = ProgressReporter.monotonicSeconds()
      var trainingSeconds = 0.0
      let figures = trainer.trainEpoch { step, figures in
        trainingSeconds = ProgressReporter.monotonicSeconds() - epochStart
        progress.update(
          completed: step, total: steps,
          fields: [
            "loss": Format.fixed(figures.loss, decimals: 5),
            "bits": Format.fixed(figures.bitsPerImage, decimals: 1),
          ])
      }
      progress.finish()
      printNote(
        "epoch \(epoch): train loss \(Format.fixed(figures.trainingLoss, decimals: 5)), "
          + "validation loss \(Format.fixed(figures.validationLoss, decimals: 5)), "
          + "\(Format.fixed(figures.validationBitsPerImage, decimals: 1)) bits/image, "
          + "PSNR \(Format.fixed(figures.validationPSNR, decimals: 2)) dB, "
          + "\(Format.fixed(Double(trainer.trainingSet.count) / trainingSeconds, decimals: 0)) "
          + "samples/s")
      try writeAtomically(try trainer.checkpoint(), to: checkpointPath)
      try writeModel(trainer, to: output)
      let base = (output as NSString).deletingPathExtension
      try writeAtomically(
        Array(TrainingPlots.lossCurves(trainer.history, title: "aez train: \(output)").utf8),
        to: base + "-loss.svg")
      try writeAtomically(
        try TrainingPlots.reconstructionGrid(model: trainer.model, images: trainer.validationSet),
        to: base + "-grid.png")
    }
    let minutes = (ProgressReporter.monotonicSeconds() - startTime) / 60
    printNote("wrote \(output) after \(Format.fixed(minutes, decimals: 1)) minutes")
  }

  private func architecture() throws -> DigitArchitecture {
    let latent = parsed.integer("latent") ?? 32
    switch parsed.string("arch") {
    case "dense":
      func activation(_ name: String) -> DigitArchitecture.Activation {
        DigitArchitecture.Activation(rawValue: parsed.string(name) ?? "relu") ?? .relu
      }
      return .dense(
        hidden: parsed.integers("hidden"), latent: latent, activation: activation("activation"),
        latentActivation: activation("latent-activation"))
    default:
      return .conv(channels: parsed.integer("channels") ?? 64, latentChannels: latent)
    }
  }

  private func writeModel(_ trainer: DigitTrainer, to path: String) throws {
    var notes: [String: JSONValue] = [
      "trainingCommand": .string(commandLineText()),
      "trainingImages": .number(Double(trainer.trainingSet.count)),
      "epochs": .number(Double(trainer.history.count)),
      "lambda": .number(trainer.settings.lambda),
    ]
    if let quality = parsed.double("quality") { notes["quality"] = .number(quality) }
    if let description = parsed.string("description") {
      notes["description"] = .string(description)
    }
    if let last = trainer.history.last, last.validationBitsPerImage.isFinite {
      notes["validation"] = .object([
        "bitsPerImage": .number(last.validationBitsPerImage),
        "psnr": .number(last.validationPSNR),
        "images": .number(Double(trainer.validationSet.count)),
      ])
    }
    try writeAtomically(try trainer.model.modelFile(notes: notes).serialized(), to: path)
  }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
func writeAtomically(_ bytes: [UInt8], to path: String) throws {
  try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
}

/// The command line that is running, as a shell would need it typed.
func commandLineText() -> String {
  (["aez"] + CommandLine.arguments.dropFirst()).map(shellQuoted).joined(separator: " ")
}

/// `argument` as a shell would need it typed: quoted when it holds anything but plain
/// characters.
private func shellQuoted(_ argument: String) -> String {
  let plain = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=,:+@".contains($0) }
  return plain && !argument.isEmpty
    ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
