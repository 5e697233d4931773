/// A plain-text table for reports: a header row, a rule, and rows in aligned columns.
///
/// Columns are separated by two spaces; lines carry no trailing spaces. Example:
///
///     image        bytes   PSNR
///     -----------  -----  -----
///     kodim01.png  12345  31.20
///
/// Limitation: widths count `Character`s, so cells with wide or combining characters line up
/// only approximately.
public struct TextTable: Sendable {
  /// How the cells of a column line up.
  public enum Alignment: Sendable, Equatable {
    /// Right when every non-empty cell looks like a number, else left.
    case automatic
    /// Cells start at the column's left edge.
    case left
    /// Cells end at the column's right edge, so that digits line up.
    case right
  }

  /// One column: its header and alignment.
  public struct Column: Sendable {
    /// The text of the header row.
    public var header: String
    /// How the cells line up.
    public var alignment: Alignment

    /// Describes a column.
    public init(_ header: String, alignment: Alignment = .automatic) {
      self.header = header
      self.alignment = alignment
    }
  }

  /// The columns, left to right.
  public let columns: [Column]
  /// The rows added so far, each with one cell per column.
  public private(set) var rows: [[String]] = []

  /// Makes an empty table with the given columns.
  public init(columns: [Column]) {
    self.columns = columns
  }

  /// Makes an empty table whose columns are aligned automatically.
  public init(headers: [String]) {
    self.init(columns: headers.map { Column($0) })
  }

  /// Adds a row; it must have one cell per column.
  public mutating func append(_ row: [String]) {
    precondition(row.count == columns.count, "a row needs \(columns.count) cells, not \(row.count)")
    rows.append(row)
  }

  /// The table as lines of text joined by line breaks, without a final line break.
  ///
  /// - Complexity: O(*n*) in the total number of characters of the cells.
  public func render() -> String {
    let widths = columns.indices.map { column in
      rows.reduce(columns[column].header.count) { max($0, $1[column].count) }
    }
    let alignsRight = columns.indices.map { column in
      switch columns[column].alignment {
      case .left: false
      case .right: true
      case .automatic:
        rows.contains { !$0[column].isEmpty }
          && rows.allSatisfy { $0[column].isEmpty || Self.looksNumeric($0[column]) }
      }
    }

    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return alignsRight[column] ? padding + cell : cell + padding
      }
      return TextLayout.trimmingTrailingSpaces(padded.joined(separator: "  "))
    }

    let rule = widths.map { String(repeating: "-", count: $0) }
    let lines = [line(columns.map(\.header)), line(rule)] + rows.map(line)
    return lines.joined(separator: "\n")
  }

  /// Whether a cell reads as a number, possibly with a unit or sign: `12`, `-0.5`, `1.5 KiB`,
  /// `42%`, `inf`, `nan`, or `-` for a missing value.
  static func looksNumeric(_ cell: String) -> Bool {
    if ["-", "inf", "-inf", "nan"].contains(cell) {
      return true
    }
    let unsigned = cell.first == "-" || cell.first == "+" ? cell.dropFirst() : Substring(cell)
    let digits = unsigned.first == "." ? unsigned.dropFirst() : unsigned
    return digits.first?.isASCII == true && digits.first?.isNumber == true
  }
}
