extension CommandSpec {
  /// The one-line synopsis, as in `Usage: aez compress [options] <input>...`.
  ///
  /// - Parameters:
  ///   - toolName: The name of the executable, as in `aez`.
  ///   - width: The column at which the line wraps.
  public func usage(toolName: String, width: Int = 80) -> String {
    let words = ["Usage:", toolName, name, "[options]"] + positionals.map(\.usageSpelling)
    let indent = String(repeating: " ", count: "Usage: ".count)
    return TextLayout.wrap(words.joined(separator: " "), width: width - indent.count)
      .enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }
      .joined(separator: "\n")
  }

  /// The full help: summary, usage, discussion, arguments and options, wrapped to `width`.
  ///
  /// Each option shows its spellings and value placeholder, then its help followed by its
  /// choices, range, default and whether it repeats, as in
  /// `-q, --quality <x>   Quality of the image (from 0 to 100; default: 75)`.
  ///
  /// - Parameters:
  ///   - toolName: The name of the executable, as in `aez`.
  ///   - width: The column at which lines wrap.
  public func helpText(toolName: String, width: Int = 80) -> String {
    var lines = TextLayout.wrap(summary, width: width)
    lines += ["", usage(toolName: toolName, width: width)]
    if !discussion.isEmpty {
      lines += [""] + TextLayout.wrap(discussion, width: width)
    }
    if !positionals.isEmpty {
      let rows = positionals.map { (term: $0.usageSpelling, description: $0.help) }
      lines += ["", "Arguments:"] + TextLayout.columns(rows, width: width)
    }
    let helpRow = (term: "-h, --help", description: "Show this help and exit.")
    let rows = options.map { (term: Self.optionTerm($0), description: Self.optionDescription($0)) }
    lines += ["", "Options:"] + TextLayout.columns(rows + [helpRow], width: width)
    return lines.joined(separator: "\n")
  }

  /// The spellings of an option with its placeholder, as in `-q, --quality <x>`; options
  /// without a short name are indented so that long names line up.
  static func optionTerm(_ option: OptionSpec) -> String {
    let short = option.shortName.map { "-\($0), " } ?? "    "
    let value = option.kind == .flag ? "" : " <\(option.valueName)>"
    return short + option.longSpelling + value
  }

  /// The help of an option followed by its constraints in parentheses.
  static func optionDescription(_ option: OptionSpec) -> String {
    var details: [String] = []
    if case .choice(let choices) = option.kind {
      details.append("one of: " + choices.joined(separator: ", "))
    }
    if case .list(.choice(let choices)) = option.kind {
      details.append("each one of: " + choices.joined(separator: ", "))
    }
    if let range = option.range {
      details.append(
        "from \(UsageError.bound(range.lowerBound)) to \(UsageError.bound(range.upperBound))")
    }
    if let defaultValue = option.defaultValue {
      details.append("default: \(defaultValue)")
    }
    if option.isRepeatable {
      details.append("may be repeated")
    }
    guard !details.isEmpty else { return option.help }
    return option.help + " (" + details.joined(separator: "; ") + ")"
  }
}
