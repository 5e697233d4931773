import EntropyCoding
import Foundation
import Models
import NumericCore

/// Trains a `FactorizedCodec` epoch by epoch on a `GreyImageSet`, reproducibly from a seed.
///
/// Every random choice (weight initialisation, shuffling, quantization noise) comes from one
/// `SeededGenerator` whose state is saved in checkpoints, so a run resumed from a checkpoint
/// continues exactly as if it had not stopped.
public final class DigitTrainer {
  /// The model being trained.
  public let model: FactorizedCodec
  /// The settings of the run.
  public let settings: TrainingSettings
  /// The images trained on.
  public let trainingSet: GreyImageSet
  /// The images validated on after each epoch.
  public let validationSet: GreyImageSet
  /// The optimizer, whose state is part of every checkpoint.
  public let optimizer: Adam
  /// The figures of each finished epoch.
  public internal(set) var history: [EpochFigures] = []
  var generatorState: SeededGenerator

  /// Starts a run with a freshly initialised model.
  public init(
    architecture: DigitArchitecture, distortion: FactorizedCodec.Distortion,
    settings: TrainingSettings, trainingSet: GreyImageSet, validationSet: GreyImageSet
  ) {
    var generator = SeededGenerator(seed: settings.seed)
    let model = FactorizedCodec(
      architecture: architecture, height: trainingSet.height, width: trainingSet.width,
      distortion: distortion, generator: &generator)
    self.model = model
    self.settings = settings
    self.trainingSet = trainingSet
    self.validationSet = validationSet
    self.generatorState = generator
    let stepsPerEpoch = (trainingSet.count + settings.batchSize - 1) / settings.batchSize
    optimizer = Adam(
      parameters: model.parameters,
      schedule: settings.schedule(totalSteps: stepsPerEpoch * settings.epochs))
  }

  /// The number of optimizer steps in one epoch.
  public var stepsPerEpoch: Int {
    (trainingSet.count + settings.batchSize - 1) / settings.batchSize
  }

  /// Trains one epoch, then validates.
  ///
  /// - Parameter progress: Called after each step with the step number (from 1) and the
  ///   figures of that step.
  /// - Returns: The epoch's figures, also appended to `history`.
  public func trainEpoch(progress: (Int, FactorizedCodec.StepFigures) -> Void) -> EpochFigures {
    var order = Array(0..<trainingSet.count)
    generatorState.shuffle(&order)
    var lossSum = 0.0
    var bitsSum = 0.0
    for step in 0..<stepsPerEpoch {
      let indices = order[
        step * settings.batchSize..<min(order.count, (step + 1) * settings.batchSize)]
      let images = Tensor(
        shape: [indices.count, 1, trainingSet.height, trainingSet.width],
        unsafeUninitialized: { trainingSet.fill(indices, into: $0) })
      optimizer.parameters.forEach { $0.parameter.zeroGradient() }
      let figures = model.trainingStep(
        images: images, lambda: settings.lambda, generator: &generatorState)
      if let maximumNorm = settings.gradientClipNorm {
        _ = clipGradientNorm(optimizer.parameters, maxNorm: maximumNorm)
      }
      optimizer.step()
      lossSum += figures.loss * Double(indices.count)
      bitsSum += figures.bitsPerImage * Double(indices.count)
      progress(step + 1, figures)
    }
    var figures = validate()
    figures.epoch = history.count + 1
    figures.trainingLoss = lossSum / Double(trainingSet.count)
    figures.trainingBitsPerImage = bitsSum / Double(trainingSet.count)
    history.append(figures)
    return figures
  }

  /// Measures the model on the validation set with real rounding and real entropy coding.
  public func validate() -> EpochFigures {
    let evaluation = DigitEvaluation(model: model, images: validationSet)
    let distortion: Double
    switch model.distortion {
    case .mse: distortion = evaluation.meanSquaredError
    case .binaryCrossEntropy: distortion = evaluation.binaryCrossEntropy
    }
    return EpochFigures(
      epoch: 0, trainingLoss: 0, trainingBitsPerImage: 0,
      validationLoss: distortion + settings.lambda * evaluation.estimatedBitsPerImage,
      validationBitsPerImage: evaluation.payloadBitsPerImage,
      validationPSNR: evaluation.meanPSNR)
  }
}
