import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A parsed XML element, for checking the structure of generated SVG in tests.
final class XMLNode {
  let name: String
  let attributes: [String: String]
  var children: [XMLNode] = []
  var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// Every element below this one (depth first, this one included) with the given name.
  func descendants(named wanted: String) -> [XMLNode] {
    var result = name == wanted ? [self] : []
    for child in children {
      result += child.descendants(named: wanted)
    }
    return result
  }

  /// Every element below this one whose `class` attribute is `className`.
  func descendants(withClass className: String) -> [XMLNode] {
    var result = attributes["class"] == className ? [self] : []
    for child in children {
      result += child.descendants(withClass: className)
    }
    return result
  }

  /// The concatenated text of every `text` element below this one.
  var allText: [String] {
    descendants(named: "text").map(\.text)
  }
}

/// Why a document did not parse.
struct XMLParseFailure: Error, CustomStringConvertible {
  let description: String
}

/// Parses a whole document with Foundation's SAX parser into an `XMLNode` tree.
func parseXML(_ text: String) throws -> XMLNode {
  let delegate = TreeBuilder()
  let parser = XMLParser(data: Data(text.utf8))
  parser.delegate = delegate
  guard parser.parse(), let root = delegate.root else {
    let reason = parser.parserError.map { "\($0)" } ?? "unknown error"
    throw XMLParseFailure(
      description: "line \(parser.lineNumber), column \(parser.columnNumber): \(reason)")
  }
  return root
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var root: XMLNode?
  private var stack: [XMLNode] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    let node = XMLNode(name: elementName, attributes: attributeDict)
    if let parent = stack.last {
      parent.children.append(node)
    } else {
      root = node
    }
    stack.append(node)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    stack.last?.text += string
  }
}
