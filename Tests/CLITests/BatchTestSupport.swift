import Foundation
import Image
import NumericCore

/// Images and helpers for the tests of the batch commands.
enum BatchFixtures {
  /// Writes `count` seeded grey images of `width` by `height` as `image-NNNN.png` into
  /// `folder/sub` and returns their paths, in name order.
  @discardableResult
  static func writeImages(
    count: Int, width: Int = 7, height: Int = 5, in folder: TemporaryFolder,
    sub: String = "in", seed: UInt64 = 1
  ) throws -> [String] {
    try FileManager.default.createDirectory(
      atPath: folder.file(sub), withIntermediateDirectories: true)
    var generator = SeededGenerator(seed: seed)
    return try (0..<count).map { index in
      let samples = (0..<(width * height)).map { _ in
        UInt16.random(in: 0...255, using: &generator)
      }
      let image = PixelBuffer(
        width: width, height: height, layout: .grey, sampleDepth: .eight, samples: samples)
      let name = String(format: "\(sub)/image-%04d.png", index)
      return try folder.write(try PNG.encode(image), to: name)
    }
  }

  /// The JSON document a run printed.
  static func document(_ run: ToolRun) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
    guard let document = object as? [String: Any] else {
      throw CocoaError(.coderReadCorrupt)
    }
    return document
  }

  /// The document's `images` list with the timings, which differ from run to run, removed.
  static func imagesWithoutTimes(_ document: [String: Any]) -> [[String: String]] {
    let images = document["images"] as? [[String: Any]] ?? []
    return images.map { image in
      var kept: [String: String] = [:]
      for (key, value) in image where !key.hasSuffix("_seconds") {
        kept[key] = "\(value)"
      }
      return kept
    }
  }

  /// The names in `folder`, sorted, hidden ones included.
  static func listing(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  /// The bytes of every file in `folder`, by name.
  static func contents(of folder: String) throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for name in listing(folder) {
      files[name] = try CLITests.contents(of: (folder as NSString).appendingPathComponent(name))
    }
    return files
  }
}

/// A running `aez` that a test can signal before it ends.
struct RunningTool {
  let process = Process()
  private let output = Pipe()
  private let errors = Pipe()

  /// Starts `aez` with `arguments`.
  ///
  /// - Throws: `CocoaError` when the executable is missing or cannot be started.
  init(_ arguments: [String]) throws {
    guard let path = AEZExecutable.path else {
      throw CocoaError(.fileNoSuchFile)
    }
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  /// Waits until `condition` holds, polling every 10 ms, for at most `timeout` seconds.
  ///
  /// - Returns: Whether the condition held in time.
  func wait(upTo timeout: Double, until condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition() { return true }
      usleep(10_000)
    }
    return condition()
  }

  /// Sends `signal` to the process.
  func send(_ signal: Int32) {
    kill(process.processIdentifier, signal)
  }

  /// Reads both pipes to their ends and waits for the process to exit.
  func finish() -> ToolRun {
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ToolRun(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }
}
