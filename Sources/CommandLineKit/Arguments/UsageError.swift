/// A mistake in how a command was invoked, with a message that tells the user what to do.
///
/// Every case carries the offending text as the user typed it. Usage errors map to exit
/// code 64 (`ExitCode.usage`).
public enum UsageError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No command was named.
  case missingCommand
  /// The command is not one of the tool's; `suggestion` is the closest known name, if any.
  case unknownCommand(String, suggestion: String?)
  /// The option is not one of the command's; `suggestion` is the closest known spelling.
  case unknownOption(String, suggestion: String?)
  /// An option that takes a value was given none.
  case missingValue(option: String, valueName: String)
  /// A flag was given a value, as in `--force=yes`.
  case unexpectedValue(option: String, value: String)
  /// A numeric option was given text that is not a number of the expected kind.
  case invalidNumber(option: String, value: String, expected: ValueKind)
  /// A numeric option was given a number outside its range.
  case outOfRange(option: String, value: String, range: ClosedRange<Double>)
  /// A choice option was given a value that is not among its choices.
  case invalidChoice(option: String, value: String, choices: [String])
  /// An option that may appear once was given again.
  case repeatedOption(String)
  /// A required positional argument is missing; the text is its usage spelling.
  case missingArgument(String)
  /// More positional arguments were given than the command takes.
  case unexpectedArgument(String)
  /// A problem the command found itself after parsing, such as two options that exclude
  /// each other; the text is the whole message.
  case invalidUsage(String)

  /// The message shown after `error: `.
  public var description: String {
    switch self {
    case .missingCommand:
      return "no command given"
    case .unknownCommand(let name, let suggestion):
      return "unknown command '\(name)'" + Self.didYouMean(suggestion)
    case .unknownOption(let option, let suggestion):
      return "unknown option '\(option)'" + Self.didYouMean(suggestion)
    case .missingValue(let option, let valueName):
      return "option '\(option)' needs a value, as in '\(option) <\(valueName)>'"
    case .unexpectedValue(let option, let value):
      return "option '\(option)' takes no value, but was given '\(value)'"
    case .invalidNumber(let option, let value, let expected):
      let noun = expected == .integer ? "a whole number" : "a number"
      return "option '\(option)' expects \(noun), but was given '\(value)'"
    case .outOfRange(let option, let value, let range):
      return "option '\(option)' must be from \(Self.bound(range.lowerBound)) to "
        + "\(Self.bound(range.upperBound)), but was given \(value)"
    case .invalidChoice(let option, let value, let choices):
      let list = choices.map { "'\($0)'" }.joined(separator: ", ")
      return "option '\(option)' must be one of \(list), but was given '\(value)'"
    case .repeatedOption(let option):
      return "option '\(option)' was given more than once; give it once"
    case .missingArgument(let spelling):
      return "missing argument \(spelling)"
    case .unexpectedArgument(let value):
      return "unexpected argument '\(value)'"
    case .invalidUsage(let message):
      return message
    }
  }

  private static func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }

  /// A range bound as a user would write it: `100`, not `100.0`.
  static func bound(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int(value))
    }
    return String(value)
  }
}
