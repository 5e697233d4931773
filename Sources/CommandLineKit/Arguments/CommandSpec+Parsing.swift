extension CommandSpec {
  /// Parses the arguments that follow the command name against this command's table.
  ///
  /// Options may come before, between or after positional arguments; `--` ends the options,
  /// so that everything after it is positional. An option's value is the next argument
  /// unless that argument looks like an option; a value that starts with a dash is written
  /// `--name=-value`. Negative numbers and a lone `-` are values, not options.
  ///
  /// - Parameter arguments: The arguments after the command name.
  /// - Returns: The values, with defaults filled in for options not given.
  /// - Throws: `UsageError` for an unknown option, a missing or malformed value, a
  ///   repeated option, a missing positional argument or an extra one.
  public func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
    var values: [String: [ParsedValue]] = [:]
    var positionalTexts: [String] = []
    var index = 0
    var optionsEnded = false

    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || !Self.looksLikeOption(argument) {
        positionalTexts.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }

      let (spelling, attachedValue) = Self.splitAttachedValue(argument)
      guard let option = option(spelled: spelling) else {
        throw .unknownOption(spelling, suggestion: suggestion(for: spelling))
      }
      if values[option.name] != nil && !option.isRepeatable {
        throw .repeatedOption(spelling)
      }
      if option.kind == .flag {
        if let attachedValue {
          throw .unexpectedValue(option: spelling, value: attachedValue)
        }
        values[option.name, default: []].append(.present)
        continue
      }

      let text: String
      if let attachedValue {
        text = attachedValue
      } else if index < arguments.count, !Self.looksLikeOption(arguments[index]) {
        text = arguments[index]
        index += 1
      } else {
        throw .missingValue(option: spelling, valueName: option.valueName)
      }
      values[option.name, default: []] += try option.kind.convert(
        text, option: spelling, range: option.range)
    }

    try assignPositionals(positionalTexts, into: &values)
    return ParsedArguments(command: self, given: values)
  }

  /// Hands the positional texts to the positional arguments from left to right.
  ///
  /// An optional or variadic argument leaves enough texts for the minimum of the
  /// arguments after it; a required one takes a text whenever one is left, so that the
  /// error names the last argument that went short.
  private func assignPositionals(
    _ texts: [String], into values: inout [String: [ParsedValue]]
  ) throws(UsageError) {
    var start = 0
    for (position, positional) in positionals.enumerated() {
      let remaining = texts.count - start
      let reserved = positionals[(position + 1)...].reduce(0) { $0 + $1.arity.minimum }
      let spare = max(0, remaining - reserved)
      let count: Int
      switch positional.arity {
      case .one: count = min(1, remaining)
      case .optional: count = min(1, spare)
      case .oneOrMore: count = max(min(1, remaining), spare)
      case .zeroOrMore: count = spare
      }
      if count < positional.arity.minimum {
        throw .missingArgument(positional.usageSpelling)
      }
      if count > 0 {
        values[positional.name] = texts[start..<(start + count)].map { .text($0) }
      }
      start += count
    }
    if start < texts.count {
      throw .unexpectedArgument(texts[start])
    }
  }

  /// The closest known spelling to an unknown long option; short options get no guess.
  private func suggestion(for spelling: String) -> String? {
    guard spelling.hasPrefix("--") else { return nil }
    let names = options.map(\.name) + ["help"]
    return closestMatch(to: String(spelling.dropFirst(2)), among: names).map { "--\($0)" }
  }

  /// Whether an argument is an option rather than a value: it starts with a dash and is
  /// neither a lone dash (standard input, by convention) nor a number such as `-0.5`.
  static func looksLikeOption(_ argument: String) -> Bool {
    argument.hasPrefix("-") && argument.count > 1 && Double(argument) == nil
  }

  /// Splits `--name=value` into `--name` and `value`; other arguments have no attached value.
  static func splitAttachedValue(_ argument: String) -> (spelling: String, value: String?) {
    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
      return (argument, nil)
    }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }
}
