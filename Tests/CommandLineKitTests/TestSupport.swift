import CommandLineKit
import Synchronization

/// A sink that keeps every write, standing in for standard error.
final class CapturingSink: TextSink {
  let isTerminal: Bool
  let terminalWidth: Int?
  private let writes = Mutex<[String]>([])

  init(isTerminal: Bool = false, terminalWidth: Int? = nil) {
    self.isTerminal = isTerminal
    self.terminalWidth = terminalWidth
  }

  func write(_ text: String) {
    writes.withLock { $0.append(text) }
  }

  /// Every write, in order.
  var texts: [String] { writes.withLock { $0 } }

  /// Everything written, joined.
  var text: String { texts.joined() }
}

/// A clock the test moves by hand.
final class FakeClock: Sendable {
  private let seconds = Mutex<Double>(0)

  func now() -> Double { seconds.withLock { $0 } }

  func set(_ value: Double) { seconds.withLock { $0 = value } }
}

/// Commands shaped like the tool's own, shared by the tests.
enum SampleCommands {
  static let compress = CommandSpec(
    name: "compress", summary: "Compress PNG images into .aez files.",
    discussion: """
      Each input image is encoded by the learned model and written next to it with the \
      extension .aez, unless an output directory is given. The quality trades file size \
      against fidelity.

      Images of any PNG colour type and bit depth are accepted.
      """,
    options: [
      OptionSpec(
        "quality", short: "q", kind: .double, default: "75", range: 0...100,
        help: "Quality of the decoded image; higher keeps more detail in bigger files."),
      OptionSpec(
        "threads", short: "j", kind: .integer, range: 1...256, help: "Worker threads to use."),
      OptionSpec("output", short: "o", kind: .path, help: "Directory for the .aez files."),
      OptionSpec("force", short: "f", help: "Overwrite existing files."),
      OptionSpec(
        "metric", kind: .choice(["mse", "ssim"]), default: "mse",
        help: "Distortion the encoder minimizes."),
      OptionSpec(
        "qualities", kind: .list(.double), range: 0...100, help: "Several qualities at once."),
      OptionSpec("bias", kind: .double, help: "Offset added to the latent code."),
      OptionSpec("tag", kind: .string, repeatable: true, help: "A label stored with the file."),
    ],
    positionals: [
      PositionalSpec("inputs", valueName: "input", arity: .oneOrMore, help: "PNG images.")
    ])

  static let info = CommandSpec(
    name: "info", summary: "Describe an .aez file.",
    positionals: [PositionalSpec("file", help: "The .aez file.")])

  static let tool = CommandLineTool(
    name: "aez", version: "1.2.3", summary: "A learned image codec.",
    commands: [compress, info])
}
