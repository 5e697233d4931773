/// The description of one named option of a command: its spellings, value, default and help.
///
/// An option is written `--name`, or `-s` when it has a short name. One that takes a value
/// accepts it as `--name value`, `--name=value` or `-s value`.
public struct OptionSpec: Sendable {
  /// The long name, without the leading dashes, as in `quality` for `--quality`.
  public let name: String
  /// The one-letter name, as in `q` for `-q`, or `nil` when there is none.
  public let shortName: Character?
  /// The kind of value the option takes; `.flag` for none.
  public let kind: ValueKind
  /// The placeholder for the value in usage text, as in `x` for `--quality <x>`.
  public let valueName: String
  /// The value used when the option is not given, as it would be typed, or `nil` for none.
  public let defaultValue: String?
  /// The accepted values of an integer or double option (or list of them), or `nil` for any.
  public let range: ClosedRange<Double>?
  /// Whether the option may be given more than once, each time adding its values.
  public let isRepeatable: Bool
  /// One or two sentences shown in the help.
  public let help: String

  /// The default converted once, so that a bad default traps when the table is built.
  let defaultValues: [ParsedValue]

  /// Describes an option; a misdescribed option (such as a default outside its range) traps.
  ///
  /// - Parameters:
  ///   - name: The long name without dashes, as in `"quality"`.
  ///   - short: The one-letter name, as in `"q"`.
  ///   - kind: The kind of value; `.flag` (the default) for an option that takes none.
  ///   - valueName: The placeholder in usage text; derived from the kind when `nil`.
  ///   - default: The value used when the option is not given, as it would be typed.
  ///   - range: The accepted values of a numeric option, as in `0...100`.
  ///   - repeatable: Whether the option may be given more than once.
  ///   - help: The text shown in the help.
  public init(
    _ name: String, short: Character? = nil, kind: ValueKind = .flag, valueName: String? = nil,
    default defaultValue: String? = nil, range: ClosedRange<Double>? = nil,
    repeatable: Bool = false, help: String
  ) {
    precondition(
      !name.isEmpty && !name.hasPrefix("-") && !name.contains("=") && !name.contains(" "),
      "option name '\(name)' must be a plain word without dashes, '=' or spaces")
    // A digit would make `-1` an option rather than the number minus one.
    precondition(short?.isLetter ?? true, "short name of --\(name) must be a letter")
    if case .list(let element) = kind {
      var isPlain = element != .flag
      if case .list = element { isPlain = false }
      precondition(isPlain, "--\(name): a list holds plain values, not flags or other lists")
    }
    if case .choice(let choices) = kind {
      precondition(!choices.isEmpty, "--\(name): a choice needs at least one value")
    }
    precondition(range == nil || kind.isNumeric, "--\(name): only numeric options take a range")
    precondition(kind != .flag || defaultValue == nil, "--\(name): a flag has no default")

    self.name = name
    self.shortName = short
    self.kind = kind
    self.valueName = valueName ?? kind.defaultValueName
    self.defaultValue = defaultValue
    self.range = range
    self.isRepeatable = repeatable
    self.help = help

    if let defaultValue {
      do {
        defaultValues = try kind.convert(defaultValue, option: "--\(name)", range: range)
      } catch {
        preconditionFailure("default of --\(name) is invalid: \(error)")
      }
    } else {
      defaultValues = []
    }
  }

  /// The long spelling, as in `--quality`.
  public var longSpelling: String { "--\(name)" }
}
