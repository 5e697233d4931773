import CommandLineKit

/// The `aez` command line: its commands, and the dispatch from arguments to them.
public enum AEZTool {
  /// The version printed by `aez --version`.
  public static let version = "0.1.0"

  static let tool = CommandLineTool(
    name: "aez", version: version,
    summary: "a learned image codec: autoencoders as signal compression",
    commands: [
      CompressCommand.spec, DecompressCommand.spec, InfoCommand.spec, CompressCommand.evalSpec,
      TrainCommand.spec, ModelsCommand.spec, BenchCommand.spec, CompareCommand.spec,
    ])

  /// Runs `aez` with `arguments` (without the program name) and returns the exit status.
  public static func main(_ arguments: [String]) -> Int32 {
    tool.run(arguments) { command, parsed in
      switch command.name {
      case CompressCommand.spec.name: try CompressCommand(parsed: parsed, writesFile: true).run()
      case CompressCommand.evalSpec.name:
        try CompressCommand(parsed: parsed, writesFile: false).run()
      case DecompressCommand.spec.name: try DecompressCommand(parsed: parsed).run()
      case InfoCommand.spec.name: try InfoCommand(parsed: parsed).run()
      case ModelsCommand.spec.name: try ModelsCommand(parsed: parsed).run()
      case TrainCommand.spec.name: try TrainCommand(parsed).run()
      case BenchCommand.spec.name: try BenchCommand(parsed: parsed).run()
      case CompareCommand.spec.name: try CompareCommand(parsed: parsed).run()
      default: preconditionFailure("command \(command.name) has no implementation")
      }
    }.rawValue
  }
}
