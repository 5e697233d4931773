import Decoder
import Foundation
import Image
import Models
import Testing

@testable import CLI

@Suite("Batches of files: compress, decompress and eval")
struct BatchCommandTests {
  @Test("several jobs give the same files and reports as one")
  func parallelMatchesSerial() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    try BatchFixtures.writeImages(count: 24, in: folder)

    var documents: [[String: Any]] = []
    var outputs: [[String: [UInt8]]] = []
    var decoded: [[String: [UInt8]]] = []
    var evaluations: [[[String: String]]] = []
    for jobs in ["1", "3"] {
      let out = folder.file("out-\(jobs)")
      let run = try AEZExecutable.run([
        "compress", folder.file("in"), "--model", model, "--output-dir", out, "-j", jobs,
        "--json",
      ])
      try #require(run.status == 0, "\(run)")
      documents.append(try BatchFixtures.document(run))
      outputs.append(try BatchFixtures.contents(of: out))

      let back = folder.file("back-\(jobs)")
      let decompressed = try AEZExecutable.run([
        "decompress", out, "--model", model, "--output-dir", back, "-j", jobs,
      ])
      try #require(decompressed.status == 0, "\(decompressed)")
      decoded.append(try BatchFixtures.contents(of: back))

      let evaluated = try AEZExecutable.run([
        "eval", folder.file("in"), "--model", model, "-j", jobs, "--json",
      ])
      try #require(evaluated.status == 0, "\(evaluated)")
      evaluations.append(BatchFixtures.imagesWithoutTimes(try BatchFixtures.document(evaluated)))
    }

