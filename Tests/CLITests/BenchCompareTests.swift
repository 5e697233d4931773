import Foundation
import Image
import Reports
import Testing

@testable import CLI

/// `aez compare`: the figure, the grid and aez's search for a rate.
struct CompareCommandTests {
  /// The classical codecs this machine can run, in the order the figure shows them.
  static let available = ClassicalCodecRunner().availableCodecs()

  @Test func compareWritesAFigureWithDecodableImagesAndAGrid() throws {
    let folder = try BenchFolder()
    defer { folder.remove() }
    let image = try folder.write(try PNG.encode(BenchFixtures.digit(seed: 3)), to: "three.png")
    let model = try folder.write(
      try BenchFixtures.modelFile(latent: 8, family: "tiny", quality: 60).serialized(),
      to: "tiny.aezm")

    let status = AEZTool.main([
      "compare", image, "--model", model, "-o", folder.file("three.svg"), "--png",
      folder.file("grid.png"),
    ])
    #expect(status == 0)

    let root = try BenchXMLElement.parse(
      String(decoding: try folder.read("three.svg"), as: UTF8.self))
    let labels = root.all(withClass: "comparison-panel").map { $0.attributes["data-label"] ?? "" }
    #expect(labels.count == 2 + Self.available.count)
    #expect(labels.prefix(2) == ["Original", "aez tiny.aezm q60"])
    for (label, codec) in zip(labels.dropFirst(2), Self.available) {
      #expect(label.hasPrefix("\(codec) q"))
    }
    // Every panel embeds the whole image and its detail, each a PNG that decodes.
    let images = root.all { $0.name == "image" }
    #expect(images.count == 2 * labels.count)
    let prefix = "data:image/png;base64,"
    for element in images {
      let uri = try #require(element.attributes["xlink:href"])
      #expect(uri.hasPrefix(prefix))
      let bytes = try #require(Data(base64Encoded: String(uri.dropFirst(prefix.count))))
      let decoded = try PNG.decode(Array(bytes))
      if element.attributes["class"] == "full" {
        #expect(decoded.width == 28 && decoded.height == 28)
      }
    }
    let facts = root.all(withClass: "panel-facts").map(\.text)
    #expect(facts.dropFirst().allSatisfy { $0.contains(" bpp · PSNR ") })

    // The grid holds the same panels, three to a row, 28 pixels each with 4 of padding.
    let grid = try PNG.decode(try folder.read("grid.png"))
    let columns = min(labels.count, 3)
    let rows = (labels.count + 2) / 3
    #expect(grid.width == columns * 28 + (columns + 1) * 4)
    #expect(grid.height == rows * 28 + (rows + 1) * 4)
  }

  @Test(arguments: [
    ["--bpp", "1", "--quality", "50", "-o", "x.svg"],
    ["--quality", "50"],
    ["--bpp", "0", "-o", "x.svg"],
  ])
  func badOptionsAreUsageErrors(_ options: [String]) throws {
    let folder = try BenchFolder()
    defer { folder.remove() }
    let image = try folder.write(try PNG.encode(BenchFixtures.digit(seed: 1)), to: "one.png")
    #expect(AEZTool.main(["compare", image] + options) == 64)
  }

  @Test func compareNeverWritesOverItsInputs() throws {
    let folder = try BenchFolder()
    defer { folder.remove() }
    let bytes = try PNG.encode(BenchFixtures.digit(seed: 2))
    let image = try folder.write(bytes, to: "two.png")
    #expect(AEZTool.main(["compare", image, "-o", image, "--force"]) == 1)
    #expect(try folder.read("two.png") == bytes)
    // The model file is an input as well.
    let modelBytes = try BenchFixtures.modelFile(latent: 4, family: "tiny", quality: 40)
      .serialized()
    let model = try folder.write(modelBytes, to: "tiny.aezm")
    #expect(
      AEZTool.main([
        "compare", image, "--model", model, "-o", folder.file("x.svg"), "--png", model, "--force",
      ]) == 1)
    #expect(try folder.read("tiny.aezm") == modelBytes)
    #expect(!FileManager.default.fileExists(atPath: folder.file("x.svg")))
  }

  @Test func theRateSearchPicksTheMemberNearestTheTarget() throws {
    let input = try BenchFixtures.inputs(count: 1)[0]
    let models = AEZModels(members: try BenchFixtures.familyCatalog().families[0].members)
    let worker = BenchWorker(runner: ClassicalCodecRunner(searchPath: ""))
    let rates = try models.sweep(qualities: nil).map {
      try worker.roundTrip($0, on: input).measurement.bitsPerPixel
    }
    #expect(rates == rates.sorted())
    for (index, rate) in rates.enumerated() {
      let found = try AEZRateSearch.nearest(
        targetBitsPerPixel: rate * 1.01, models: models, input: input, worker: worker)
      #expect(found.setting.model?.name == models.members[index].name)
      #expect(found.measurement.bitsPerPixel == rate)
    }
    let lowest = try AEZRateSearch.nearest(
      targetBitsPerPixel: 0.001, models: models, input: input, worker: worker)
    #expect(lowest.setting.quality == 20)
  }
}
