import CommandLineKit
import Testing

struct FormatCase: Sendable, CustomTestStringConvertible {
  let name: String
  let actual: String
  let expected: String
  var testDescription: String { name }
}

@Suite("Number formatting for reports")
struct FormatTests {
  static let cases: [FormatCase] = [
    FormatCase(name: "fixed rounds", actual: Format.fixed(31.456, decimals: 2), expected: "31.46"),
    FormatCase(name: "fixed pads", actual: Format.fixed(2, decimals: 3), expected: "2.000"),
    FormatCase(name: "fixed whole", actual: Format.fixed(-2.5, decimals: 0), expected: "-2"),
    FormatCase(
      name: "fixed infinity", actual: Format.fixed(.infinity, decimals: 2), expected: "inf"),
    FormatCase(name: "percent", actual: Format.percent(0.4237, decimals: 1), expected: "42.4%"),
    FormatCase(name: "rate large", actual: Format.rate(1234.4), expected: "1234"),
    FormatCase(name: "rate middle", actual: Format.rate(56.74), expected: "56.7"),
    FormatCase(name: "rate small", actual: Format.rate(0.123), expected: "0.12"),
    FormatCase(name: "bytes small", actual: Format.bytes(812), expected: "812 B"),
    FormatCase(name: "bytes just below KiB", actual: Format.bytes(1023), expected: "1023 B"),
    FormatCase(name: "bytes KiB", actual: Format.bytes(1536), expected: "1.5 KiB"),
    FormatCase(name: "bytes MiB", actual: Format.bytes(3_355_443), expected: "3.2 MiB"),
    FormatCase(name: "bytes GiB", actual: Format.bytes(5 << 30), expected: "5.0 GiB"),
    FormatCase(name: "duration ms", actual: Format.duration(0.01234), expected: "12.3 ms"),
    FormatCase(name: "duration s", actual: Format.duration(4.561), expected: "4.56 s"),
    FormatCase(name: "duration min", actual: Format.duration(125.9), expected: "2:05"),
    FormatCase(name: "clock minutes", actual: Format.clock(7.9), expected: "0:07"),
    FormatCase(name: "clock hours", actual: Format.clock(3723), expected: "1:02:03"),
    FormatCase(name: "clock unknown", actual: Format.clock(.nan), expected: "--:--"),
    FormatCase(name: "clock infinite", actual: Format.clock(.infinity), expected: "--:--"),
    FormatCase(name: "clock negative", actual: Format.clock(-1), expected: "--:--"),
  ]

  @Test("Formats numbers as reports show them", arguments: cases)
  func format(_ testCase: FormatCase) {
    #expect(testCase.actual == testCase.expected)
  }
}
