import CommandLineKit
import Testing

/// The text with every run of spaces and line breaks made one space, so that checks do not
/// depend on where the wrapping fell.
func unwrapped(_ text: String) -> String {
  text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}

@Suite("Help text generated from the command table")
struct HelpTests {
  static let help = SampleCommands.compress.helpText(toolName: "aez")

  @Test("The help names every option with its spellings, placeholder and help")
  func listsEveryOption() {
    let flat = unwrapped(Self.help)
    for option in SampleCommands.compress.options {
      let short = option.shortName.map { "-\($0), " } ?? ""
      let value = option.kind == .flag ? "" : " <\(option.valueName)>"
      #expect(flat.contains(short + option.longSpelling + value), "\(option.name)")
      #expect(flat.contains(option.help), "\(option.name)")
    }
    #expect(flat.contains("-h, --help Show this help and exit."))
    #expect(flat.contains("<input>... PNG images."))
  }

  @Test("The help shows ranges, defaults, choices and repetition")
  func showsConstraints() {
    let flat = unwrapped(Self.help)
    #expect(flat.contains("in bigger files. (from 0 to 100; default: 75)"))
    #expect(flat.contains("minimizes. (one of: mse, ssim; default: mse)"))
    #expect(flat.contains("stored with the file. (may be repeated)"))
    #expect(flat.contains("--qualities <x,...>"))
  }

  @Test("The help starts with the summary and usage, then the discussion")
  func layout() {
    let lines = Self.help.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "Compress PNG images into .aez files.")
    #expect(lines[2] == "Usage: aez compress [options] <input>...")
    #expect(lines[4].hasPrefix("Each input image is encoded"))
    #expect(lines.contains("Arguments:"))
    #expect(lines.contains("Options:"))
  }

  @Test("Every line fits the width", arguments: [80, 60, 44])
  func wrapsToWidth(width: Int) {
    let help = SampleCommands.compress.helpText(toolName: "aez", width: width)
    let lines = help.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= width })
    #expect(lines.allSatisfy { $0.last != " " })
    // The discussion is longer than any width here, so it must have wrapped.
    #expect(lines.filter { $0.hasPrefix("Each input") }.count == 1)
    #expect(!lines.contains { $0.contains("Each input") && $0.contains("fidelity") })
  }

  @Test("Option descriptions start in one column")
  func alignsDescriptions() {
    let lines = Self.help.split(separator: "\n").map(String.init)
    let starts = ["-j, --threads <n>", "    --metric <choice>", "-h, --help"].map { term in
      lines.first { $0.hasPrefix("  " + term) }.map { line in
        line.distance(from: line.startIndex, to: descriptionStart(line, after: term))
      }
    }
    #expect(starts.allSatisfy { $0 != nil })
    #expect(Set(starts).count == 1)
  }

  @Test("A term wider than the column puts its description on the next line")
  func longTermWraps() {
    let command = CommandSpec(
      name: "train", summary: "Train a model.",
      options: [
        OptionSpec(
          "checkpoint-directory", kind: .path, valueName: "directory-for-checkpoints",
          help: "Where checkpoints go."),
        OptionSpec("epochs", kind: .integer, help: "Passes over the data."),
      ])
    let lines = command.helpText(toolName: "aez").split(separator: "\n").map(String.init)
    let index = lines.firstIndex { $0.contains("--checkpoint-directory") }
    #expect(index.map { lines[$0].hasSuffix("<directory-for-checkpoints>") } == true)
    #expect(index.map { lines[$0 + 1].trimmingPrefixSpaces() == "Where checkpoints go." } == true)
  }

  @Test("Usage wraps with a hanging indent")
  func usageWraps() {
    let positionals = (1...8).map { PositionalSpec("argument\($0)", arity: .optional, help: "") }
    let command = CommandSpec(name: "compare", summary: "", positionals: positionals)
    let lines = command.usage(toolName: "aez").split(separator: "\n")
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("       [<argument") })
  }

  /// The index where a row's description begins: the first non-space after the term.
  private func descriptionStart(_ line: String, after term: String) -> String.Index {
    let termEnd = line.range(of: term)?.upperBound ?? line.endIndex
    return line[termEnd...].firstIndex { $0 != " " } ?? line.endIndex
  }
}

extension String {
  func trimmingPrefixSpaces() -> Substring { drop { $0 == " " } }
}
