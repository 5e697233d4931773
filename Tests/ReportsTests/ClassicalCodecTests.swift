import Foundation
import Image
import Testing

@testable import Reports

struct ClassicalCodecTests {
  static let runner = ClassicalCodecRunner()

  /// Skips the current case, with a message saying what is missing, when a codec's tools
  /// are not on PATH; on a machine with the tools every case runs.
  ///
  /// The message goes into the cancellation and, because the console does not show
  /// cancellation comments, to standard error as well.
  static func requireTools(_ codec: ClassicalCodec) throws {
    if case .missing(let tools) = runner.availability(of: codec) {
      let message = "\(codec) not tested: \(tools.joined(separator: ", ")) not found on PATH"
      FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
      try Test.cancel(Comment(rawValue: message))
    }
  }

  @Test(arguments: ClassicalCodec.allCases)
  func colourRoundTrip(codec: ClassicalCodec) throws {
    try Self.requireTools(codec)
    let image = TestImages.photoLike(width: 64, height: 48)
    let result = try Self.runner.run(codec, quality: 90, on: image)

    #expect(result.codec == codec && result.quality == 90)
    #expect(result.reference == image)
    #expect(result.decoded.width == 64 && result.decoded.height == 48)
    #expect(result.decoded.layout == .rgb && result.decoded.sampleDepth == .eight)
    #expect(result.compressedByteCount > 0)
    #expect(result.bitsPerPixel < 24, "a lossy codec must beat raw 8-bit RGB")
    #expect(result.encodeSeconds > 0 && result.decodeSeconds > 0)
    // At quality 90 every codec keeps this smooth image well above 30 dB.
    let psnr = try ImageQuality.peakSignalToNoiseRatio(result.reference, result.decoded)
    #expect(psnr > 30, "\(codec) at quality 90 gave \(psnr) dB")
  }

  @Test(arguments: ClassicalCodec.allCases)
  func greyStaysGrey(codec: ClassicalCodec) throws {
    try Self.requireTools(codec)
    let image = TestImages.photoLike(width: 40, height: 32, layout: .grey, seed: 3)
    let result = try Self.runner.run(codec, quality: 80, on: image)
    #expect(result.decoded.layout == .grey)
    let psnr = try ImageQuality.peakSignalToNoiseRatio(result.reference, result.decoded)
    #expect(psnr > 28, "\(codec) at quality 80 gave \(psnr) dB on a grey image")
  }

  @Test(arguments: ClassicalCodec.allCases)
  func higherQualityCostsMoreBits(codec: ClassicalCodec) throws {
    try Self.requireTools(codec)
    let image = TestImages.photoLike(width: 64, height: 48, seed: 5)
    let low = try Self.runner.run(codec, quality: 30, on: image)
    let high = try Self.runner.run(codec, quality: 95, on: image)
    #expect(high.compressedByteCount > low.compressedByteCount)
    let lowPSNR = try ImageQuality.peakSignalToNoiseRatio(low.reference, low.decoded)
    let highPSNR = try ImageQuality.peakSignalToNoiseRatio(high.reference, high.decoded)
    #expect(highPSNR > lowPSNR)
  }

  @Test func alphaAndSixteenBitsAreRemovedBeforeEncoding() throws {
    try Self.requireTools(.jpeg)
    let image = TestImages.photoLike(width: 16, height: 16).converted(to: .sixteen).addingAlpha()
    let result = try Self.runner.run(.jpeg, quality: 75, on: image)
    #expect(result.reference.layout == .rgb && result.reference.sampleDepth == .eight)
    #expect(result.decoded.layout == .rgb)
  }

  @Test func pngFilesCanBeGivenByPath() throws {
    try Self.requireTools(.webp)
    let image = TestImages.photoLike(width: 24, height: 20)
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("aez-reports-test-\(UUID().uuidString).png").path
    try image.writePNG(to: path)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try Self.runner.run(.webp, quality: 60, pngFile: path)
    #expect(result.reference == image)
  }

