import Testing

@testable import NumericCore

@Suite struct LearningRateScheduleTests {
  static let cosine = LearningRateSchedule.cosine(
    peak: 1, minimum: 0.1, warmupSteps: 10, totalSteps: 110)

  @Test(arguments: [
    (LearningRateSchedule.constant(0.01), 0, Float(0.01)),
    (.constant(0.01), 1_000_000, 0.01),
    (.step(initial: 1, factor: 0.5, interval: 10), 0, 1),
    (.step(initial: 1, factor: 0.5, interval: 10), 9, 1),
    (.step(initial: 1, factor: 0.5, interval: 10), 10, 0.5),
    (.step(initial: 1, factor: 0.5, interval: 10), 25, 0.25),
    (cosine, 0, 0.1),
    (cosine, 4, 0.5),
    (cosine, 9, 1),
    (cosine, 10, 1),
    (cosine, 60, 0.55),
    (cosine, 110, 0.1),
    (cosine, 500, 0.1),
    (.cosine(peak: 2, totalSteps: 4), 2, 1),
  ])
  func learningRateAtStep(schedule: LearningRateSchedule, step: Int, expected: Float) {
    #expect(abs(schedule.learningRate(atStep: step) - expected) <= 1e-6)
  }
}
