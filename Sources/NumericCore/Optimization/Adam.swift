#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Adam (Kingma and Ba), with optional decoupled weight decay (AdamW, Loshchilov and Hutter).
///
/// At step `t` (counting from 1) with learning rate `η`, for every element of a parameter `θ`
/// with gradient `g`:
/// - `θ ← θ − η λ θ` when the parameter `appliesWeightDecay` (decoupled decay `λ`),
/// - `m ← β₁ m + (1 − β₁) g` and `v ← β₂ v + (1 − β₂) g²`,
/// - `θ ← θ − (η / (1 − β₁ᵗ)) · m / (sqrt(v / (1 − β₂ᵗ)) + ε)`.
///
/// State: the moments `m` and `v` per parameter (saved as `name.firstMoment` and
/// `name.secondMoment`) and the step count.
///
/// - Complexity: O(total parameter count) per step.
public final class Adam: Optimizer {
  /// The parameters updated, with the names used for the saved state.
  public let parameters: [(name: String, parameter: Parameter)]

  /// The learning rate for each step.
  public var schedule: LearningRateSchedule

  /// The decay rate `β₁` of the first moment.
  public let beta1: Float

  /// The decay rate `β₂` of the second moment.
  public let beta2: Float

  /// The term `ε` added to the denominator.
  public let epsilon: Float

  /// The decoupled weight decay `λ`, applied as `θ ← θ − η λ θ`.
  public let weightDecay: Float

  /// The number of updates applied so far.
  public private(set) var stepCount = 0

  private var firstMoments: [Tensor]
  private var secondMoments: [Tensor]

  /// Creates an Adam optimizer with zero moments.
  ///
  /// - Parameters:
  ///   - parameters: The parameters to update, typically `model.parameters`.
  ///   - schedule: The learning rate for each step.
  ///   - beta1: The decay rate of the first moment, in [0, 1).
  ///   - beta2: The decay rate of the second moment, in [0, 1).
  ///   - epsilon: The term added to the denominator, positive.
  ///   - weightDecay: The decoupled weight decay; 0 gives plain Adam.
  public init(
    parameters: [(name: String, parameter: Parameter)], schedule: LearningRateSchedule,
    beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0
  ) {
    precondition(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "betas lie in [0, 1)")
    precondition(epsilon > 0 && weightDecay >= 0, "epsilon must be positive, decay >= 0")
    self.parameters = parameters
    self.schedule = schedule
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    firstMoments = parameters.map { Tensor(shape: $0.parameter.shape) }
    secondMoments = firstMoments
  }

  /// Applies one Adam update from the accumulated gradients.
  public func step() {
    let rate = schedule.learningRate(atStep: stepCount)
    stepCount += 1
    let step = Double(stepCount)
    let stepSize = rate / Float(1 - pow(Double(beta1), step))
    let inverseRootCorrection = Float(1 / (1 - pow(Double(beta2), step)).squareRoot())
    let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)

    for (index, (_, parameter)) in parameters.enumerated() {
      let decayFactor = parameter.appliesWeightDecay ? 1 - rate * weightDecay : 1
      let count = parameter.gradient.count
      parameter.gradient.withPointer { g in
        firstMoments[index].withMutablePointer { m in
          secondMoments[index].withMutablePointer { v in
            parameter.value.withMutablePointer { theta in
              nonisolated(unsafe) let (g, m, v, theta) = (g, m, v, theta)
              // Each element is independent, so chunks may run on any thread.
              Parallel.forEachChunk(count: count) { range in
                for element in range {
                  let gradient = g[element]
                  m[element] = beta1 * m[element] + (1 - beta1) * gradient
                  v[element] = beta2 * v[element] + (1 - beta2) * gradient * gradient
                  let denominator = v[element].squareRoot() * inverseRootCorrection + epsilon
                  theta[element] =
                    decayFactor * theta[element] - stepSize * m[element] / denominator
                }
              }
            }
          }
        }
      }
    }
  }

  /// Writes the moments and the step count into `archive`.
  public func saveState(into archive: inout TensorArchive, prefix: String) {
    for (index, (name, _)) in parameters.enumerated() {
      archive.setTensor(firstMoments[index], named: prefix + name + ".firstMoment")
      archive.setTensor(secondMoments[index], named: prefix + name + ".secondMoment")
    }
    archive.setInteger(Int64(stepCount), named: prefix + "stepCount")
  }

  /// Restores the moments and the step count; on error nothing is changed.
  ///
  /// - Throws: `ArchiveError` when an entry is missing or has the wrong shape.
  public func loadState(from archive: TensorArchive, prefix: String) throws(ArchiveError) {
    let first = try loadSlots(from: archive, prefix: prefix, suffix: ".firstMoment")
    let second = try loadSlots(from: archive, prefix: prefix, suffix: ".secondMoment")
    let count = try loadStepCount(from: archive, prefix: prefix)
    firstMoments = first
    secondMoments = second
    stepCount = count
  }
}
