import Foundation
import Image
import Testing

@testable import CLI

@Suite("aez compress, eval and decompress")
struct CompressDecompressTests {
  @Test("a PNG goes through compress and decompress in its own format")
  func roundTrip() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 5, height: 4, in: folder)
    let input = try folder.copyFixture("png/rgba16.png", as: "picture.png")
    let original = try PNG.decode(try contents(of: input))

    let compressed = try AEZExecutable.run(["compress", input, "--model", model, "--json"])
    try #require(compressed.status == 0, "\(compressed)")
    let report = try JSONSerialization.jsonObject(with: Data(compressed.standardOutput.utf8))
    let summary = try #require((report as? [String: Any])?["summary"] as? [String: Any])
    #expect(summary["images"] as? Int == 1)
    let output = folder.file("picture.aez")
    #expect((report as? [String: Any])?["output"] as? String == output)
    #expect(summary["aez_bytes"] as? Int == (try contents(of: output)).count)

    try FileManager.default.removeItem(atPath: input)
    let decompressed = try AEZExecutable.run(["decompress", output, "--model", model])
    try #require(decompressed.status == 0, "\(decompressed)")
    #expect(decompressed.standardOutput == "wrote \(input) (5x4, 4 channels, 16-bit)\n")
    let image = try PNG.decode(try contents(of: input))
    #expect((image.width, image.height, image.layout) == (5, 4, .rgba))
    #expect(try PNG.readHeader(try contents(of: input)).bitDepth == 16)
    #expect(image.alphaPlane() == original.alphaPlane())
  }

  @Test("several images go into a named archive and come back under their names")
  func archive() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    let inputs = try ["grey8.png", "grey2.png"].map {
      try folder.copyFixture("png/\($0)", as: $0)
    }
    let archive = folder.file("set.aez")
    let compressed = try AEZExecutable.run(
      ["compress"] + inputs + ["--model", model, "-o", archive])
    try #require(compressed.status == 0, "\(compressed)")
    #expect(compressed.standardOutput.contains("wrote \(archive)"))

    let outputFolder = folder.file("out")
    let decompressed = try AEZExecutable.run([
      "decompress", archive, "--model", model, "-o", outputFolder + "/",
    ])
    try #require(decompressed.status == 0, "\(decompressed)")
    let names = try FileManager.default.contentsOfDirectory(atPath: outputFolder).sorted()
    #expect(names == ["grey2.png", "grey8.png"])
    let grey2 = try contents(of: (outputFolder as NSString).appendingPathComponent("grey2.png"))
    #expect(try PNG.readHeader(grey2).bitDepth == 2)
  }

  @Test("eval reports without writing anything")
  func evalWritesNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    let input = try folder.copyFixture("png/grey8.png", as: "grey8.png")
    let before = folder.contents
    let run = try AEZExecutable.run(["eval", input, "--model", model])
    #expect(run.status == 0, "\(run)")
    #expect(run.standardOutput.contains("PSNR dB"))
    #expect(!run.standardOutput.contains("wrote"))
    #expect(folder.contents == before)
  }

  @Test(
    "a corrupt PNG exits 1 naming the file, and writes nothing",
    arguments: CLIFixtures.names(in: "png", suffix: ".png").filter { $0.hasPrefix("corrupt_") })
  func corruptPNG(name: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let input = CLIFixtures.path("png/\(name)")
    let output = folder.file("out.aez")
    for command in ["compress", "eval"] {
      let arguments = [command, input] + (command == "compress" ? ["-o", output] : [])
      let run = try AEZExecutable.run(arguments)
      #expect(run.status == 1, "\(run)")
      #expect(run.standardOutput.isEmpty)
      #expect(run.standardError.hasPrefix("error: \(input): "), "\(run)")
      #expect(run.standardError.split(separator: "\n").count == 1)
    }
    #expect(folder.contents.isEmpty)
  }

  @Test("decompressing something that is not a .aez file exits 1 naming it")
  func decompressNotAEZ() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let input = try folder.copyFixture("png/grey8.png", as: "grey8.aez")
    let run = try AEZExecutable.run(["decompress", input, "-o", folder.file("out.png")])
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "error: \(input): not a .aez file: it starts with 89 50, not ae 5a "
        + "(it looks like a PNG file)\n", "\(run)")
    #expect(folder.contents == ["grey8.aez"])
  }

  @Test("an image the chosen model does not fit is named and left out of the archive")
  func imageDoesNotFit() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    let fits = try folder.copyFixture("png/grey8.png", as: "fits.png")
    let odd = try folder.copyFixture("png/rgb8.png", as: "odd.png")
    let archive = folder.file("set.aez")
    let run = try AEZExecutable.run(["compress", fits, odd, "--model", model, "-o", archive])
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "error: \(odd): model \(model) codes 7x5 grey images, but this image is 5x4 RGB\n"
        + "error: 1 of 2 files failed (see above)\n", "\(run)")
    #expect(run.standardOutput.contains("2 files: 1 done, 1 failed"))

    let outputFolder = folder.file("out")
    let decompressed = try AEZExecutable.run([
      "decompress", archive, "--model", model, "-o", outputFolder + "/",
    ])
    try #require(decompressed.status == 0, "\(decompressed)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: outputFolder) == ["fits.png"])
  }

  @Test("an existing output is kept unless forced")
  func existingOutput() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    let input = try folder.copyFixture("png/grey8.png", as: "grey8.png")
    let output = try folder.write(Array("keep me".utf8), to: "grey8.aez")

    let refused = try AEZExecutable.run(["compress", input, "--model", model])
    #expect(refused.status == 1)
    #expect(
      refused.standardError
        == "error: \(output) already exists; refusing to replace it unless forced (--force)\n")
    #expect(try contents(of: output) == Array("keep me".utf8))

    let forced = try AEZExecutable.run(["compress", input, "--model", model, "--force"])
    #expect(forced.status == 0, "\(forced)")
    #expect(try contents(of: output).prefix(2) == [0xAE, 0x5A])

    let png = try folder.write(Array("keep this too".utf8), to: "decoded.png")
    let decompressRefused = try AEZExecutable.run([
      "decompress", output, "--model", model, "-o", png,
    ])
    #expect(decompressRefused.status == 1)
    #expect(decompressRefused.standardError.contains("already exists"))
    #expect(try contents(of: png) == Array("keep this too".utf8))
    #expect(!folder.contents.contains { $0.hasSuffix(".partial") })
  }

  @Test("an input is never overwritten, even with --force and another spelling")
  func inputNeverOverwritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    let input = try folder.copyFixture("png/grey8.png", as: "grey8.png")
    let original = try contents(of: input)
    let sameFile = folder.file("./sub/../grey8.png")
    try FileManager.default.createDirectory(
      atPath: folder.file("sub"), withIntermediateDirectories: true)

    for output in [input, sameFile] {
      let run = try AEZExecutable.run([
        "compress", input, "--model", model, "-o", output, "--force",
      ])
      #expect(run.status == 1)
      #expect(run.standardError == "error: refusing to write \(output): it is the input \(input)\n")
      #expect(try contents(of: input) == original)
    }

    let compressed = try AEZExecutable.run(["compress", input, "--model", model])
    try #require(compressed.status == 0)
    let aez = folder.file("grey8.aez")
    let aezBytes = try contents(of: aez)
    let run = try AEZExecutable.run(["decompress", aez, "--model", model, "-o", aez, "--force"])
    #expect(run.status == 1)
    #expect(run.standardError == "error: refusing to write \(aez): it is the input \(aez)\n")
    #expect(try contents(of: aez) == aezBytes)
  }
}
