import Models
import NumericCore
import Testing

@testable import Training

/// The small dense codec every trainer test uses: 8x8 images, hidden 16, latent 4.
private let architecture = DigitArchitecture.dense(
  hidden: [16], latent: 4, activation: .relu, latentActivation: .relu)

/// Settings exercising every option: a cosine schedule, a rate term and clipping.
private func settings(epochs: Int = 2, seed: UInt64 = 7) -> TrainingSettings {
  TrainingSettings(
    epochs: epochs, batchSize: 6, learningRate: 5e-3, cosineDecay: true, lambda: 0.002,
    seed: seed, gradientClipNorm: 1)
}

/// A trainer on 20 synthetic training and 4 validation images.
private func makeTrainer(
  architecture: DigitArchitecture = architecture, settings: TrainingSettings = settings()
) -> DigitTrainer {
  DigitTrainer(
    architecture: architecture, distortion: .mse, settings: settings,
    trainingSet: syntheticImages(count: 20, size: 8, seed: 1),
    validationSet: syntheticImages(count: 4, size: 8, seed: 2))
}

/// Every weight's bit pattern, in parameter order.
private func weightBits(_ trainer: DigitTrainer) -> [[UInt32]] {
  trainer.model.parameters.map { $0.parameter.value.scalars.map(\.bitPattern) }
}

@Suite("Digit trainer")
struct DigitTrainerTests {
  @Test("the same seed gives bit-identical weights and history")
  func reproducible() {
    let first = makeTrainer()
    let second = makeTrainer()
    for _ in 0..<2 {
      _ = first.trainEpoch { _, _ in }
      _ = second.trainEpoch { _, _ in }
    }
    #expect(weightBits(first) == weightBits(second))
    #expect(first.history == second.history)

    let otherSeed = makeTrainer(settings: settings(seed: 8))
    _ = otherSeed.trainEpoch { _, _ in }
    #expect(weightBits(otherSeed) != weightBits(first))
  }

  @Test("two epochs equal one epoch, a checkpoint, a restore and one more, bit for bit")
  func resumeIsExact() throws {
    let straight = makeTrainer()
    _ = straight.trainEpoch { _, _ in }
    _ = straight.trainEpoch { _, _ in }

    let interrupted = makeTrainer()
    var steps: [Int] = []
    _ = interrupted.trainEpoch { step, _ in steps.append(step) }
    #expect(steps == Array(1...interrupted.stepsPerEpoch))
    let checkpoint = try interrupted.checkpoint()

    let resumed = makeTrainer()
    try resumed.restore(from: checkpoint, path: "run.checkpoint")
    #expect(resumed.history == interrupted.history)
    #expect(weightBits(resumed) == weightBits(interrupted))
    _ = resumed.trainEpoch { _, _ in }

    #expect(weightBits(resumed) == weightBits(straight))
    #expect(resumed.history == straight.history)
    #expect(resumed.history.map(\.epoch) == [1, 2])
    #expect(resumed.optimizer.stepCount == straight.optimizer.stepCount)
    #expect(try resumed.checkpoint() == (try straight.checkpoint()))
  }

  @Test("a checkpoint of another architecture is refused, naming both")
  func architectureMismatch() throws {
    let trainer = makeTrainer()
    let checkpoint = try trainer.checkpoint()
    let other = makeTrainer(
      architecture: .dense(hidden: [16], latent: 5, activation: .relu, latentActivation: .relu))
    let error = #expect(throws: CheckpointError.self) {
      try other.restore(from: checkpoint, path: "run.checkpoint")
    }
    guard case .architectureMismatch(let path, let saved, let requested) = error else {
      Issue.record("expected an architecture mismatch, got \(String(describing: error))")
      return
    }
    #expect(path == "run.checkpoint")
    #expect(saved.contains("latent=4"))
    #expect(requested.contains("latent=5"))
    #expect(error?.description.contains("--resume") == true)
  }

  @Test("damaged checkpoints are refused as malformed and change nothing")
  func malformedCheckpoint() throws {
    let source = makeTrainer()
    _ = source.trainEpoch { _, _ in }
    let checkpoint = try source.checkpoint()
    let target = makeTrainer()
    let before = weightBits(target)
    let damaged: [(String, [UInt8])] = [
      ("empty", []),
      ("bad magic", Array("AEZCKPT2".utf8) + checkpoint.dropFirst(8)),
      ("cut in the model", Array(checkpoint.prefix(40))),
      ("cut in the optimizer state", Array(checkpoint.dropLast(10))),
    ]
    for (label, bytes) in damaged {
      let error = #expect(throws: CheckpointError.self, "\(label)") {
        try target.restore(from: bytes, path: "x.checkpoint")
      }
      guard case .malformed(let path, _) = error else {
        Issue.record("\(label): expected malformed, got \(String(describing: error))")
        continue
      }
      #expect(path == "x.checkpoint")
    }
    #expect(weightBits(target) == before)
    #expect(target.history.isEmpty)
  }

  @Test("a checkpoint missing a part, or with a negative epoch count, changes nothing")
  func incompleteCheckpoint() throws {
    let source = makeTrainer()
    _ = source.trainEpoch { _, _ in }
    let modelBytes = try source.model.modelFile().serialized()
    func checkpoint(_ archive: TensorArchive) -> [UInt8] {
      let length = (0..<8).map { UInt8(truncatingIfNeeded: modelBytes.count >> (8 * $0)) }
      return Array("AEZCKPT1".utf8) + length + modelBytes + archive.encoded()
    }
    var withoutGenerator = TensorArchive()
    source.optimizer.saveState(into: &withoutGenerator, prefix: "adam.")
    withoutGenerator.setInteger(0, named: "epochs")
    var negativeEpochs = withoutGenerator
    SeededGenerator(seed: 3).save(into: &negativeEpochs, named: "generator")
    negativeEpochs.setInteger(-1, named: "epochs")

    let target = makeTrainer()
    let before = weightBits(target)
    for bytes in [checkpoint(withoutGenerator), checkpoint(negativeEpochs)] {
      #expect(throws: CheckpointError.self) {
        try target.restore(from: bytes, path: "x.checkpoint")
      }
    }
    #expect(
      throws: CheckpointError.malformed("x.checkpoint", reason: "a negative epoch count, -1")
    ) { try target.restore(from: checkpoint(negativeEpochs), path: "x.checkpoint") }
    #expect(weightBits(target) == before)
    #expect(target.optimizer.stepCount == 0)
  }

  @Test("training lowers the loss and raises the validation PSNR")
  func learns() {
    let settings = TrainingSettings(
      epochs: 10, batchSize: 5, learningRate: 2e-2, lambda: 0.001, seed: 7)
    let trainer = makeTrainer(settings: settings)
    var figures: [EpochFigures] = []
    for _ in 0..<10 { figures.append(trainer.trainEpoch { _, _ in }) }
    #expect(figures == trainer.history)
    let first = figures[0]
    let last = figures[9]
    #expect(last.trainingLoss < 0.7 * first.trainingLoss, "\(first) → \(last)")
    #expect(last.validationLoss < first.validationLoss)
    #expect(last.validationPSNR > first.validationPSNR)
    #expect(last.trainingBitsPerImage > 0)
    #expect(last.validationBitsPerImage > 0)
  }
}
