/// The kind of value an option takes, which decides how its text is checked and converted.
public indirect enum ValueKind: Sendable, Equatable {
  /// No value: the option is on when present, as in `--force`.
  case flag
  /// Any text.
  case string
  /// A whole number in decimal, as in `--threads 4`.
  case integer
  /// A finite decimal number, as in `--quality 72.5` or `--rate 1e-3`.
  case double
  /// A file system path, taken as given: whether it exists is the command's concern.
  case path
  /// Values separated by commas, each of the element kind, as in `--qualities 10,50,90`.
  case list(ValueKind)
  /// One of a fixed set of strings, as in `--metric ssim`.
  case choice([String])
}

/// One value given on the command line, converted according to its option's kind.
enum ParsedValue: Sendable, Equatable {
  case present
  case text(String)
  case integer(Int)
  case number(Double)
}

/// How the values of a kind are stored, which decides the accessors that can read them.
enum ValueStorage: Sendable, Equatable {
  case presence
  case text
  case integer
  case number
}

extension ValueKind {
  /// The placeholder shown in usage text when an option declares no value name.
  var defaultValueName: String {
    switch self {
    case .flag: ""
    case .string: "value"
    case .integer: "n"
    case .double: "x"
    case .path: "path"
    case .list(let element): "\(element.defaultValueName),..."
    case .choice: "choice"
    }
  }

  /// The storage of one converted value; a list is stored as its elements.
  var storage: ValueStorage {
    switch self {
    case .flag: .presence
    case .string, .path, .choice: .text
    case .integer: .integer
    case .double: .number
    case .list(let element): element.storage
    }
  }

  /// Whether a range of accepted values makes sense for this kind.
  var isNumeric: Bool { storage == .integer || storage == .number }

  /// Converts the text given to an option into values, checking it against the kind and range.
  ///
  /// - Parameters:
  ///   - text: The value as typed, without the option name.
  ///   - option: The option as the user spelled it, named in errors.
  ///   - range: The accepted values of a numeric kind, or `nil` for any.
  /// - Throws: `UsageError` naming the option and the value when the text does not fit.
  func convert(
    _ text: String, option: String, range: ClosedRange<Double>?
  ) throws(UsageError) -> [ParsedValue] {
    switch self {
    case .flag:
      preconditionFailure("a flag takes no value; the parser handles flags itself")
    case .string, .path:
      return [.text(text)]
    case .integer:
      guard let value = Int(text) else {
        throw .invalidNumber(option: option, value: text, expected: self)
      }
      try Self.check(Double(value), text: text, option: option, range: range)
      return [.integer(value)]
    case .double:
      guard let value = Double(text), value.isFinite else {
        throw .invalidNumber(option: option, value: text, expected: self)
      }
      try Self.check(value, text: text, option: option, range: range)
      return [.number(value)]
    case .choice(let choices):
      guard choices.contains(text) else {
        throw .invalidChoice(option: option, value: text, choices: choices)
      }
      return [.text(text)]
    case .list(let element):
      // Spaces after commas are forgiven, since `--qualities "10, 50"` is a natural way to type it.
      let items = text.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
      guard !items.isEmpty else {
        throw .missingValue(option: option, valueName: defaultValueName)
      }
      var values: [ParsedValue] = []
      for item in items {
        values += try element.convert(item, option: option, range: range)
      }
      return values
    }
  }

  private static func check(
    _ value: Double, text: String, option: String, range: ClosedRange<Double>?
  ) throws(UsageError) {
    if let range, !range.contains(value) {
      throw .outOfRange(option: option, value: text, range: range)
    }
  }
}

extension Substring {
  /// The text without leading or trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
