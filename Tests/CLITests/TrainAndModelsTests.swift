import Foundation
import Image
import Models
import Testing

@testable import CLI

@Suite("aez train and aez models")
struct TrainAndModelsTests {
  @Test("the embedded models are listed, as a table and as JSON")
  func models() throws {
    let table = try AEZExecutable.run(["models"])
    #expect(table.status == 0)
    let catalog = try ModelCatalog.embedded()
    for model in catalog.models {
      #expect(table.standardOutput.contains(model.name))
      #expect(table.standardOutput.contains(model.fingerprintText))
    }
    let json = try AEZExecutable.run(["models", "--json"])
    #expect(json.status == 0)
    let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
    let listed = try #require((document as? [String: Any])?["models"] as? [[String: Any]])
    #expect(listed.map { $0["name"] as? String } == catalog.models.map(\.name))
  }

  /// Trains a tiny dense model on the IDX fixture, resumes it for a second epoch, and codes
  /// an image with it: the whole path from data to a usable model file.
  @Test("train writes a model and a checkpoint, resumes, and the model codes images")
  func trainResumeAndUse() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let data = CLIFixtures.path("idx/images-5x4x4.idx.gz")
    let model = folder.file("tiny.aezm")
    let options = [
      "train", data, "-o", model, "--arch", "dense", "--latent", "3", "--hidden", "6",
      "--batch-size", "2", "--validation-count", "1", "--lambda", "0.01", "--seed", "5",
    ]
    let first = try AEZExecutable.run(options + ["--epochs", "1"])
    try #require(first.status == 0, "\(first)")
    #expect(first.standardOutput.isEmpty)
    #expect(first.standardError.contains("training on 4 images of 4x4, validating on 1"))
    #expect(first.standardError.contains("epoch 1: train loss"))
    let afterOne = try ModelFile(contentsOf: model)
    #expect(afterOne.notes["epochs"] == 1)
    #expect(FileManager.default.fileExists(atPath: model + ".checkpoint"))

    let resumed = try AEZExecutable.run(options + ["--epochs", "2", "--resume"])
    try #require(resumed.status == 0, "\(resumed)")
    #expect(resumed.standardError.contains("resuming after epoch 1"))
    #expect(!resumed.standardError.contains("epoch 1: train loss"))
    let afterTwo = try ModelFile(contentsOf: model)
    #expect(afterTwo.notes["epochs"] == 2)
    #expect(afterTwo.fingerprint != afterOne.fingerprint)

    // The same command without the interruption gives the same model, bit for bit.
    let straightModel = folder.file("straight.aezm")
    var straightOptions = options
    straightOptions[3] = straightModel
    let straight = try AEZExecutable.run(straightOptions + ["--epochs", "2"])
    try #require(straight.status == 0, "\(straight)")
    #expect(try ModelFile(contentsOf: straightModel).fingerprint == afterTwo.fingerprint)

    let image = PixelBuffer(
      width: 4, height: 4, layout: .grey, sampleDepth: .eight,
      samples: (0..<16).map { UInt16($0 * 16) })
    let input = try folder.write(try PNG.encode(image), to: "tile.png")
    let compressed = try AEZExecutable.run(["compress", input, "--model", model])
    #expect(compressed.status == 0, "\(compressed)")
    let decompressed = try AEZExecutable.run([
      "decompress", folder.file("tile.aez"), "--model", model, "-o", folder.file("back.png"),
    ])
    #expect(decompressed.status == 0, "\(decompressed)")
  }

  @Test("training data that cannot be read is named")
  func unreadableData() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = folder.file("missing.idx")
    let run = try AEZExecutable.run(["train", missing, "-o", folder.file("m.aezm")])
    #expect(run.status == 1)
    #expect(run.standardError == "error: \(missing): no such file or folder\n")
    #expect(folder.contents.isEmpty)
  }
}
