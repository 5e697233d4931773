import NumericCore

/// How a model is trained: the settings `aez train` takes from its options.
public struct TrainingSettings: Sendable, Equatable {
  /// The number of passes over the training set.
  public var epochs: Int
  /// The images per optimizer step.
  public var batchSize: Int
  /// Adam's peak learning rate.
  public var learningRate: Float
  /// Whether the learning rate decays along a cosine to a hundredth of its peak.
  public var cosineDecay: Bool
  /// The weight of the rate in the loss; 0 trains a plain autoencoder.
  public var lambda: Double
  /// The seed of every random choice.
  public var seed: UInt64
  /// The global gradient norm above which gradients are scaled down, if any.
  public var gradientClipNorm: Float?

  /// Settings with the given values.
  public init(
    epochs: Int, batchSize: Int, learningRate: Float = 1e-3, cosineDecay: Bool = false,
    lambda: Double = 0, seed: UInt64 = 1, gradientClipNorm: Float? = nil
  ) {
    precondition(epochs > 0 && batchSize > 0, "epochs and batch size must be positive")
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.cosineDecay = cosineDecay
    self.lambda = lambda
    self.seed = seed
    self.gradientClipNorm = gradientClipNorm
  }

  func schedule(totalSteps: Int) -> LearningRateSchedule {
    cosineDecay
      ? .cosine(peak: learningRate, minimum: learningRate / 100, totalSteps: totalSteps)
      : .constant(learningRate)
  }
}
