/// Word wrapping and two-column layout for help text, measured in characters.
///
/// Limitation: widths count `Character`s, so text with wide (East Asian) or combining
/// characters lines up only approximately; help and reports here are ASCII.
enum TextLayout {
  /// Wraps text into lines of at most `width` characters, breaking at spaces.
  ///
  /// Each line break in the text starts a new line, and an empty line is kept, so
  /// paragraphs survive. A word longer than the width gets a line of its own.
  static func wrap(_ text: String, width: Int) -> [String] {
    precondition(width > 0, "wrap width must be positive")
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        if line.isEmpty {
          line = String(word)
        } else if line.count + 1 + word.count <= width {
          line += " " + word
        } else {
          lines.append(line)
          line = String(word)
        }
      }
      lines.append(line)
    }
    return lines
  }

  /// Lays out rows of a term and its description, as in the option lists of a help.
  ///
  /// Terms are indented by `indent`; descriptions start in one column, two spaces after the
  /// widest term but no further right than `indent + maximumTermWidth + 2`. A term wider
  /// than that stands on its own line, with its description on the lines below.
  static func columns(
    _ rows: [(term: String, description: String)], width: Int, indent: Int = 2,
    maximumTermWidth: Int = 26
  ) -> [String] {
    let termWidth = min(rows.map(\.term.count).max() ?? 0, maximumTermWidth)
    let descriptionColumn = indent + termWidth + 2
    let margin = String(repeating: " ", count: indent)
    let hanging = String(repeating: " ", count: descriptionColumn)

    var lines: [String] = []
    for row in rows {
      // A floor keeps a very narrow width from wrapping descriptions a word or two a line.
      let description = wrap(row.description, width: max(10, width - descriptionColumn))
      if row.term.count > termWidth {
        lines.append(margin + row.term)
        lines += description.map { hanging + $0 }
        continue
      }
      let padded = margin + row.term + String(repeating: " ", count: termWidth - row.term.count)
      for (index, text) in description.enumerated() {
        lines.append(trimmingTrailingSpaces((index == 0 ? padded + "  " : hanging) + text))
      }
    }
    return lines
  }

  /// The line without spaces at its end.
  static func trimmingTrailingSpaces(_ line: String) -> String {
    var line = line
    while line.last == " " {
      line.removeLast()
    }
    return line
  }
}
