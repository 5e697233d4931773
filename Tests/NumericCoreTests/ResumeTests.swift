import Testing

@testable import NumericCore

/// A small training run that is saved part-way and resumed in fresh objects.
@Suite struct ResumeTests {
  final class Run {
    let model: Sequential
    let optimizer: any Optimizer
    var generator: SeededGenerator
    let data: Tensor

    init(seed: UInt64, useAdam: Bool) {
      var generator = SeededGenerator(seed: seed)
      model = Sequential([
        Dense(inputSize: 6, outputSize: 4, initialization: .heUniform, generator: &generator),
        ELU(),
        Dense(inputSize: 4, outputSize: 6, generator: &generator),
      ])
      let schedule = LearningRateSchedule.cosine(peak: 0.05, warmupSteps: 2, totalSteps: 10)
      optimizer =
        useAdam
        ? Adam(parameters: model.parameters, schedule: schedule, weightDecay: 0.01)
        : SGD(parameters: model.parameters, schedule: schedule, momentum: 0.9)
      var dataGenerator = SeededGenerator(seed: 1000)
      data = .uniform(shape: [32, 6], in: 0..<1, using: &dataGenerator)
      self.generator = generator
    }

    /// One step on a random mini-batch of 8, as a training loop would take it.
    func step() -> Float {
      let indices = (0..<8).map { _ in generator.nextIndex(below: 32) }
      let batch = data.gather(batch: indices)
      model.zeroGradients()
      let (loss, gradient) = binaryCrossEntropy(logits: model.forward(batch), targets: batch)
      model.backwardParameters(gradient)
      clipGradientNorm(model.parameters, maxNorm: 1)
      optimizer.step()
      return loss
    }

    func save() -> [UInt8] {
      var archive = TensorArchive()
      model.saveParameters(into: &archive, prefix: "model.")
      optimizer.saveState(into: &archive, prefix: "optimizer.")
      generator.save(into: &archive, named: "generator")
      return archive.encoded()
    }

    func load(_ bytes: [UInt8]) throws {
      let archive = try TensorArchive(decoding: bytes)
      try model.loadParameters(from: archive, prefix: "model.")
      try optimizer.loadState(from: archive, prefix: "optimizer.")
      generator = try SeededGenerator(from: archive, named: "generator")
    }
  }

  @Test(arguments: [true, false])
  func resumedRunContinuesBitForBit(useAdam: Bool) throws {
    let original = Run(seed: 90, useAdam: useAdam)
    let firstLosses = (0..<4).map { _ in original.step() }
    let checkpoint = original.save()
    let continuedLosses = (0..<4).map { _ in original.step() }

    let resumed = Run(seed: 91, useAdam: useAdam)
    try resumed.load(checkpoint)
    let resumedLosses = (0..<4).map { _ in resumed.step() }

    #expect(resumedLosses.map(\.bitPattern) == continuedLosses.map(\.bitPattern))
    #expect(
      resumed.model.parameters.map { $0.parameter.value.scalars.map(\.bitPattern) }
        == original.model.parameters.map { $0.parameter.value.scalars.map(\.bitPattern) })
    #expect(resumed.optimizer.stepCount == 8)
    #expect(continuedLosses.last ?? 0 < firstLosses.first ?? 0)
  }
}
