import Decoder
import Foundation
import Image
import Models
import NumericCore
import Testing

/// The CRC-32 of PNG chunks (ISO 3309, reflected polynomial 0xEDB88320), bit by bit.
private func crc32(_ bytes: [UInt8]) -> UInt32 {
  var crc: UInt32 = 0xFFFF_FFFF
  for byte in bytes {
    crc ^= UInt32(byte)
    for _ in 0..<8 {
      crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
    }
  }
  return ~crc
}

/// A PNG of a few dozen bytes whose IHDR declares a `width` by `height` grey image; its
/// IDAT holds one stored (uncompressed) deflate block of 4 bytes, far too little.
private func forgedPNG(width: UInt32, height: UInt32) -> [UInt8] {
  func bigEndian(_ value: UInt32) -> [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
  }
  func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = Array(type.utf8) + data
    return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
  }
  let header = bigEndian(width) + bigEndian(height) + [8, 0, 0, 0, 0]
  let deflate: [UInt8] = [0x78, 0x01, 0x01, 0x04, 0x00, 0xFB, 0xFF, 0, 0, 0, 0, 0, 0x04, 0, 1]
  return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
    + chunk("IDAT", deflate) + chunk("IEND", [])
}

/// Runs `aez` under a limit of `kilobytes` of address space, so that a command that tried
/// to allocate more fails instead of succeeding.
private func runLimited(_ arguments: [String], kilobytes: Int) throws -> ToolRun {
  let path = try #require(AEZExecutable.path)
  let quoted = ([path] + arguments).map { "'\($0)'" }.joined(separator: " ")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", "ulimit -v \(kilobytes) && exec \(quoted)"]
  let errors = Pipe()
  process.standardOutput = FileHandle.nullDevice
  process.standardError = errors
  try process.run()
  let errorData = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return ToolRun(
    status: process.terminationStatus, standardOutput: "",
    standardError: String(decoding: errorData, as: UTF8.self))
}

@Suite("Sizes declared in headers are checked before anything is allocated")
struct SizeLimitTests {
  @Test("a tiny PNG declaring a huge image is refused from its header")
  func forgedPNGHeader() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // 16000 x 16000 is under the default limit of 2^28 pixels, but 256 MB of pixels cannot
    // come from 70 bytes; 20000 x 20000 is over the limit.
    let plausibleSize = try folder.write(forgedPNG(width: 16000, height: 16000), to: "a.png")
    let overLimit = try folder.write(forgedPNG(width: 20000, height: 20000), to: "b.png")
    let byteCount = forgedPNG(width: 1, height: 1).count

    let run = try runLimited(["eval", plausibleSize, overLimit], kilobytes: 1 << 20)
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "error: \(plausibleSize): corrupt PNG (its header declares 16000x16000 pixels, "
        + "more than \(byteCount) bytes can hold)\n"
        + "error: \(overLimit): image is 20000x20000 pixels, more than the limit of "
        + "268435456 pixels\nerror: 2 of 2 files failed (see above)\n", "\(run)")
  }

  @Test("--max-pixels refuses a PNG over the limit and accepts one at it")
  func maximumPixelsForPNG() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let model = try writeTestModel(width: 7, height: 5, in: folder)
    let input = try BatchFixtures.writeImages(count: 1, in: folder)[0]
    let refused = try AEZExecutable.run(["eval", input, "--model", model, "--max-pixels", "34"])
    #expect(refused.status == 1)
    #expect(
      refused.standardError
        == "error: \(input): image is 7x5 pixels, more than the limit of 34 pixels\n")
    let accepted = try AEZExecutable.run(["eval", input, "--model", model, "--max-pixels", "35"])
    #expect(accepted.status == 0, "\(accepted)")
  }

  @Test("a tiny .aez declaring a huge photo is refused before decoding")
  func forgedAEZHeader() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var generator = SeededGenerator(seed: 3)
    let codec = PhotoCodec(
      architecture: PhotoArchitecture(
        featureChannels: 8, latentChannels: 12,
        ratePoints: [.init(quality: 0, lambda: 0.004), .init(quality: 100, lambda: 0.1)]),
      generator: &generator)
    try codec.updateEntropyModel()
    let modelFile = try codec.modelFile()
    let model = try folder.write(modelFile.serialized(), to: "photo.aezm")
    let fingerprint = CatalogModel(name: model, file: modelFile, isEmbedded: false).fingerprint

    // A real image first: the bound on the payload never refuses a valid file.
    let image = PixelBuffer(
      width: 70, height: 50, layout: .rgb, sampleDepth: .eight,
      samples: (0..<(70 * 50 * 3)).map { UInt16(($0 * 37) % 256) })
    let input = try folder.write(try PNG.encode(image), to: "photo.png")
    let compressed = try AEZExecutable.run(["compress", input, "--model", model])
    try #require(compressed.status == 0, "\(compressed)")
    let real = folder.file("photo.aez")
    let decompressed = try AEZExecutable.run([
      "decompress", real, "--model", model, "-o", folder.file("back.png"),
    ])
    #expect(decompressed.status == 0, "\(decompressed)")
    let limited = try AEZExecutable.run([
      "decompress", real, "--model", model, "-o", folder.file("back2.png"), "--max-pixels",
      "3000",
    ])
    #expect(limited.status == 1)
    #expect(
      limited.standardError
        == "error: \(real): the image is 70x50, more than the limit of 3000 pixels "
        + "(raise it with --max-pixels)\n")

    // Forged: 16384 x 16384 (exactly the default limit) or 20000 x 20000, 40 bytes of payload.
    for (side, reason) in [
      (16384, "payload of 40 bytes is shorter than the"), (20000, "more than the limit of"),
    ] {
      let header = ContainerImageHeader(
        pixelFormat: ContainerPixelFormat(colorModel: .rgb), width: side, height: side,
        qualityHundredths: 7500)
      let bytes = try ContainerWriter.single(
        header: header, payload: Array(repeating: 0x5A, count: 40), modelFingerprint: fingerprint)
      let forged = try folder.write(bytes, to: "forged-\(side).aez")
      let run = try runLimited(
        ["decompress", forged, "--model", model, "-o", folder.file("forged.png")],
        kilobytes: 1 << 20)
      #expect(run.status == 1, "\(run)")
      #expect(run.standardError.hasPrefix("error: \(forged): "), "\(run)")
      #expect(run.standardError.contains(reason), "\(run)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.file("forged.png")))
  }
}
