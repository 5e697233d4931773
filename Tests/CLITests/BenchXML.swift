import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An element of a parsed SVG document, for checking what the commands drew.
final class BenchXMLElement {
  let name: String
  let attributes: [String: String]
  var children: [BenchXMLElement] = []
  var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// This element and every element below it, depth first, that `matches` accepts.
  func all(where matches: (BenchXMLElement) -> Bool) -> [BenchXMLElement] {
    (matches(self) ? [self] : []) + children.flatMap { $0.all(where: matches) }
  }

  /// The elements at or below this one whose `class` is `name`.
  func all(withClass name: String) -> [BenchXMLElement] {
    all { $0.attributes["class"] == name }
  }

  /// Parses a whole document; a document that is not well-formed XML throws.
  static func parse(_ text: String) throws -> BenchXMLElement {
    let builder = Builder()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
      throw BenchXMLError(
        line: parser.lineNumber, reason: parser.parserError.map { "\($0)" } ?? "no root")
    }
    return root
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var root: BenchXMLElement?
    var open: [BenchXMLElement] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      let element = BenchXMLElement(name: elementName, attributes: attributes)
      if let parent = open.last { parent.children.append(element) } else { root = element }
      open.append(element)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      open.last?.text += string
    }
  }
}

/// Why an SVG document did not parse.
struct BenchXMLError: Error, CustomStringConvertible {
  var line: Int
  var reason: String

  var description: String { "line \(line): \(reason)" }
}
