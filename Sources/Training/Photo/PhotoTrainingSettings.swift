import Models
import NumericCore

/// How a photo codec is trained: the settings `aez train --arch photo` takes from its options.
public struct PhotoTrainingSettings: Sendable, Equatable {
  /// The network's hyperparameters, rate points included.
  public var architecture: PhotoArchitecture
  /// The number of optimizer steps of the whole run.
  public var steps: Int
  /// The crops per step.
  public var batchSize: Int
  /// The side of the square training crops, a positive multiple of 64.
  public var cropSize: Int
  /// Adam's learning rate before the decay.
  public var learningRate: Float
  /// The step from which the learning rate is a tenth of ``learningRate``; a value of
  /// ``steps`` or more means no decay.
  public var decayStep: Int
  /// The global gradient norm above which gradients are scaled down, if any.
  public var gradientClipNorm: Float?
  /// The seed of every random choice: initial weights, crops, flips, rate points, noise.
  public var seed: UInt64
  /// Steps between validations (and the checkpoints that follow them).
  public var validationInterval: Int
  /// Seconds between checkpoints when no validation comes first.
  public var checkpointInterval: Double

  /// Settings with the given values; the defaults are those of the long training run.
  ///
  /// - Parameters:
  ///   - architecture: The network, by default ``PhotoArchitecture/standard``.
  ///   - steps: The run's length in optimizer steps, positive.
  ///   - batchSize: Crops per step, positive.
  ///   - cropSize: A positive multiple of 64.
  ///   - learningRate: Adam's rate, positive.
  ///   - decayStep: The step of the tenfold decay, positive; by default 80% of `steps`.
  ///   - gradientClipNorm: The clipping norm, positive, or nil.
  ///   - seed: The seed.
  ///   - validationInterval: Steps between validations, positive.
  ///   - checkpointInterval: Seconds between checkpoints, positive.
  public init(
    architecture: PhotoArchitecture = .standard, steps: Int, batchSize: Int = 8,
    cropSize: Int = 128, learningRate: Float = 1e-4, decayStep: Int? = nil,
    gradientClipNorm: Float? = 1, seed: UInt64 = 1, validationInterval: Int = 2000,
    checkpointInterval: Double = 300
  ) {
    precondition(steps > 0 && batchSize > 0, "steps and batch size must be positive")
    precondition(
      cropSize > 0 && cropSize % PhotoArchitecture.hyperLatentStride == 0,
      "the crop size must be a positive multiple of 64")
    precondition(learningRate > 0 && validationInterval > 0 && checkpointInterval > 0)
    precondition(gradientClipNorm.map { $0 > 0 } ?? true, "the clipping norm must be positive")
    self.architecture = architecture
    self.steps = steps
    self.batchSize = batchSize
    self.cropSize = cropSize
    self.learningRate = learningRate
    self.decayStep = decayStep ?? max(1, steps * 4 / 5)
    precondition(self.decayStep > 0, "the decay step must be positive")
    self.gradientClipNorm = gradientClipNorm
    self.seed = seed
    self.validationInterval = validationInterval
    self.checkpointInterval = checkpointInterval
  }

  /// The learning rate of every step: constant, then a tenth from ``decayStep`` on.
  var schedule: LearningRateSchedule {
    // `initial · 0.1^⌊step / decayStep⌋`: a second decay would come at twice `decayStep`,
    // which the default (80% of the run) leaves past the end.
    .step(initial: learningRate, factor: 0.1, interval: decayStep)
  }
}
