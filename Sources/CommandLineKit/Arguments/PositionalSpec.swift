/// The description of one positional argument of a command, such as the input files.
public struct PositionalSpec: Sendable {
  /// How many values a positional argument takes.
  public enum Arity: Sendable, Equatable {
    /// Exactly one value.
    case one
    /// One value or none.
    case optional
    /// At least one value.
    case oneOrMore
    /// Any number of values, including none.
    case zeroOrMore

    /// The fewest values the argument accepts.
    var minimum: Int { self == .one || self == .oneOrMore ? 1 : 0 }

    /// Whether the argument takes every value left over, which only one argument may do.
    var isVariadic: Bool { self == .oneOrMore || self == .zeroOrMore }
  }

  /// The name used to read the values back, as in `parsed.strings("inputs")`.
  public let name: String
  /// The placeholder in usage text, as in `input` for `<input>...`.
  public let valueName: String
  /// How many values the argument takes.
  public let arity: Arity
  /// One or two sentences shown in the help.
  public let help: String

  /// Describes a positional argument.
  ///
  /// - Parameters:
  ///   - name: The name used to read the values back.
  ///   - valueName: The placeholder in usage text; the name when `nil`.
  ///   - arity: How many values the argument takes.
  ///   - help: The text shown in the help.
  public init(_ name: String, valueName: String? = nil, arity: Arity = .one, help: String) {
    precondition(!name.isEmpty, "a positional argument needs a name")
    self.name = name
    self.valueName = valueName ?? name
    self.arity = arity
    self.help = help
  }

  /// The argument as shown in usage text, as in `<input>`, `[<input>]` or `<input>...`.
  public var usageSpelling: String {
    switch arity {
    case .one: "<\(valueName)>"
    case .optional: "[<\(valueName)>]"
    case .oneOrMore: "<\(valueName)>..."
    case .zeroOrMore: "[<\(valueName)>...]"
    }
  }
}
