import Foundation
import Testing

@testable import CLI

@Suite("aez info")
struct InfoCommandTests {
  /// The model every fixture of `Fixtures/aez` was written for (fingerprint ac43641b79b608b6).
  static let model = CLIFixtures.path("models/fixture-model.aezm")

  /// Every damaged fixture of `Fixtures/aez`, with the message `aez info --model` must give
  /// (see `Fixtures/aez/README.md`). The last two parse, and only the check shows the damage.
  static let refused: [String: String] = [
    "empty.aez": "the file is empty (0 bytes); a .aez file has at least 12",
    "bad-magic.aez": "not a .aez file: it starts with 89 50, not ae 5a (it looks like a PNG file)",
    "unknown-version.aez": "unsupported .aez version 2: this reader reads version 1 only",
    "unknown-flag.aez":
      "unknown flag bits 0x800 in the header word (at byte 5): the file uses features this "
      + "reader does not know",
    "single-named-flag.aez":
      "unknown flag bits 0x400 in the header word (at byte 5): the file uses features this "
      + "reader does not know",
    "bad-bit-depth.aez":
      "bit depth code 5 in the header word (at byte 5) is not defined (0 to 4 mean 1, 2, 4, "
      + "8, 16 bits)",
    "zero-width.aez":
      "bad image size 0x28 (in the width (at byte 6)): width and height must be 1 to "
      + "2147483647",
    "varint-overflow.aez": "the width (at byte 6) is a varint of more than 64 bits",
    "overlong-varint.aez":
      "the width (at byte 6) is a varint written with more bytes than its value needs",
    "truncated-in-magic.aez": "the file is truncated: it ends in the magic (at byte 0)",
    "truncated-in-fingerprint.aez":
      "the file is truncated: it ends in the short model fingerprint (at byte 3)",
    "truncated-before-width.aez": "the file is truncated: it ends in the width (at byte 6)",
    "truncated-in-check.aez": "the file is truncated: it ends in the check (at byte 8)",
    "truncated-in-header-word.aez":
      "the file is truncated: it ends in the header word (at byte 5)",
    "truncated-before-entry-count.aez":
      "the file is truncated: it ends in the entry count (at byte 9)",
    "truncated-in-archive-payload.aez":
      "the file is truncated: it ends in the payload of entry 3 (at byte 67)",
    "truncated-in-archive-check.aez": "the file is truncated: it ends in the check (at byte 79)",
    "archive-trailing-garbage.aez":
      "3 unexpected bytes after the end of the file's data (at byte 83)",
    "flipped-payload-byte.aez":
      "check failed: stored 0xa7462681, computed 0x674a16bf; the file is corrupt or truncated "
      + "(or it was made by another model with the same short fingerprint)",
    "trailing-garbage.aez": "5 unexpected bytes after the end of the file's data (at byte 22)",
  ]

  /// The valid fixtures, with the first line `aez info` prints for each.
  static let described: [String: String] = [
    "single-gray8-28x28.aez": "22 bytes, 1 image(s), 12 bytes of headers and check",
    "archive-3-named.aez": "83 bytes, 3 image(s), 54 bytes of headers and check",
  ]

  @Test("every fixture is listed here")
  func everyFixtureCovered() {
    let listed = Set(Self.refused.keys).union(Self.described.keys)
    #expect(Set(CLIFixtures.names(in: "aez", suffix: ".aez")) == listed)
  }

  @Test(
    "with the model, a damaged file exits 1 with its specific message",
    arguments: refused.keys.sorted())
  func damaged(name: String) throws {
    let path = CLIFixtures.path("aez/\(name)")
    let run = try AEZExecutable.run(["info", path, "--model", Self.model])
    #expect(run.status == 1)
    #expect(run.standardOutput.isEmpty)
    #expect(run.standardError == "error: \(path): \(Self.refused[name] ?? "")\n", "\(run)")
  }

