import Foundation
import Testing

@testable import CLI

/// `aez bench` run as a user runs it: files in, table, JSON and SVG out.
struct BenchCommandTests {
  static let jpegAndWebP = BenchFixtures.toolsAvailable([.jpeg, .webp])

  /// Reads a JSON file as nested dictionaries and arrays.
  private func json(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test(.enabled(if: BenchCommandTests.jpegAndWebP))
  func benchWritesOneCurvePerCodecAsJSONAndSVG() throws {
    let folder = try BenchFolder()
    defer { folder.remove() }
    // The outputs and the model file share the folder: a folder's PNG files alone are read.
    try BenchFixtures.writeDigits(count: 3, in: folder)
    let model = try folder.write(
      try BenchFixtures.modelFile(latent: 4, family: "tiny", quality: 40).serialized(),
      to: "tiny.aezm")

    let status = AEZTool.main([
      "bench", folder.path, "--codecs", "aez,jpeg,webp", "--model", model,
      "--qualities", "30,50,70,90,95,100", "--jobs", "2", "--json", folder.file("bench.json"),
      "--plot", folder.file("bench.svg"),
    ])
    #expect(status == 0)

    let report = try json(folder.file("bench.json"))
    #expect((report["images"] as? [String])?.count == 3)
    #expect(report["reference"] as? String == "webp")
    let curves = try #require(report["curves"] as? [[String: Any]])
    #expect(curves.map { $0["codec"] as? String } == ["aez", "jpeg", "webp"])
    #expect(curves.map { ($0["points"] as? [Any])?.count } == [1, 6, 6])
    let pointKeys: Set = [
      "quality", "model", "bpp", "payload_bpp", "psnr", "ms_ssim", "encode_mpx_per_s",
      "decode_mpx_per_s", "images",
    ]
    for curve in curves {
      for point in try #require(curve["points"] as? [[String: Any]]) {
        #expect(Set(point.keys) == pointKeys)
        #expect((point["bpp"] as? Double ?? 0) > 0)
        #expect((point["images"] as? [Any])?.count == 3)
      }
    }
    let aezPoint = try #require((curves[0]["points"] as? [[String: Any]])?.first)
    #expect(aezPoint["model"] as? String == model)
    #expect(aezPoint["quality"] as? Double == 40)
    #expect((aezPoint["payload_bpp"] as? Double ?? 0) > 0)
    #expect(aezPoint["payload_bpp"] as? Double ?? 0 < aezPoint["bpp"] as? Double ?? 0)

    let deltas = try #require(report["deltas"] as? [[String: Any]])
    #expect(deltas.map { $0["codec"] as? String } == ["aez", "jpeg"])
    // One aez point is too few; six overlapping JPEG points give both deltas.
    #expect(deltas[0]["bd_rate_percent"] is NSNull)
    #expect(deltas[0]["reason"] as? String == "this codec has 1 point, 4 needed")
    #expect(deltas[1]["bd_rate_percent"] is Double)
    #expect(deltas[1]["bd_psnr_db"] is Double)
    #expect(deltas[1]["reason"] is NSNull)

    let svg = String(decoding: try folder.read("bench.svg"), as: UTF8.self)
    let root = try BenchXMLElement.parse(svg)
    let panels = root.all(withClass: "panel")
    #expect(panels.count == 2)
    for panel in panels {
      let series = panel.all(withClass: "series").compactMap { $0.attributes["data-series"] }
      #expect(series == ["aez", "JPEG", "WebP"])
    }
  }

  @Test func benchRefusesToReplaceAnOutputBeforeItStarts() throws {
    let folder = try BenchFolder()
    defer { folder.remove() }
    try BenchFixtures.writeDigits(count: 1, in: folder)
    let existing = try folder.write(Array("keep me".utf8), to: "old.json")

    let status = AEZTool.main([
      "bench", folder.file("digit-1.png"), "--codecs", "jpeg", "--json", existing,
    ])
    #expect(status == 1)
    #expect(try folder.read("old.json") == Array("keep me".utf8))
    // Nothing but the image and the old file: no temporary file was left behind.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "digit-1.png", "old.json",
      ])
  }

  @Test(arguments: [
    ["--codecs", "jpeg", "--qualities", "jpeg=0"],
    ["--codecs", "jpeg", "--qualities", "gif=50"],
    ["--codecs", "gif"],
    ["--codecs", "jpeg", "--jobs", "0"],
    ["--codecs", "jpeg", "--json", "same.json", "--plot", "same.json"],
  ])
  func badOptionsAreUsageErrors(_ options: [String]) throws {
    let folder = try BenchFolder()
    defer { folder.remove() }
    try BenchFixtures.writeDigits(count: 1, in: folder)
    #expect(AEZTool.main(["bench", folder.path] + options) == 64)
    #expect(!FileManager.default.fileExists(atPath: "same.json"))
  }

  @Test func anEmptyFolderIsAUsageError() throws {
    let folder = try BenchFolder()
    defer { folder.remove() }
    #expect(AEZTool.main(["bench", folder.path]) == 64)
  }
}
