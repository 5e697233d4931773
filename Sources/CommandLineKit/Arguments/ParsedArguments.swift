/// The values of one parsed command line, read back by option or argument name.
///
/// Reading a name the command does not declare, or reading it with the wrong accessor (such
/// as `integer(_:)` on a double option), is a programmer mistake and traps. An option that
/// was not given reads as its default, or as `nil` / empty when it has none.
public struct ParsedArguments: Sendable {
  /// The command that was parsed.
  public let command: CommandSpec
  private let given: [String: [ParsedValue]]
  private let defaults: [String: [ParsedValue]]
  private let storage: [String: ValueStorage]

  init(command: CommandSpec, given: [String: [ParsedValue]]) {
    self.command = command
    self.given = given
    var defaults: [String: [ParsedValue]] = [:]
    var storage: [String: ValueStorage] = [:]
    for option in command.options {
      storage[option.name] = option.kind.storage
      if !option.defaultValues.isEmpty {
        defaults[option.name] = option.defaultValues
      }
    }
    for positional in command.positionals {
      storage[positional.name] = .text
    }
    self.defaults = defaults
    self.storage = storage
  }

  /// Whether the option or argument appeared on the command line (a default does not count).
  public func wasGiven(_ name: String) -> Bool {
    requireDeclared(name, stored: nil)
    return given[name] != nil
  }

  /// Whether the flag was given.
  public func flag(_ name: String) -> Bool {
    !values(name, stored: .presence).isEmpty
  }

  /// The text of a string, path or choice option or of a positional argument; the last one
  /// when repeated, `nil` when absent without a default.
  public func string(_ name: String) -> String? {
    strings(name).last
  }

  /// Every text given to a repeatable or list option or to a positional argument, in order.
  public func strings(_ name: String) -> [String] {
    values(name, stored: .text).map {
      guard case .text(let text) = $0 else { preconditionFailure("stored kinds disagree") }
      return text
    }
  }

  /// The value of an integer option; the last one when repeated, `nil` when absent.
  public func integer(_ name: String) -> Int? {
    integers(name).last
  }

  /// Every value given to a repeatable or list integer option, in order.
  public func integers(_ name: String) -> [Int] {
    values(name, stored: .integer).map {
      guard case .integer(let value) = $0 else { preconditionFailure("stored kinds disagree") }
      return value
    }
  }

  /// The value of a double option; the last one when repeated, `nil` when absent.
  public func double(_ name: String) -> Double? {
    doubles(name).last
  }

  /// Every value given to a repeatable or list double option, in order.
  public func doubles(_ name: String) -> [Double] {
    values(name, stored: .number).map {
      guard case .number(let value) = $0 else { preconditionFailure("stored kinds disagree") }
      return value
    }
  }

  /// The given values of a name, or its default.
  private func values(_ name: String, stored expected: ValueStorage) -> [ParsedValue] {
    requireDeclared(name, stored: expected)
    return given[name] ?? defaults[name] ?? []
  }

  /// Traps when the command does not declare the name, or stores its values differently
  /// than the accessor expects (`nil` accepts any storage).
  private func requireDeclared(_ name: String, stored expected: ValueStorage?) {
    guard let actual = storage[name] else {
      preconditionFailure("'\(name)' is not an option or argument of '\(command.name)'")
    }
    if let expected {
      precondition(
        expected == actual,
        "'\(name)' of '\(command.name)' holds \(actual) values, not \(expected) values")
    }
  }
}
