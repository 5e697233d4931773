import CommandLineKit
import Foundation
import Testing

struct DispatchCase: Sendable, CustomTestStringConvertible {
  enum Outcome: Sendable, Equatable {
    case toolHelp
    case commandHelp(String)
    case version(String)
    case run(command: String, inputs: [String])
    case error(UsageError)
  }

  let name: String
  let arguments: [String]
  let outcome: Outcome

  var testDescription: String { name }
}

/// An error a command might throw, with its own message.
struct SampleFailure: Error, CustomStringConvertible {
  var description: String { "cannot read 'a.png': no such file" }
}

/// An error that describes itself through Foundation's protocol.
struct LocalizedFailure: LocalizedError {
  var errorDescription: String? { "disk full while writing 'a.aez'" }
}

@Suite("Picking the command and handling help and version")
struct CommandLineToolTests {
  static let tool = SampleCommands.tool

  static let cases: [DispatchCase] = [
    DispatchCase(name: "--help alone", arguments: ["--help"], outcome: .toolHelp),
    DispatchCase(name: "-h alone", arguments: ["-h"], outcome: .toolHelp),
    DispatchCase(
      name: "command --help", arguments: ["compress", "--help"], outcome: .commandHelp("compress")),
    DispatchCase(
      name: "-h after arguments", arguments: ["info", "x.aez", "-h"], outcome: .commandHelp("info")),
    DispatchCase(
      name: "--help before the command", arguments: ["--help", "info"],
      outcome: .commandHelp("info")),
    DispatchCase(
      name: "--help wins over a bad option", arguments: ["compress", "--bogus", "--help"],
      outcome: .commandHelp("compress")),
    DispatchCase(
      name: "--help after -- is an argument", arguments: ["compress", "--", "--help"],
      outcome: .run(command: "compress", inputs: ["--help"])),
    DispatchCase(name: "--version", arguments: ["--version"], outcome: .version("aez 1.2.3")),
    DispatchCase(
      name: "command with arguments", arguments: ["compress", "a.png", "b.png"],
      outcome: .run(command: "compress", inputs: ["a.png", "b.png"])),
    DispatchCase(name: "nothing", arguments: [], outcome: .error(.missingCommand)),
    DispatchCase(
      name: "misspelled command", arguments: ["comprss", "a.png"],
      outcome: .error(.unknownCommand("comprss", suggestion: "compress"))),
    DispatchCase(
      name: "unrelated command", arguments: ["zip"],
      outcome: .error(.unknownCommand("zip", suggestion: nil))),
    DispatchCase(
      name: "misspelled --version", arguments: ["--verison"],
      outcome: .error(.unknownOption("--verison", suggestion: "--version"))),
    DispatchCase(
      name: "error inside the command", arguments: ["compress", "-q", "x", "a.png"],
      outcome: .error(.invalidNumber(option: "-q", value: "x", expected: .double))),
  ]

  @Test("Arguments resolve to help, version, a command or a usage error", arguments: cases)
  func resolve(_ testCase: DispatchCase) throws {
    if case .error(let expected) = testCase.outcome {
      #expect(throws: expected) { try Self.tool.resolve(testCase.arguments) }
      return
    }
    switch (try Self.tool.resolve(testCase.arguments), testCase.outcome) {
    case (.help(let text), .toolHelp):
      #expect(text == Self.tool.helpText())
    case (.help(let text), .commandHelp(let name)):
      #expect(text == Self.tool.command(named: name)?.helpText(toolName: "aez"))
    case (.version(let text), .version(let expected)):
      #expect(text == expected)
    case (.run(let command, let parsed), .run(let name, let inputs)):
      #expect(command.name == name)
      #expect(parsed.strings(command.positionals[0].name) == inputs)
    case (let actual, let expected):
      Issue.record("resolved to \(actual), expected \(expected)")
    }
  }