  @Test(arguments: ClassicalCodec.allCases)
  func qualitySearchLandsNearTheTarget(codec: ClassicalCodec) throws {
    try Self.requireTools(codec)
    let image = TestImages.photoLike(width: 96, height: 64, seed: 11)
    let target = 1.5
    let search = try Self.runner.searchQuality(codec, targetBitsPerPixel: target, on: image)
    let chosen = search.result.bitsPerPixel

    // No quality tried came closer than the chosen one.
    for attempt in search.tried {
      #expect(
        abs(chosen - target) <= abs(attempt.bitsPerPixel - target) + 1e-12,
        "quality \(attempt.quality) gave \(attempt.bitsPerPixel) bpp")
    }
    // Within 15 % of the target: one quality step moves these codecs by less than that here.
    #expect(abs(chosen - target) / target < 0.15, "\(codec) settled on \(chosen) bpp")
    #expect(search.tried.count <= 10)
    #expect(search.result.decoded.width == 96)
  }

  @Test func targetsBeyondTheRangeGiveItsEnds() throws {
    try Self.requireTools(.jpeg)
    let image = TestImages.photoLike(width: 32, height: 32)
    let tiny = try Self.runner.searchQuality(.jpeg, targetBitsPerPixel: 0.001, on: image)
    #expect(tiny.result.quality == ClassicalCodec.jpeg.qualityRange.lowerBound)
    let huge = try Self.runner.searchQuality(.jpeg, targetBitsPerPixel: 500, on: image)
    #expect(huge.result.quality == ClassicalCodec.jpeg.qualityRange.upperBound)
  }

  @Test func qualityOutsideTheRangeIsRefused() throws {
    try Self.requireTools(.jpegXL)
    let image = TestImages.photoLike(width: 8, height: 8)
    #expect(
      throws: ClassicalCodecError.qualityOutOfRange(codec: .jpegXL, quality: 2, range: 5...100)
    ) { try Self.runner.run(.jpegXL, quality: 2, on: image) }
  }

  @Test func avifQualityMapsOntoTheQuantizer() {
    #expect(ClassicalCodec.avifQuantizer(quality: 100) == 0)
    #expect(ClassicalCodec.avifQuantizer(quality: 0) == 63)
    #expect(ClassicalCodec.avifQuantizer(quality: 50) == 32)
  }
}

/// The failure paths, exercised with small shell scripts standing in for the tools.
struct ClassicalCodecFailureTests {
  @Test func missingToolsAreReportedNotRun() throws {
    let runner = ClassicalCodecRunner(searchPath: "/nonexistent-aez-tools")
    #expect(runner.availability(of: .jpeg) == .missing(tools: ["cjpeg", "djpeg"]))
    #expect(runner.availableCodecs().isEmpty)
    let error = #expect(throws: ClassicalCodecError.self) {
      try runner.run(.jpeg, quality: 75, on: TestImages.photoLike(width: 4, height: 4))
    }
    #expect(error == .toolMissing(codec: .jpeg, tools: ["cjpeg", "djpeg"]))
    #expect(error?.description.contains("libjpeg-turbo-progs") == true)
  }

  @Test func aFailingToolReportsItsStatusAndMessage() throws {
    let directory = try ScriptDirectory()
    defer { directory.remove() }
    try directory.write("cjpeg", "echo 'cjpeg: unsupported input' >&2; exit 3")
    try directory.write("djpeg", "exit 0")
    let runner = ClassicalCodecRunner(searchPath: directory.url.path)
    let error = #expect(throws: ClassicalCodecError.self) {
      try runner.run(.jpeg, quality: 75, on: TestImages.photoLike(width: 4, height: 4))
    }
    guard case .toolFailed(let tool, _, let status, let message) = error else {
      Issue.record("expected toolFailed, got \(String(describing: error))")
      return
    }
    #expect(tool == "cjpeg" && status == 3 && message == "cjpeg: unsupported input")
  }

  @Test func aToolThatWritesNothingIsCaught() throws {
    let directory = try ScriptDirectory()
    defer { directory.remove() }
    try directory.write("cjpeg", "exit 0")
    try directory.write("djpeg", "exit 0")
    let runner = ClassicalCodecRunner(searchPath: directory.url.path)
    let error = #expect(throws: ClassicalCodecError.self) {
      try runner.run(.jpeg, quality: 75, on: TestImages.photoLike(width: 4, height: 4))
    }
    guard case .unreadableOutput(let tool, _) = error else {
      Issue.record("expected unreadableOutput, got \(String(describing: error))")
      return
    }
    #expect(tool == "cjpeg")
  }

  @Test func aHangingToolIsStopped() throws {
    let directory = try ScriptDirectory()
    defer { directory.remove() }
    try directory.write("cwebp", "exec sleep 30")
    try directory.write("dwebp", "exit 0")
    let runner = ClassicalCodecRunner(searchPath: directory.url.path, timeoutSeconds: 0.3)
    let clock = ContinuousClock()
    let start = clock.now
    #expect(throws: ClassicalCodecError.toolTimedOut(tool: "cwebp", seconds: 0.3)) {
      try runner.run(.webp, quality: 75, on: TestImages.photoLike(width: 4, height: 4))
    }
    #expect(clock.now - start < .seconds(10))
  }
}

/// A temporary directory of executable shell scripts.
struct ScriptDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("aez-fake-tools-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func write(_ name: String, _ body: String) throws {
    let path = url.appendingPathComponent(name).path
    try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
