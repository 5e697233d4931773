/// An update rule that moves parameters against their accumulated gradients.
///
/// A training step is: `zeroGradients()` on the model, forward, loss, backward, optionally
/// `clipGradientNorm(_:maxNorm:)`, then `step()`. The optimizer never clears gradients itself.
/// Its state (moments and step count) can be saved and restored, so that a resumed run takes
/// exactly the same steps.
public protocol Optimizer: AnyObject {
  /// The parameters updated, with the names used for the saved state.
  var parameters: [(name: String, parameter: Parameter)] { get }

  /// The learning rate for each step.
  var schedule: LearningRateSchedule { get set }

  /// The number of updates applied so far.
  var stepCount: Int { get }

  /// Applies one update using each parameter's accumulated gradient.
  func step()

  /// Writes the optimizer's state into `archive`, each entry's name starting with `prefix`.
  func saveState(into archive: inout TensorArchive, prefix: String)

  /// Restores state written by `saveState(into:prefix:)`; on error nothing is changed.
  ///
  /// - Throws: `ArchiveError` when an entry is missing or has the wrong shape.
  func loadState(from archive: TensorArchive, prefix: String) throws(ArchiveError)
}

extension Optimizer {
  /// Reads the per-parameter state tensors named `prefix + name + suffix`, checking each
  /// shape against its parameter's.
  func loadSlots(
    from archive: TensorArchive, prefix: String, suffix: String
  ) throws(ArchiveError) -> [Tensor] {
    var result: [Tensor] = []
    result.reserveCapacity(parameters.count)
    for (name, parameter) in parameters {
      result.append(try archive.tensor(named: prefix + name + suffix, shape: parameter.shape))
    }
    return result
  }

  /// Reads the step count, which must not be negative.
  func loadStepCount(from archive: TensorArchive, prefix: String) throws(ArchiveError) -> Int {
    let name = prefix + "stepCount"
    let value = try archive.integer(named: name)
    guard value >= 0 else {
      throw .integerOutOfRange(name: name, value: value, expected: 0...Int64.max)
    }
    return Int(value)
  }
}
