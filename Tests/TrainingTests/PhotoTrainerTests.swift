import Foundation
import Image
import Models
import NumericCore
import Testing

@testable import Training

/// A temporary folder of small PNG photographs, removed when the value is released.
final class PhotoFolder {
  let path: String

  /// Writes `sizes.count` seeded RGB images of the given sizes (width, height).
  init(sizes: [(Int, Int)], seed: UInt64) throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("aez-photo-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    var generator = SeededGenerator(seed: seed)
    for (index, (width, height)) in sizes.enumerated() {
      let planes = (0..<(3 * width * height)).map { sample -> Float in
        let column = Float(sample % width) / Float(width)
        let smooth = 0.5 + 0.4 * sin(5 * column + Float(sample / (width * height)))
        return min(max(smooth + 0.2 * (generator.nextUnitFloat() - 0.5), 0), 1)
      }
      let image = PixelBuffer(
        floatPlanes: planes, width: width, height: height, layout: .rgb, sampleDepth: .eight)
      try image.writePNG(to: path + "/image\(index).png")
    }
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct PhotoTrainerTests {
  static let architecture = PhotoArchitecture(
    featureChannels: 8, latentChannels: 12,
    ratePoints: [.init(quality: 0, lambda: 0.005), .init(quality: 100, lambda: 0.05)])

  static func settings(steps: Int = 6) -> PhotoTrainingSettings {
    PhotoTrainingSettings(
      architecture: architecture, steps: steps, batchSize: 2, cropSize: 64,
      learningRate: 1e-3, seed: 9, validationInterval: 3, checkpointInterval: 3600)
  }

  static func trainer(_ folder: PhotoFolder, steps: Int = 6) throws -> PhotoTrainer {
    let settings = settings(steps: steps)
    return PhotoTrainer(
      settings: settings,
      trainingSet: try PhotoImageSet(folders: [folder.path], cropSize: settings.cropSize),
      validationSet: try PhotoValidationSet(folders: [folder.path], count: 2))
  }

  @Test func resumingFromACheckpointContinuesExactly() throws {
    let folder = try PhotoFolder(sizes: [(80, 70), (64, 64), (100, 90)], seed: 1)
    let original = try Self.trainer(folder)
    for _ in 0..<3 { _ = try original.trainStep() }
    try original.validate()
    let saved = try original.checkpoint()
    for _ in 0..<2 { _ = try original.trainStep() }

    let resumed = try Self.trainer(folder)
    try resumed.restore(from: saved, path: "run.checkpoint")
    #expect(resumed.step == 3 && resumed.history == original.history)
    for _ in 0..<2 { _ = try resumed.trainStep() }
    #expect(resumed.step == original.step)
    for ((name, expected), (_, actual)) in zip(original.codec.parameters, resumed.codec.parameters)
    {
      #expect(actual.value == expected.value, "\(name) differs after resuming")
    }
    #expect(try resumed.checkpoint() == original.checkpoint())
  }

  @Test func runValidatesAndCheckpointsOnSchedule() throws {
    let folder = try PhotoFolder(sizes: [(64, 128), (96, 64)], seed: 2)
    let trainer = try Self.trainer(folder, steps: 6)
    var steps = 0
    var validations: [PhotoValidationFigures] = []
    var checkpoints = 0
    try trainer.run(
      progress: { event in
        switch event {
        case .step, .skippedStep: steps += 1
        case .validation(let figures): validations.append(figures)
        case .checkpoint: break
        }
      },
      checkpoint: { bytes in
        #expect(!bytes.isEmpty)
        checkpoints += 1
      })
    #expect(steps == 6 && trainer.step == 6)
    #expect(validations.map(\.step) == [3, 6] && checkpoints == 2)
    #expect(trainer.history == validations)
    for figures in validations {
      #expect(figures.ratePoints.map(\.quality) == [0, 100])
      #expect(figures.ratePoints.allSatisfy { $0.bitsPerPixel > 0 && $0.psnr > 5 })
      #expect(figures.trainingLoss.isFinite && figures.trainingBitsPerPixel > 0)
    }
  }

  @Test func checkpointOfAnotherArchitectureIsRefused() throws {
    let folder = try PhotoFolder(sizes: [(64, 64)], seed: 3)
    let trainer = try Self.trainer(folder)
    let saved = try trainer.checkpoint()
    var settings = Self.settings()
    settings.architecture.latentChannels = 16
    let other = PhotoTrainer(
      settings: settings, trainingSet: trainer.trainingSet, validationSet: trainer.validationSet)
    #expect {
      try other.restore(from: saved, path: "a.checkpoint")
    } throws: { error in
      guard case .architectureMismatch = error as? CheckpointError else { return false }
      return true
    }
    #expect(throws: CheckpointError.malformed("b", reason: "not a photo training checkpoint")) {
      try trainer.restore(from: Array("AEZCKPT1".utf8) + [0, 0, 0, 0], path: "b")
    }
    #expect(throws: CheckpointError.self) {
      try trainer.restore(from: Array(saved.dropLast(9)), path: "c")
    }
  }

  @Test func cropsAreSeededPaddedAndInRange() throws {
    let folder = try PhotoFolder(sizes: [(40, 30), (200, 150)], seed: 4)
    let set = try PhotoImageSet(folders: [folder.path], cropSize: 64)
    var first = SeededGenerator(seed: 5)
    var second = SeededGenerator(seed: 5)
    let crops = try set.randomCrops(batch: 6, generator: &first)
    #expect(crops.shape == [6, 3, 64, 64])
    #expect(crops == (try set.randomCrops(batch: 6, generator: &second)))
    #expect(crops.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
  }

  @Test func aboutOneCropInEightIsGrey() throws {
    let folder = try PhotoFolder(sizes: [(80, 80)], seed: 9)
    let set = try PhotoImageSet(folders: [folder.path], cropSize: 64)
    var generator = SeededGenerator(seed: 10)
    let batch = 400
    let crops = try set.randomCrops(batch: batch, generator: &generator).scalars
    let plane = 64 * 64
    let greyCount = (0..<batch).filter { item in
      let base = item * 3 * plane
      return (0..<plane).allSatisfy { pixel in
        crops[base + pixel] == crops[base + plane + pixel]
          && crops[base + pixel] == crops[base + 2 * plane + pixel]
      }
    }.count
    // Binomial(400, 1/8): mean 50, standard deviation 6.6.
    #expect((30...70).contains(greyCount), "\(greyCount) grey crops of \(batch)")
  }

  @Test func imagesBeyondTheMemoryLimitAreDecodedAgain() throws {
    let folder = try PhotoFolder(sizes: [(64, 64), (64, 64), (64, 64)], seed: 6)
    let held = try PhotoImageSet(folders: [folder.path], cropSize: 64)
    let streamed = try PhotoImageSet(folders: [folder.path], cropSize: 64, memoryLimit: 0)
    var first = SeededGenerator(seed: 7)
    var second = SeededGenerator(seed: 7)
    #expect(
      try held.randomCrops(batch: 4, generator: &first)
        == streamed.randomCrops(batch: 4, generator: &second))
  }

  @Test func missingOrEmptyFoldersAreReported() throws {
    let folder = try PhotoFolder(sizes: [], seed: 8)
    #expect(throws: DatasetError.empty(folder.path)) {
      try PhotoImageSet(folders: [folder.path], cropSize: 64)
    }
    #expect(throws: DatasetError.notFound("/nonexistent/photos")) {
      try PhotoValidationSet(folders: ["/nonexistent/photos"], count: 3)
    }
  }

  @Test func validationImagesArePaddedToMultiplesOf64() throws {
    let folder = try PhotoFolder(sizes: [(70, 50), (64, 130)], seed: 9)
    let set = try PhotoValidationSet(folders: [folder.path], count: 5)
    #expect(set.items.count == 2)
    #expect(
      set.items.map(\.paddedWidth) == [128, 64] && set.items.map(\.paddedHeight) == [64, 192])
    let item = set.items[0]
    #expect(item.planes.count == 3 * 64 * 128 && item.samples.count == 3 * 50 * 70)
    // The original image decoded exactly gives an infinite PSNR, capped at 100 dB.
    var planes = [Float](repeating: 0, count: item.planes.count)
    for channel in 0..<3 {
      for row in 0..<item.height {
        for column in 0..<item.width {
          planes[(channel * 64 + row) * 128 + column] =
            Float(item.samples[(channel * item.height + row) * item.width + column]) / 255
        }
      }
    }
    #expect(PhotoValidationSet.psnr(planes, of: item) == 100)
  }
}
