import Models

/// Something that happened during a run, reported through the progress callback.
public enum PhotoTrainingEvent: Sendable {
  /// A step finished: its number (from 1), the rate point it trained and its figures.
  case step(Int, ratePoint: Int, PhotoStepFigures)
  /// A step's gradient was not finite, so the optimizer skipped it.
  case skippedStep(Int)
  /// A validation finished.
  case validation(PhotoValidationFigures)
  /// A checkpoint was handed to the caller at this step.
  case checkpoint(Int)
}
