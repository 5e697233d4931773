import Foundation
import Models
import NumericCore
import Testing

@testable import Training

@Suite(.enabled(if: ProcessInfo.processInfo.environment["AEZ_PHOTO_SMOKE"] != nil))
struct PhotoSmokeRunTests {
  @Test func shortRunOnRealPhotos() throws {
    let environment = ProcessInfo.processInfo.environment
    let steps = Int(environment["AEZ_PHOTO_STEPS"] ?? "") ?? 600
    let rate = Float(environment["AEZ_PHOTO_LR"] ?? "") ?? 1e-4
    let clip = Float(environment["AEZ_PHOTO_CLIP"] ?? "") ?? 1
    let settings = PhotoTrainingSettings(
      steps: steps, batchSize: 8, cropSize: 128, learningRate: rate, decayStep: 10 * steps,
      gradientClipNorm: clip, seed: 1, validationInterval: max(1, steps / 3))
    let start = Date()
    let trainer = PhotoTrainer(
      settings: settings,
      trainingSet: try PhotoImageSet(folders: ["/work/shared/data/photos/train"], cropSize: 128),
      validationSet: try PhotoValidationSet(folders: ["/work/shared/data/photos/val"], count: 8))
    FileHandle.standardError.write(Data("loaded in \(Date().timeIntervalSince(start)) s\n".utf8))
    var sums = [Double](repeating: 0, count: 4)
    try trainer.run(
      progress: { event in
        switch event {
        case .step(let step, let point, let figures):
          sums[0] += figures.loss
          sums[1] += figures.bitsPerPixel
          sums[2] += figures.meanSquaredError
          sums[3] += 1
          if step % 50 == 0 {
            let line = String(
              format: "step %d (%.0f s) point %d loss %.3f bpp %.3f mse %.5f (z %.4f)\n", step,
              Date().timeIntervalSince(start), point, sums[0] / sums[3], sums[1] / sums[3],
              sums[2] / sums[3], figures.hyperLatentBitsPerPixel)
            FileHandle.standardError.write(Data(line.utf8))
            sums = [0, 0, 0, 0]
          }
        case .skippedStep(let step):
          FileHandle.standardError.write(Data("skipped \(step)\n".utf8))
        case .validation(let figures):
          let points = figures.ratePoints.map {
            String(format: "q%.0f: %.3f bpp %.2f dB", $0.quality, $0.bitsPerPixel, $0.psnr)
          }.joined(separator: ", ")
          FileHandle.standardError.write(Data("validation \(figures.step): \(points)\n".utf8))
        case .checkpoint: break
        }
      }, checkpoint: { bytes in try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/photo-smoke.checkpoint")) })
  }
}
