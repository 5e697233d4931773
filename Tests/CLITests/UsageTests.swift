import Testing

@testable import CLI

@Suite("Help, version and usage errors")
struct UsageTests {
  /// Every command the tool has, so that a command added later is covered too.
  static let commands = AEZTool.tool.commands.map(\.name)

  @Test("the tool has at least the documented commands")
  func documentedCommands() {
    for command in ["compress", "decompress", "info", "eval", "train", "models"] {
      #expect(Self.commands.contains(command), "\(command)")
    }
  }

  @Test("help and version exit 0", arguments: [["--help"], ["-h"], ["--version"]])
  func toolHelp(arguments: [String]) {
    #expect(AEZTool.main(arguments) == 0)
  }

  @Test("every command has help that exits 0", arguments: commands)
  func commandHelp(command: String) throws {
    #expect(AEZTool.main([command, "--help"]) == 0)
    let run = try AEZExecutable.run([command, "--help"])
    #expect(run.status == 0)
    #expect(run.standardOutput.contains("Usage: aez \(command)"), "\(run)")
    #expect(run.standardError.isEmpty)
  }

  @Test("the version names the tool and its version")
  func version() throws {
    let run = try AEZExecutable.run(["--version"])
    #expect(run.status == 0)
    #expect(run.standardOutput == "aez \(AEZTool.version)\n")
    let help = try AEZExecutable.run(["--help"])
    for command in Self.commands {
      #expect(help.standardOutput.contains(command), "\(command)")
    }
  }

  struct BadUsage: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var message: String
    var helpCommand: String
    var testDescription: String { "aez " + arguments.joined(separator: " ") }
  }

  static let badUsages: [BadUsage] = [
    BadUsage(arguments: [], message: "no command given", helpCommand: "aez"),
    BadUsage(
      arguments: ["frobnicate"], message: "unknown command 'frobnicate'", helpCommand: "aez"),
    BadUsage(
      arguments: ["compress", "--bogus", "x.png"], message: "unknown option '--bogus'",
      helpCommand: "aez compress"),
    BadUsage(
      arguments: ["compress", "--qualty", "5", "x.png"],
      message: "unknown option '--qualty'; did you mean '--quality'?",
      helpCommand: "aez compress"),
    BadUsage(
      arguments: ["compress"], message: "missing argument <IN.png|DIR>...",
      helpCommand: "aez compress"),
    BadUsage(
      arguments: ["compress", "x.png", "--quality"],
      message: "option '--quality' needs a value, as in '--quality <x>'",
      helpCommand: "aez compress"),
    BadUsage(
      arguments: ["compress", "--quality", "101", "x.png"],
      message: "option '--quality' must be from 0 to 100, but was given 101",
      helpCommand: "aez compress"),
    BadUsage(
      arguments: ["eval", "--quality", "-1", "x.png"],
      message: "option '--quality' must be from 0 to 100, but was given -1",
      helpCommand: "aez eval"),
    BadUsage(
      arguments: ["info"], message: "missing argument <IN.aez>", helpCommand: "aez info"),
    BadUsage(
      arguments: ["decompress", "a.aez", "b.aez"],
      message: "several inputs: name a folder for their images with --output-dir DIR",
      helpCommand: "aez decompress"),
    BadUsage(
      arguments: ["decompress", "a.aez", "b.aez", "-o", "x.png"],
      message: "-o names the output of one input; for several, name a folder with --output-dir DIR",
      helpCommand: "aez decompress"),
    BadUsage(
      arguments: ["train", "data"], message: "train needs --output MODEL, the model file to write",
      helpCommand: "aez train"),
    BadUsage(
      arguments: ["compress", "a.png", "b.png"],
      message: "several inputs: name one archive with -o OUT.aez, "
        + "or a folder for one file each with --output-dir DIR",
      helpCommand: "aez compress"),
    BadUsage(
      arguments: ["compress", "a.png", "-o", "x.aez", "--output-dir", "out"],
      message: "-o names one archive and --output-dir a folder for one file each; "
        + "give one of them",
      helpCommand: "aez compress"),
    BadUsage(
      arguments: ["compress", "a.png", "--output-dir", "out", "--shard", "4/4"],
      message: "--shard 4/4: the slice must be from 0 to 3",
      helpCommand: "aez compress"),
    BadUsage(
      arguments: ["eval", "a.png", "--shard", "1of4"],
      message: "--shard takes I/N, the slice I (from 0) of N, as in '--shard 0/4', not '1of4'",
      helpCommand: "aez eval"),
    BadUsage(
      arguments: ["decompress", "a.aez", "--skip-existing", "--force"],
      message: "--skip-existing keeps existing outputs and --force replaces them",
      helpCommand: "aez decompress"),
    BadUsage(
      arguments: ["compress", "a/x.png", "b/x.png", "--output-dir", "out"],
      message: "a/x.png and b/x.png would both be written to out/x.aez; give them separately",
      helpCommand: "aez compress"),
    BadUsage(
      arguments: ["compress", "a.png", "--jobs", "0"],
      message: "option '--jobs' must be from 1 to 1024, but was given 0",
      helpCommand: "aez compress"),
  ]

  @Test("bad usage exits 64 with the reason and where to read help", arguments: badUsages)
  func badUsage(_ usage: BadUsage) throws {
    #expect(AEZTool.main(usage.arguments) == 64)
    let run = try AEZExecutable.run(usage.arguments)
    #expect(run.status == 64)
    #expect(run.standardOutput.isEmpty)
    #expect(
      run.standardError
        == "error: \(usage.message)\nRun '\(usage.helpCommand) --help' for usage.\n", "\(run)")
  }
}
