import Testing

@testable import Reports

struct SVGWriterTests {
  @Test(arguments: [
    (12.5, "12.5"), (3.0, "3"), (0.125, "0.13"), (-0.004, "0"), (-7.25, "-7.25"),
    (1e20, "100000000000000000000"),
  ])
  func numbersAreCompact(value: Double, expected: String) {
    #expect(SVGWriter.number(value) == expected)
  }

  @Test func textAndAttributesAreEscaped() throws {
    #expect(SVGWriter.escapeText("a < b & c > d \"q\"") == "a &lt; b &amp; c &gt; d \"q\"")
    #expect(
      SVGWriter.escapeAttribute("say \"hi\" & 'bye'\n")
        == "say &quot;hi&quot; &amp; &apos;bye&apos;&#10;")
    var writer = SVGWriter()
    writer.text("line\u{0B}feed\u{FFFF}", ["class": "<odd> \"name\""])
    let root = try parseXML(writer.document(width: 10, height: 10, title: "t"))
    let text = try #require(root.descendants(named: "text").first)
    #expect(text.text == "linefeed")
    #expect(text.attributes["class"] == "<odd> \"name\"")
  }
}
