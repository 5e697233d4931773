import Foundation

/// Builds SVG markup as text: elements, escaped text and compact numbers.
///
/// Everything the project draws (charts, comparison figures) goes through this type, so that
/// escaping and number formatting are decided in one place. Attributes are written in the
/// order given, which keeps the output byte-for-byte reproducible.
struct SVGWriter {
  /// The markup written so far, one element per line.
  private(set) var lines: [String] = []

  /// Appends an empty element such as `<rect .../>`.
  mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>) {
    lines.append("<\(name)\(Self.attributeText(attributes))/>")
  }

  /// Appends an element whose content is `text`, escaped.
  mutating func text(
    _ text: String, _ attributes: KeyValuePairs<String, String>, element name: String = "text"
  ) {
    let attributeText = Self.attributeText(attributes)
    lines.append("<\(name)\(attributeText)>\(Self.escapeText(text))</\(name)>")
  }

  /// Appends an opening tag; pair it with `close(_:)`.
  mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    lines.append("<\(name)\(Self.attributeText(attributes))>")
  }

  /// Appends a closing tag.
  mutating func close(_ name: String) {
    lines.append("</\(name)>")
  }

  /// Wraps the written elements in a standalone SVG document of the given size in pixels.
  func document(width: Double, height: Double, title: String) -> String {
    let w = Self.number(width)
    let h = Self.number(height)
    var result = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    result += "<svg xmlns=\"http://www.w3.org/2000/svg\""
    result += " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
    result += " width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
    result += " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
    result += "<title>\(Self.escapeText(title))</title>\n"
    result += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
    for line in lines {
      result += line
      result += "\n"
    }
    result += "</svg>\n"
    return result
  }

  /// Formats a coordinate with at most two decimals and no trailing zeros (`12.5`, `3`).
  static func number(_ value: Double) -> String {
    precondition(value.isFinite, "SVG coordinates must be finite, got \(value)")
    let rounded = (value * 100).rounded() / 100
    // Whole numbers print without a decimal point; beyond 10^15 (a point far outside a fixed
    // axis range) "%.0f" avoids the integer conversion, which would overflow.
    if rounded == rounded.rounded() {
      return abs(rounded) < 1e15 ? String(Int(rounded)) : String(format: "%.0f", rounded)
    }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }

  /// Escapes text content: `&`, `<` and `>`, and drops characters XML 1.0 forbids.
  static func escapeText(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      default:
        if isAllowedInXML(scalar) { result.unicodeScalars.append(scalar) }
      }
    }
    return result
  }

  /// Escapes an attribute value, which is always written between double quotes.
  static func escapeAttribute(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      // Literal tabs and newlines in attributes are normalised to spaces by XML parsers;
      // character references keep them.
      case "\t": result += "&#9;"
      case "\n": result += "&#10;"
      case "\r": result += "&#13;"
      default:
        if isAllowedInXML(scalar) { result.unicodeScalars.append(scalar) }
      }
    }
    return result
  }

  /// XML 1.0 allows tab, newline, carriage return and everything from U+0020 except the
  /// surrogates (which Swift scalars never are) and U+FFFE, U+FFFF.
  private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: return true
    case 0x20...0xFFFD: return true
    case 0x1_0000...0x10_FFFF: return true
    default: return false
    }
  }

  private static func attributeText(_ attributes: KeyValuePairs<String, String>) -> String {
    var result = ""
    for (key, value) in attributes {
      result += " \(key)=\"\(escapeAttribute(value))\""
    }
    return result
  }
}