  @Test("The tool's help lists every command with its summary, wrapped")
  func toolHelp() {
    let help = Self.tool.helpText()
    let lines = help.split(separator: "\n").map(String.init)
    #expect(lines.first == "aez 1.2.3: A learned image codec.")
    #expect(lines.contains("  compress  Compress PNG images into .aez files."))
    #expect(lines.contains("  info      Describe an .aez file."))
    #expect(unwrapped(help).contains("--version Show the version and exit."))
    #expect(lines.allSatisfy { $0.count <= 80 })
  }

  @Test("run prints help to the output and exits 0")
  func runHelp() {
    let output = CapturingSink()
    let errors = CapturingSink()
    let code = Self.tool.run(["info", "--help"], output: output, errors: errors) { _, _ in
      Issue.record("the command must not run when help is asked for")
    }
    #expect(code == .success)
    #expect(output.text == SampleCommands.info.helpText(toolName: "aez") + "\n")
    #expect(errors.text.isEmpty)
  }

  @Test("run hands the parsed command to the body and exits 0")
  func runCommand() {
    let output = CapturingSink()
    var ran: [String] = []
    let code = Self.tool.run(["info", "x.aez"], output: output, errors: CapturingSink()) {
      command, parsed in
      ran = [command.name] + parsed.strings("file")
    }
    #expect(code == .success)
    #expect(ran == ["info", "x.aez"])
    #expect(output.text.isEmpty)
  }

  struct ReportCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let thrown: (any Error & Sendable)?
    let code: ExitCode
    let errors: String
    var testDescription: String { name }
  }

  static let reportCases: [ReportCase] = [
    ReportCase(
      name: "unknown command", arguments: ["comprss"], thrown: nil, code: .usage,
      errors: """
        error: unknown command 'comprss'; did you mean 'compress'?
        Run 'aez --help' for usage.

        """),
    ReportCase(
      name: "bad option of a command", arguments: ["compress", "--qualty=5", "a.png"],
      thrown: nil, code: .usage,
      errors: """
        error: unknown option '--qualty'; did you mean '--quality'?
        Run 'aez compress --help' for usage.

        """),
    ReportCase(
      name: "no command", arguments: [], thrown: nil, code: .usage,
      errors: "error: no command given\nRun 'aez --help' for usage.\n"),
    ReportCase(
      name: "failure thrown by the command", arguments: ["info", "x.aez"],
      thrown: SampleFailure(), code: .failure,
      errors: "error: cannot read 'a.png': no such file\n"),
    ReportCase(
      name: "localized failure thrown by the command", arguments: ["info", "x.aez"],
      thrown: LocalizedFailure(), code: .failure,
      errors: "error: disk full while writing 'a.aez'\n"),
    ReportCase(
      name: "usage problem found by the command", arguments: ["info", "x.aez"],
      thrown: UsageError.invalidUsage("'x.aez' is not an .aez file; pass the compressed file"),
      code: .usage,
      errors: """
        error: 'x.aez' is not an .aez file; pass the compressed file
        Run 'aez info --help' for usage.

        """),
  ]

  @Test("run reports errors on the error stream with the right exit code", arguments: reportCases)
  func runReportsErrors(_ testCase: ReportCase) {
    let output = CapturingSink()
    let errors = CapturingSink()
    let code = Self.tool.run(testCase.arguments, output: output, errors: errors) { _, _ in
      if let thrown = testCase.thrown { throw thrown }
    }
    #expect(code == testCase.code)
    #expect(errors.text == testCase.errors)
    #expect(output.text.isEmpty)
  }

  @Test("Exit codes follow sysexits")
  func exitCodes() {
    #expect(ExitCode.success.rawValue == 0)
    #expect(ExitCode.failure.rawValue == 1)
    #expect(ExitCode.usage.rawValue == 64)
  }

  @Test("Warnings and errors carry their prefixes")
  func prefixes() {
    let errors = CapturingSink()
    printWarning("quality 100 gives large files", to: errors)
    printError("cannot open 'a.png'", to: errors)
    #expect(
      errors.texts == ["warning: quality 100 gives large files\n", "error: cannot open 'a.png'\n"])
  }
}