    #expect(outputs[0].count == 24)
    #expect(outputs[0] == outputs[1])
    #expect(decoded[0].count == 24)
    #expect(decoded[0] == decoded[1])
    let reports = documents.map(BatchFixtures.imagesWithoutTimes)
    #expect(reports[0].count == 24)
    #expect(reports[0] == reports[1])
    #expect(
      reports[0].map { $0["file"] }
        == (0..<24).map { folder.file(String(format: "in/image-%04d.png", $0)) })
    // eval codes each image as compress writes it: the same sizes and errors.
    #expect(evaluations[0] == reports[0])
    #expect(evaluations[1] == reports[0])
    let summary = try #require(documents[0]["summary"] as? [String: Any])
    let total = outputs[0].values.reduce(0) { $0 + $1.count }
    #expect(summary["aez_bytes"] as? Int == total)
    #expect(summary["images"] as? Int == 24)
  }

  @Test("a bad file is reported and skipped, the others are done, and the exit status is 1")
  func badFileIsSkipped() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    try BatchFixtures.writeImages(count: 5, in: folder)
    let bad = try folder.copyFixture("png/corrupt_crc_idat.png", as: "in/image-0002b.png")
    let out = folder.file("out")

    let run = try AEZExecutable.run([
      "compress", folder.file("in"), "--model", model, "--output-dir", out,
    ])
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "error: \(bad): corrupt PNG (IDAT: CRC error)\nerror: 1 of 6 files failed (see above)\n",
      "\(run)")
    #expect(run.standardOutput.contains("6 files: 5 done, 1 failed"))
    #expect(run.standardOutput.contains("wrote 5 files to \(out)"))
    #expect(BatchFixtures.listing(out).count == 5)

    let evaluated = try AEZExecutable.run([
      "eval", folder.file("in"), "--model", model, "--json",
    ])
    #expect(evaluated.status == 1)
    let document = try BatchFixtures.document(evaluated)
    let files = try #require(document["files"] as? [String: Any])
    #expect(files["inputs"] as? Int == 6)
    #expect(files["done"] as? Int == 5)
    #expect(files["failed"] as? Int == 1)
    let failures = try #require(document["failures"] as? [[String: Any]])
    #expect(failures.map { $0["file"] as? String } == [bad])
    #expect((document["summary"] as? [String: Any])?["images"] as? Int == 5)

    // A damaged .aez among good ones: the same for decompress.
    let damaged = try folder.write(Array("not an aez file".utf8), to: "out/image-0000a.aez")
    let back = folder.file("back")
    let decompressed = try AEZExecutable.run([
      "decompress", out, "--model", model, "--output-dir", back,
    ])
    #expect(decompressed.status == 1)
    #expect(decompressed.standardError.hasPrefix("error: \(damaged): not a .aez file"))
    #expect(decompressed.standardError.hasSuffix("error: 1 of 6 files failed (see above)\n"))
    #expect(BatchFixtures.listing(back).count == 5)
  }

  @Test("--skip-existing resumes: existing outputs are kept, missing ones made")
  func skipExisting() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    try BatchFixtures.writeImages(count: 6, in: folder)
    let out = folder.file("out")
    let arguments = ["compress", folder.file("in"), "--model", model, "--output-dir", out]
    let first = try AEZExecutable.run(arguments)
    try #require(first.status == 0, "\(first)")
    let complete = try BatchFixtures.contents(of: out)
    let refused = try AEZExecutable.run(arguments)
    #expect(refused.status == 1)
    #expect(refused.standardError.contains("already exists"))
    #expect(refused.standardError.hasSuffix("error: 6 of 6 files failed (see above)\n"))

    // As if the first run had been stopped: two outputs missing, one marked to see that it
    // is not rewritten.
    try FileManager.default.removeItem(atPath: folder.file("out/image-0001.aez"))
    try FileManager.default.removeItem(atPath: folder.file("out/image-0004.aez"))
    let marker = Array("kept".utf8)
    try folder.write(marker, to: "out/image-0005.aez")

    let resumed = try AEZExecutable.run(arguments + ["--skip-existing", "--json"])
    #expect(resumed.status == 0, "\(resumed)")
    let files = try #require(try BatchFixtures.document(resumed)["files"] as? [String: Any])
    #expect(files["done"] as? Int == 2)
    #expect(files["skipped"] as? Int == 4)
    var expected = complete
    expected["image-0005.aez"] = marker
    #expect(try BatchFixtures.contents(of: out) == expected)
  }

  @Test("--shard I/N slices partition the inputs: every file once, in any number of runs")
  func shardsPartition() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    try BatchFixtures.writeImages(count: 10, in: folder)
    let out = folder.file("out")
    var slices: [[String]] = []
    for index in 0..<3 {
      let before = Set(BatchFixtures.listing(out))
      let run = try AEZExecutable.run([
        "compress", folder.file("in"), "--model", model, "--output-dir", out, "--shard",
        "\(index)/3",
      ])
      try #require(run.status == 0, "\(run)")
      slices.append(BatchFixtures.listing(out).filter { !before.contains($0) })
    }
    #expect(slices.map(\.count) == [4, 3, 3])
    #expect(slices[0] == ["image-0000.aez", "image-0003.aez", "image-0006.aez", "image-0009.aez"])
    #expect(Set(slices.joined()).count == 10)
    #expect(BatchFixtures.listing(out).count == 10)
  }

  @Test(
    "Ctrl-C or SIGTERM stops a batch with exit 130, no partial file, and good outputs",
    arguments: [SIGINT, SIGTERM])
  func interruption(signal: Int32) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    let count = 3000
    try BatchFixtures.writeImages(count: count, in: folder)
    let out = folder.file("out")
    let tool = try RunningTool([
      "compress", folder.file("in"), "--model", model, "--output-dir", out, "-j", "2",
    ])
    let started = tool.wait(upTo: 60) { BatchFixtures.listing(out).count >= 20 }
    tool.send(signal)
    let run = tool.finish()
    try #require(started, "\(run)")

    #expect(run.status == 130, "\(run)")
    #expect(run.standardError.contains("error: interrupted: SIG"), "\(run)")
    let names = BatchFixtures.listing(out)
    #expect(!names.contains { $0.hasSuffix(".partial") || $0.hasPrefix(".") }, "\(names)")
    #expect(names.count >= 20 && names.count < count)

    // Every output that exists is complete: they all decode.
    let modelFile = try ModelFile(bytes: try contents(of: model))
    let catalog = ModelCatalog(models: [
      CatalogModel(name: model, file: modelFile, isEmbedded: false)
    ])
    for name in names {
      let bytes = try contents(of: (out as NSString).appendingPathComponent(name))
      let images = try ImageDecoder.decode(bytes, catalog: catalog)
      #expect(images.map(\.image.width) == [7], "\(name)")
    }
  }
}
