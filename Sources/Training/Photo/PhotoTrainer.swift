import Foundation
import Models
import NumericCore

/// Trains a `PhotoCodec` on random crops, reproducibly from a seed and resumable exactly.
///
/// Each step draws `batchSize` crops (image, position, horizontal flip) and one rate point,
/// then takes an Adam step on `λ_k · 255² · MSE + bits per pixel` (see
/// ``Models/PhotoCodec/trainingStep(images:ratePoint:generator:)``). Every random choice comes
/// from one `SeededGenerator` whose state is saved in checkpoints with the weights, the Adam
/// moments, the step and the history, so a resumed run continues exactly as if it had not
/// stopped (on the same machine, thread count and kernel path, whose float rounding it
/// inherits).
public final class PhotoTrainer {
  /// The model being trained.
  public let codec: PhotoCodec
  /// The settings of the run.
  public let settings: PhotoTrainingSettings
  /// The photographs cropped for training.
  public let trainingSet: PhotoImageSet
  /// The photographs coded at every validation.
  public let validationSet: PhotoValidationSet
  /// The optimizer, whose state is part of every checkpoint.
  public let optimizer: Adam
  /// The figures of each validation so far.
  public internal(set) var history: [PhotoValidationFigures] = []
  var generator: SeededGenerator
  /// Sums of loss and bits per pixel, and their count, since the last validation.
  var running = (loss: 0.0, bitsPerPixel: 0.0, count: 0)

  /// Starts a run with a freshly initialised model.
  public init(
    settings: PhotoTrainingSettings, trainingSet: PhotoImageSet, validationSet: PhotoValidationSet
  ) {
    precondition(trainingSet.cropSize == settings.cropSize, "the set must crop at the crop size")
    var generator = SeededGenerator(seed: settings.seed)
    codec = PhotoCodec(architecture: settings.architecture, generator: &generator)
    self.settings = settings
    self.trainingSet = trainingSet
    self.validationSet = validationSet
    self.generator = generator
    optimizer = Adam(parameters: codec.parameters, schedule: settings.schedule)
  }

  /// The number of steps taken so far, skipped ones included.
  public internal(set) var step = 0

  /// Takes one training step.
  ///
  /// - Returns: The rate point trained and the step's figures, or nil when the loss or the
  ///   gradient was not finite and the update was skipped (the step still counts as taken,
  ///   so a run that keeps failing ends instead of looping).
  /// - Throws: The PNG reader's errors if an image can no longer be read.
  public func trainStep() throws -> (ratePoint: Int, figures: PhotoStepFigures)? {
    step += 1
    let images = try trainingSet.randomCrops(batch: settings.batchSize, generator: &generator)
    let ratePoint = generator.nextIndex(below: settings.architecture.ratePoints.count)
    codec.parameters.forEach { $0.parameter.zeroGradient() }
    let figures = codec.trainingStep(images: images, ratePoint: ratePoint, generator: &generator)
    let norm = clipGradientNorm(
      codec.parameters, maxNorm: settings.gradientClipNorm ?? .greatestFiniteMagnitude)
    guard norm.isFinite && figures.loss.isFinite else { return nil }
    optimizer.step()
    running.loss += figures.loss
    running.bitsPerPixel += figures.bitsPerPixel
    running.count += 1
    return (ratePoint, figures)
  }

  /// Trains until ``PhotoTrainingSettings/steps`` steps are taken, validating every
  /// `validationInterval` steps and at the end.
  ///
  /// - Parameters:
  ///   - progress: Called after every step, validation and checkpoint.
  ///   - checkpoint: Receives ``checkpoint()`` after every validation and whenever
  ///     `checkpointInterval` seconds have passed since the last one; it should write the
  ///     bytes atomically.
  /// - Throws: Errors of reading images, coding validation images or `checkpoint`.
  public func run(
    progress: (PhotoTrainingEvent) -> Void, checkpoint: ([UInt8]) throws -> Void
  ) throws {
    var lastCheckpoint = Date()
    while step < settings.steps {
      if let (ratePoint, figures) = try trainStep() {
        progress(.step(step, ratePoint: ratePoint, figures))
      } else {
        progress(.skippedStep(step))
      }
      let validates = step % settings.validationInterval == 0 || step == settings.steps
      if validates { progress(.validation(try validate())) }
      if validates || Date().timeIntervalSince(lastCheckpoint) >= settings.checkpointInterval {
        try checkpoint(try self.checkpoint())
        lastCheckpoint = Date()
        progress(.checkpoint(step))
      }
    }
  }

  /// Measures the model on the validation set with real rounding and entropy coding, and
  /// appends the figures, with the training means since the last validation, to `history`.
  ///
  /// - Throws: `PhotoEntropyModelError` when the entropy model cannot be derived, or
  ///   `PhotoCodingError` if a validation image fails to decode.
  @discardableResult
  public func validate() throws -> PhotoValidationFigures {
    try codec.updateEntropyModel()
    let count = Double(max(running.count, 1))
    let figures = PhotoValidationFigures(
      step: step, trainingLoss: running.loss / count,
      trainingBitsPerPixel: running.bitsPerPixel / count,
      ratePoints: try validationSet.evaluate(codec))
    history.append(figures)
    running = (0, 0, 0)
    return figures
  }
}
