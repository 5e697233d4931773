/// The description of one command of a tool: its name, help texts, options and arguments.
///
/// The same table drives parsing (`parse(_:)`) and the help (`helpText(toolName:width:)`),
/// so the two cannot disagree.
public struct CommandSpec: Sendable {
  /// The word that selects the command, as in `compress`.
  public let name: String
  /// One line that says what the command does, shown in the tool's list of commands.
  public let summary: String
  /// Longer text shown in the command's help; paragraphs are separated by blank lines.
  public let discussion: String
  /// The named options, in the order the help lists them.
  public let options: [OptionSpec]
  /// The positional arguments, in the order they are given.
  public let positionals: [PositionalSpec]

  /// Describes a command; a misdescribed table (such as two options of one name) traps.
  ///
  /// `--help` and `-h` are reserved for the help and may not be declared. At most one
  /// positional argument may take a variable number of values.
  ///
  /// - Parameters:
  ///   - name: The word that selects the command.
  ///   - summary: One line that says what the command does.
  ///   - discussion: Longer text for the command's help.
  ///   - options: The named options.
  ///   - positionals: The positional arguments.
  public init(
    name: String, summary: String, discussion: String = "", options: [OptionSpec] = [],
    positionals: [PositionalSpec] = []
  ) {
    let names = options.map(\.name) + positionals.map(\.name)
    precondition(Set(names).count == names.count, "\(name): option and argument names repeat")
    let shortNames = options.compactMap(\.shortName)
    precondition(Set(shortNames).count == shortNames.count, "\(name): short names repeat")
    precondition(
      !options.contains { $0.name == "help" || $0.shortName == "h" },
      "\(name): --help and -h are reserved for the help")
    precondition(
      positionals.filter(\.arity.isVariadic).count <= 1,
      "\(name): at most one positional argument may take a variable number of values")

    self.name = name
    self.summary = summary
    self.discussion = discussion
    self.options = options
    self.positionals = positionals
  }

  /// The option spelled `spelling` (`--name` or `-n`), or `nil` when there is none.
  func option(spelled spelling: String) -> OptionSpec? {
    if spelling.hasPrefix("--") {
      let name = spelling.dropFirst(2)
      return options.first { $0.name == name }
    }
    guard spelling.count == 2, let letter = spelling.last else { return nil }
    return options.first { $0.shortName == letter }
  }
}
