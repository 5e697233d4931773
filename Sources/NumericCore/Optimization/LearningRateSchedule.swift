#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The learning rate as a function of the optimizer's step count (0 for the first update).
public enum LearningRateSchedule: Sendable, Equatable {
  /// The same rate at every step.
  case constant(Float)

  /// `initial · factor^⌊step / interval⌋`: multiplied by `factor` every `interval` steps.
  case step(initial: Float, factor: Float, interval: Int)

  /// A linear warm-up followed by a cosine decay.
  ///
  /// For `step < warmupSteps` the rate is `peak · (step + 1) / warmupSteps`. After that it is
  /// `minimum + (peak − minimum) · (1 + cos(π p)) / 2` with
  /// `p = (step − warmupSteps) / (totalSteps − warmupSteps)`, and `minimum` once `p ≥ 1`.
  case cosine(peak: Float, minimum: Float = 0, warmupSteps: Int = 0, totalSteps: Int)

  /// The learning rate for the update numbered `step`, counting from 0.
  public func learningRate(atStep step: Int) -> Float {
    precondition(step >= 0, "steps are counted from 0")
    switch self {
    case .constant(let rate):
      return rate

    case .step(let initial, let factor, let interval):
      precondition(interval > 0, "the step interval must be positive")
      return initial * Float(pow(Double(factor), Double(step / interval)))

    case .cosine(let peak, let minimum, let warmupSteps, let totalSteps):
      precondition(
        warmupSteps >= 0 && totalSteps > warmupSteps,
        "a cosine schedule needs 0 <= warmupSteps < totalSteps")
      if step < warmupSteps {
        return peak * Float(step + 1) / Float(warmupSteps)
      }
      let progress = Swift.min(
        Double(step - warmupSteps) / Double(totalSteps - warmupSteps), 1)
      let weight = (1 + cos(Double.pi * progress)) / 2
      return minimum + (peak - minimum) * Float(weight)
    }
  }
}
