/// A command line tool made of commands, which picks the command named in the arguments.
///
/// `--help` or `-h` anywhere before `--` asks for help: the command's, when a command is
/// named, or else the tool's list of commands. `--version` as the first argument asks for
/// the version.
public struct CommandLineTool: Sendable {
  /// What the arguments ask the tool to do.
  public enum Invocation: Sendable {
    /// Run the command with the parsed values.
    case run(CommandSpec, ParsedArguments)
    /// Print this help text to standard output and exit successfully.
    case help(String)
    /// Print this version line to standard output and exit successfully.
    case version(String)
  }

  /// The name of the executable, as in `aez`.
  public let name: String
  /// The version shown by `--version`.
  public let version: String
  /// One line that says what the tool is, shown at the top of its help.
  public let summary: String
  /// The commands, in the order the help lists them.
  public let commands: [CommandSpec]

  /// Describes a tool; two commands of one name trap.
  ///
  /// - Parameters:
  ///   - name: The name of the executable.
  ///   - version: The version shown by `--version`.
  ///   - summary: One line that says what the tool is.
  ///   - commands: The commands.
  public init(name: String, version: String, summary: String, commands: [CommandSpec]) {
    precondition(
      Set(commands.map(\.name)).count == commands.count, "\(name): command names repeat")
    self.name = name
    self.version = version
    self.summary = summary
    self.commands = commands
  }

  /// Works out what the arguments ask for.
  ///
  /// - Parameter arguments: The arguments after the executable's name.
  /// - Throws: `UsageError` when no command or an unknown one is named, or when the
  ///   command's arguments do not parse.
  public func resolve(_ arguments: [String]) throws(UsageError) -> Invocation {
    let beforeTerminator = arguments.prefix { $0 != "--" }
    if beforeTerminator.contains(where: Self.isHelpRequest) {
      if let word = beforeTerminator.first(where: { !Self.isHelpRequest($0) }),
        let command = command(named: word)
      {
        return .help(command.helpText(toolName: name))
      }
      return .help(helpText())
    }

    guard let first = arguments.first else { throw .missingCommand }
    if first == "--version" {
      return .version("\(name) \(version)")
    }
    guard let command = command(named: first) else {
      if CommandSpec.looksLikeOption(first) {
        let guess = closestMatch(to: String(first.drop { $0 == "-" }), among: ["help", "version"])
        throw .unknownOption(first, suggestion: guess.map { "--\($0)" })
      }
      throw .unknownCommand(first, suggestion: closestMatch(to: first, among: commands.map(\.name)))
    }
    return .run(command, try command.parse(Array(arguments.dropFirst())))
  }

  /// The tool's help: its summary, usage and list of commands with their summaries.
  ///
  /// - Parameter width: The column at which lines wrap.
  public func helpText(width: Int = 80) -> String {
    var lines = TextLayout.wrap("\(name) \(version): \(summary)", width: width)
    lines += ["", "Usage: \(name) <command> [options]", "", "Commands:"]
    lines += TextLayout.columns(
      commands.map { (term: $0.name, description: $0.summary) }, width: width)
    lines += ["", "Options:"]
    lines += TextLayout.columns(
      [
        (term: "-h, --help", description: "Show this help, or a command's help, and exit."),
        (term: "    --version", description: "Show the version and exit."),
      ], width: width)
    let hint = "Run '\(name) <command> --help' for the options of a command."
    lines += [""] + TextLayout.wrap(hint, width: width)
    return lines.joined(separator: "\n")
  }

  /// Resolves the arguments, runs the command and reports any error, returning the exit code.
  ///
  /// Help and version go to `output`. An error goes to `errors` as `error: <message>`; a
  /// usage error is followed by a line naming the help to read, and gives exit code 64.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the executable's name.
  ///   - output: Where help and version text go; standard output by default.
  ///   - errors: Where errors go; standard error by default.
  ///   - body: Runs the chosen command; an error it throws is reported, and a `UsageError`
  ///     among them gives exit code 64.
  public func run(
    _ arguments: [String], output: some TextSink = FileStream.standardOutput,
    errors: some TextSink = FileStream.standardError,
    _ body: (CommandSpec, ParsedArguments) throws -> Void
  ) -> ExitCode {
    do {
      switch try resolve(arguments) {
      case .help(let text), .version(let text):
        output.write(text + "\n")
      case .run(let command, let parsed):
        try body(command, parsed)
      }
      return .success
    } catch {
      let code = reportError(error, to: errors)
      if code == .usage {
        let helpCommand =
          arguments.first.flatMap(command(named:)).map { "\(name) \($0.name)" } ?? name
        errors.write("Run '\(helpCommand) --help' for usage.\n")
      }
      return code
    }
  }

  /// The command called `name`, or `nil` when the tool has none.
  public func command(named name: String) -> CommandSpec? {
    commands.first { $0.name == name }
  }

  private static func isHelpRequest(_ argument: String) -> Bool {
    argument == "--help" || argument == "-h"
  }
}