  @Test(
    "with the model, a valid file is described and passes the check, exit 0",
    arguments: described.keys.sorted())
  func valid(name: String) throws {
    let path = CLIFixtures.path("aez/\(name)")
    let run = try AEZExecutable.run(["info", path, "--model", Self.model])
    #expect(run.status == 0, "\(run)")
    #expect(run.standardError.isEmpty)
    let lines = run.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.first == "\(path): \(Self.described[name] ?? "")")
    #expect(
      lines.dropFirst().first
        == "model: \(Self.model) (ac43641b79b608b6), integrity check passed")
  }

  @Test("without its model, a valid file is described but not checked, exit 0")
  func validWithoutModel() throws {
    let path = CLIFixtures.path("aez/single-gray8-28x28.aez")
    let run = try AEZExecutable.run(["info", path])
    #expect(run.status == 0, "\(run)")
    let lines = run.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.first == "\(path): \(Self.described["single-gray8-28x28.aez"] ?? "")")
    #expect(
      lines.dropFirst().first == "model: ac43… (not available here; the check needs the model)")
  }

  @Test("the archive's entries are listed with their names and formats")
  func archiveListing() throws {
    let path = CLIFixtures.path("aez/archive-3-named.aez")
    let run = try AEZExecutable.run(["info", path])
    #expect(
      run.standardOutput.hasSuffix(
        """
          zero.png: 28x28 grey 8-bit, alpha absent, quality 75.0, payload 10 bytes
          one.png: 28x28 grey 8-bit, alpha absent, quality 75.0, payload 7 bytes
          photo.png: 40x30 rgb 8-bit, alpha dropped, quality 62.5, payload 12 bytes

        """), "\(run)")

    let unchecked = try AEZExecutable.run(["info", "--json", path])
    #expect(unchecked.status == 0)
    let uncheckedDocument = try JSONSerialization.jsonObject(
      with: Data(unchecked.standardOutput.utf8))
    #expect((uncheckedDocument as? [String: Any])?["checked"] as? Bool == false)

    let json = try AEZExecutable.run(["info", "--json", path, "--model", Self.model])
    #expect(json.status == 0)
    let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
    let object = try #require(document as? [String: Any])
    #expect(object["archive"] as? Bool == true)
    #expect(object["checked"] as? Bool == true)
    #expect(object["model_short_fingerprint"] as? String == "ac43")
    #expect(object["model_fingerprint"] as? String == "ac43641b79b608b6")
    let images = try #require(object["images"] as? [[String: Any]])
    #expect(images.map { $0["name"] as? String } == ["zero.png", "one.png", "photo.png"])
    #expect(images.map { $0["payload_bytes"] as? Int } == [10, 7, 12])
  }

  @Test("with the model at hand, a file is checked, and damage only the check sees is an error")
  func checkedWithModel() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    let input = try folder.copyFixture("png/grey8.png", as: "grey8.png")
    let compressed = try AEZExecutable.run(["compress", input, "--model", model])
    try #require(compressed.status == 0, "\(compressed)")
    let file = folder.file("grey8.aez")
    let bytes = try contents(of: file)

    let good = try AEZExecutable.run(["info", file, "--model", model])
    #expect(good.status == 0, "\(good)")
    #expect(good.standardOutput.contains("model: \(model) ("))
    #expect(good.standardOutput.contains("integrity check passed"))

    var flipped = bytes
    flipped[bytes.count - 6] ^= 0x10
    let flippedPath = try folder.write(flipped, to: "flipped.aez")
    let damaged = try AEZExecutable.run(["info", flippedPath, "--model", model])
    #expect(damaged.status == 1)
    #expect(damaged.standardError.hasPrefix("error: \(flippedPath): check failed"), "\(damaged)")

    let padded = try folder.write(bytes + [1, 2, 3, 4, 5], to: "padded.aez")
    let trailing = try AEZExecutable.run(["info", padded, "--model", model])
    #expect(trailing.status == 1)
    #expect(
      trailing.standardError
        == "error: \(padded): 5 unexpected bytes after the end of the file's data "
        + "(at byte \(bytes.count))\n", "\(trailing)")
  }

  @Test("a missing input, a missing model file or a damaged one is named")
  func missingFiles() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = folder.file("missing.aez")
    let run = try AEZExecutable.run(["info", missing])
    #expect(run.status == 1)
    #expect(run.standardError == "error: \(missing): no such file\n")

    let absentModel = folder.file("absent.aezm")
    for command in ["info", "decompress"] {
      // An output in the temporary folder, so that nothing could land among the fixtures.
      let output = command == "decompress" ? ["-o", folder.file("out.png")] : []
      let run = try AEZExecutable.run(
        [command, CLIFixtures.path("aez/single-gray8-28x28.aez"), "--model", absentModel]
          + output)
      #expect(run.status == 1)
      #expect(run.standardError == "error: \(absentModel): no such model file\n", "\(run)")
    }

    let model = try folder.write(Array("AEZMODEL".utf8) + [1, 0, 9], to: "broken.aezm")
    let broken = try AEZExecutable.run([
      "info", CLIFixtures.path("aez/single-gray8-28x28.aez"), "--model", model,
    ])
    #expect(broken.status == 1)
    #expect(
      broken.standardError == "error: \(model): model file is truncated in content length\n",
      "\(broken)")
  }
}
