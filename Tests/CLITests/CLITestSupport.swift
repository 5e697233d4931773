import Foundation
import Image
import Models
import NumericCore

/// What a run of the `aez` executable printed and returned.
struct ToolRun: CustomStringConvertible {
  var status: Int32
  var standardOutput: String
  var standardError: String

  var description: String {
    "exit \(status)\nstdout:\n\(standardOutput)\nstderr:\n\(standardError)"
  }
}

/// Runs the built `aez` executable as a child process, so that its standard output and
/// standard error can be read as a user would see them.
enum AEZExecutable {
  /// The `aez` executable next to the test bundle in the build folder (SwiftPM builds every
  /// product of the package before it runs the tests), or `nil` when it is not there.
  static let path: String? = {
    let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let candidate = testBinary.deletingLastPathComponent().appendingPathComponent("aez").path
    return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
  }()

  /// Runs `aez` with `arguments` in `folder` and waits for it.
  ///
  /// - Throws: `CocoaError` when the executable is missing or cannot be started.
  static func run(_ arguments: [String], in folder: String? = nil) throws -> ToolRun {
    guard let path else {
      throw CocoaError(
        .fileNoSuchFile,
        userInfo: [NSLocalizedDescriptionKey: "build the aez executable before these tests"])
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes to their ends before waiting, so a full pipe never blocks the child.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ToolRun(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }
}

/// The committed fixtures under `Fixtures/`, found from this file's path.
enum CLIFixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CLITests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Fixtures")

  /// The full path of `name` inside `Fixtures/`, such as `png/grey8.png`.
  static func path(_ name: String) -> String {
    root.appendingPathComponent(name).path
  }

  /// The names of the files in `Fixtures/folder` ending in `suffix`, sorted.
  static func names(in folder: String, suffix: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
    return names.filter { $0.hasSuffix(suffix) }.sorted()
  }
}

/// A fresh empty folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("cli-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> String {
    (path as NSString).appendingPathComponent(name)
  }

  /// Writes `bytes` to `name` inside the folder and returns its path.
  @discardableResult
  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let target = file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: target))
    return target
  }

  /// Copies the fixture `name` (relative to `Fixtures/`) into the folder as `newName`.
  @discardableResult
  func copyFixture(_ name: String, as newName: String) throws -> String {
    try write(try CLITests.contents(of: CLIFixtures.path(name)), to: newName)
  }

  /// The names of the files in the folder, sorted.
  var contents: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// The bytes of the file at `path`.
func contents(of path: String) throws -> [UInt8] {
  Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// Writes a small seeded model file for `width` by `height` grey images into `folder` and
/// returns its path: a dense codec with latent 4, untrained but with its latents spread
/// over several integers.
func writeTestModel(width: Int, height: Int, seed: UInt64 = 1, in folder: TemporaryFolder)
  throws -> String
{
  var generator = SeededGenerator(seed: seed)
  let codec = FactorizedCodec(
    architecture: .dense(hidden: [], latent: 4, activation: .relu, latentActivation: .linear),
    height: height, width: width, distortion: .mse, generator: &generator)
  for (_, parameter) in codec.encoder.parameters {
    parameter.value = Tensor(
      shape: parameter.shape, scalars: parameter.value.scalars.map { $0 * 6 })
  }
  let file = try codec.modelFile(notes: ["description": "command line test model"])
  return try folder.write(file.serialized(), to: "model-\(width)x\(height)-\(seed).aezm")
}
