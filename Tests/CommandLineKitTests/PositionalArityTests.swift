import CommandLineKit
import Testing

struct ArityCase: Sendable, CustomTestStringConvertible {
  enum Outcome: Sendable, Equatable {
    case values([[String]])
    case error(UsageError)
  }

  let name: String
  let arities: [PositionalSpec.Arity]
  let arguments: [String]
  let outcome: Outcome

  var testDescription: String { name }
}

@Suite("Handing values to positional arguments")
struct PositionalArityTests {
  static let cases: [ArityCase] = [
    ArityCase(
      name: "one then one or more", arities: [.one, .oneOrMore], arguments: ["a", "b", "c"],
      outcome: .values([["a"], ["b", "c"]])),
    ArityCase(
      name: "one or more then one", arities: [.oneOrMore, .one], arguments: ["a", "b", "c"],
      outcome: .values([["a", "b"], ["c"]])),
    ArityCase(
      name: "one or more then one, short by one", arities: [.oneOrMore, .one], arguments: ["a"],
      outcome: .error(.missingArgument("<p1>"))),
    ArityCase(
      name: "optional yields to a later required one", arities: [.optional, .one],
      arguments: ["a"], outcome: .values([[], ["a"]])),
    ArityCase(
      name: "optional takes a value when there is enough", arities: [.optional, .one],
      arguments: ["a", "b"], outcome: .values([["a"], ["b"]])),
    ArityCase(
      name: "zero or more accepts none", arities: [.zeroOrMore], arguments: [],
      outcome: .values([[]])),
    ArityCase(
      name: "two required, one given", arities: [.one, .one], arguments: ["a"],
      outcome: .error(.missingArgument("<p1>"))),
    ArityCase(
      name: "extra value after exact ones", arities: [.one, .optional], arguments: ["a", "b", "c"],
      outcome: .error(.unexpectedArgument("c"))),
    ArityCase(
      name: "no positionals declared", arities: [], arguments: ["a"],
      outcome: .error(.unexpectedArgument("a"))),
  ]

  @Test("Values go to positionals by arity", arguments: cases)
  func arity(_ testCase: ArityCase) throws {
    let positionals = testCase.arities.enumerated().map { index, arity in
      PositionalSpec("p\(index)", arity: arity, help: "")
    }
    let command = CommandSpec(name: "test", summary: "", positionals: positionals)
    switch testCase.outcome {
    case .values(let expected):
      let parsed = try command.parse(testCase.arguments)
      #expect(positionals.map { parsed.strings($0.name) } == expected)
    case .error(let expected):
      #expect(throws: expected) { try command.parse(testCase.arguments) }
    }
  }
}
