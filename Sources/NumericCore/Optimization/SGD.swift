/// Stochastic gradient descent with momentum.
///
/// For every element of a parameter `θ` with gradient `g`, at learning rate `η` and momentum
/// `μ`: `u ← μ u + g`, then `θ ← θ − η u` (with `μ = 0` this is plain gradient descent).
///
/// State: the velocity `u` per parameter (saved as `name.velocity`) and the step count.
///
/// - Complexity: O(total parameter count) per step.
public final class SGD: Optimizer {
  /// The parameters updated, with the names used for the saved state.
  public let parameters: [(name: String, parameter: Parameter)]

  /// The learning rate for each step.
  public var schedule: LearningRateSchedule

  /// The momentum `μ`, in [0, 1).
  public let momentum: Float

  /// The number of updates applied so far.
  public private(set) var stepCount = 0

  private var velocities: [Tensor]

  /// Creates an SGD optimizer with zero velocities.
  ///
  /// - Parameters:
  ///   - parameters: The parameters to update, typically `model.parameters`.
  ///   - schedule: The learning rate for each step.
  ///   - momentum: The momentum, in [0, 1).
  public init(
    parameters: [(name: String, parameter: Parameter)], schedule: LearningRateSchedule,
    momentum: Float = 0
  ) {
    precondition(momentum >= 0 && momentum < 1, "momentum lies in [0, 1)")
    self.parameters = parameters
    self.schedule = schedule
    self.momentum = momentum
    velocities = parameters.map { Tensor(shape: $0.parameter.shape) }
  }

  /// Applies one update from the accumulated gradients.
  public func step() {
    let rate = schedule.learningRate(atStep: stepCount)
    stepCount += 1
    let momentum = self.momentum
    for (index, (_, parameter)) in parameters.enumerated() {
      parameter.gradient.withPointer { g in
        velocities[index].withMutablePointer { u in
          parameter.value.withMutablePointer { theta in
            for element in 0..<parameter.gradient.count {
              u[element] = momentum * u[element] + g[element]
              theta[element] -= rate * u[element]
            }
          }
        }
      }
    }
  }

  /// Writes the velocities and the step count into `archive`.
  public func saveState(into archive: inout TensorArchive, prefix: String) {
    for (index, (name, _)) in parameters.enumerated() {
      archive.setTensor(velocities[index], named: prefix + name + ".velocity")
    }
    archive.setInteger(Int64(stepCount), named: prefix + "stepCount")
  }

  /// Restores the velocities and the step count; on error nothing is changed.
  ///
  /// - Throws: `ArchiveError` when an entry is missing or has the wrong shape.
  public func loadState(from archive: TensorArchive, prefix: String) throws(ArchiveError) {
    let loaded = try loadSlots(from: archive, prefix: prefix, suffix: ".velocity")
    let count = try loadStepCount(from: archive, prefix: prefix)
    velocities = loaded
    stepCount = count
  }
}
