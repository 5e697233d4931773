import CommandLineKit
import Testing

/// The values of the sample `compress` command that a parse case checks.
struct CompressValues: Equatable, Sendable, CustomStringConvertible {
  var quality: Double? = 75
  var threads: Int? = nil
  var output: String? = nil
  var force = false
  var metric: String? = "mse"
  var qualities: [Double] = []
  var bias: Double? = nil
  var tags: [String] = []
  var inputs: [String] = ["a.png"]

  init() {}

  init(_ parsed: ParsedArguments) {
    quality = parsed.double("quality")
    threads = parsed.integer("threads")
    output = parsed.string("output")
    force = parsed.flag("force")
    metric = parsed.string("metric")
    qualities = parsed.doubles("qualities")
    bias = parsed.double("bias")
    tags = parsed.strings("tag")
    inputs = parsed.strings("inputs")
  }

  /// A copy with one field changed, to write each case as its difference from the defaults.
  func with<Value>(_ field: WritableKeyPath<Self, Value>, _ value: Value) -> Self {
    var copy = self
    copy[keyPath: field] = value
    return copy
  }

  var description: String {
    "quality \(String(describing: quality)), threads \(String(describing: threads)), "
      + "output \(String(describing: output)), force \(force), metric \(String(describing: metric)), "
      + "qualities \(qualities), bias \(String(describing: bias)), tags \(tags), inputs \(inputs)"
  }
}

struct ParseCase: Sendable, CustomTestStringConvertible {
  let name: String
  let arguments: [String]
  let expected: CompressValues

  var testDescription: String { name }
}

struct UsageErrorCase: Sendable, CustomTestStringConvertible {
  let name: String
  let command: CommandSpec
  let arguments: [String]
  let error: UsageError
  let message: String

  init(
    _ name: String, _ arguments: [String], command: CommandSpec = SampleCommands.compress,
    _ error: UsageError, _ message: String
  ) {
    self.name = name
    self.command = command
    self.arguments = arguments
    self.error = error
    self.message = message
  }

  var testDescription: String { name }
}

@Suite("Parsing a command's arguments")
struct ParsingTests {
  static let base = CompressValues()

  static let parseCases: [ParseCase] = [
    ParseCase(name: "defaults fill absent options", arguments: ["a.png"], expected: base),
    ParseCase(
      name: "--opt value", arguments: ["--quality", "50", "a.png"],
      expected: base.with(\.quality, 50)),
    ParseCase(
      name: "--opt=value", arguments: ["--quality=50.5", "a.png"],
      expected: base.with(\.quality, 50.5)),
    ParseCase(
      name: "-q value", arguments: ["-q", "50", "a.png"], expected: base.with(\.quality, 50)),
    ParseCase(
      name: "integer option", arguments: ["-j", "4", "a.png"], expected: base.with(\.threads, 4)),
    ParseCase(
      name: "long flag", arguments: ["--force", "a.png"], expected: base.with(\.force, true)),
    ParseCase(name: "short flag", arguments: ["-f", "a.png"], expected: base.with(\.force, true)),
    ParseCase(
      name: "choice", arguments: ["--metric", "ssim", "a.png"],
      expected: base.with(\.metric, "ssim")),
    ParseCase(
      name: "options after and between positionals",
      arguments: ["a.png", "-o", "out", "b.png", "-f"],
      expected: base.with(\.inputs, ["a.png", "b.png"]).with(\.output, "out").with(\.force, true)),
    ParseCase(
      name: "-- ends options", arguments: ["-f", "--", "-q", "--force", "-"],
      expected: base.with(\.force, true).with(\.inputs, ["-q", "--force", "-"])),
    ParseCase(
      name: "lone dash is a positional", arguments: ["-"], expected: base.with(\.inputs, ["-"])),
    ParseCase(
      name: "negative number is a value", arguments: ["--bias", "-0.5", "a.png"],
      expected: base.with(\.bias, -0.5)),
    ParseCase(
      name: "value starting with a dash after =", arguments: ["--output=-dir", "a.png"],
      expected: base.with(\.output, "-dir")),
    ParseCase(
      name: "value containing =", arguments: ["--tag=k=v", "a.png"],
      expected: base.with(\.tags, ["k=v"])),
    ParseCase(
      name: "comma-separated list, spaces forgiven",
      arguments: ["--qualities", "10, 50,90", "a.png"],
      expected: base.with(\.qualities, [10, 50, 90])),
    ParseCase(
      name: "repeatable option collects values", arguments: ["--tag", "x", "a.png", "--tag=y"],
      expected: base.with(\.tags, ["x", "y"])),
    ParseCase(
      name: "range bounds are included", arguments: ["-q", "0", "-j", "256", "a.png"],
      expected: base.with(\.quality, 0).with(\.threads, 256)),
  ]

  @Test("Every parse form gives the expected values", arguments: parseCases)
  func parseForms(_ testCase: ParseCase) throws {
    let parsed = try SampleCommands.compress.parse(testCase.arguments)
    #expect(CompressValues(parsed) == testCase.expected)
  }

  static let errorCases: [UsageErrorCase] = [
    UsageErrorCase(
      "misspelled option gets a suggestion", ["--qualty", "5", "a.png"],
      .unknownOption("--qualty", suggestion: "--quality"),
      "unknown option '--qualty'; did you mean '--quality'?"),
    UsageErrorCase(
      "swapped letters get a suggestion", ["--froce", "a.png"],
      .unknownOption("--froce", suggestion: "--force"),
      "unknown option '--froce'; did you mean '--force'?"),
    UsageErrorCase(
      "misspelled option with = value", ["--outptu=dir", "a.png"],
      .unknownOption("--outptu", suggestion: "--output"),
      "unknown option '--outptu'; did you mean '--output'?"),
    UsageErrorCase(
      "unrelated option gets no suggestion", ["--zoom", "a.png"],
      .unknownOption("--zoom", suggestion: nil), "unknown option '--zoom'"),
    UsageErrorCase(
      "unknown short option", ["-x", "a.png"], .unknownOption("-x", suggestion: nil),
      "unknown option '-x'"),
    UsageErrorCase(
      "missing value at the end", ["a.png", "--quality"],
      .missingValue(option: "--quality", valueName: "x"),
      "option '--quality' needs a value, as in '--quality <x>'"),
    UsageErrorCase(
      "option where a value belongs", ["-o", "--force", "a.png"],
      .missingValue(option: "-o", valueName: "path"),
      "option '-o' needs a value, as in '-o <path>'"),
    UsageErrorCase(
      "empty list", ["--qualities", ",", "a.png"],
      .missingValue(option: "--qualities", valueName: "x,..."),
      "option '--qualities' needs a value, as in '--qualities <x,...>'"),
    UsageErrorCase(
      "text for a double", ["-q", "high", "a.png"],
      .invalidNumber(option: "-q", value: "high", expected: .double),
      "option '-q' expects a number, but was given 'high'"),
    UsageErrorCase(
      "fraction for an integer", ["--threads=2.5", "a.png"],
      .invalidNumber(option: "--threads", value: "2.5", expected: .integer),
      "option '--threads' expects a whole number, but was given '2.5'"),
    UsageErrorCase(
      "nan for a double", ["--bias", "nan", "a.png"],
      .invalidNumber(option: "--bias", value: "nan", expected: .double),
      "option '--bias' expects a number, but was given 'nan'"),
    UsageErrorCase(
      "bad list element", ["--qualities", "10,x", "a.png"],
      .invalidNumber(option: "--qualities", value: "x", expected: .double),
      "option '--qualities' expects a number, but was given 'x'"),
    UsageErrorCase(
      "double above its range", ["--quality", "150", "a.png"],
      .outOfRange(option: "--quality", value: "150", range: 0...100),
      "option '--quality' must be from 0 to 100, but was given 150"),
    UsageErrorCase(
      "integer below its range", ["-j", "0", "a.png"],
      .outOfRange(option: "-j", value: "0", range: 1...256),
      "option '-j' must be from 1 to 256, but was given 0"),
    UsageErrorCase(
      "list element out of range", ["--qualities", "10,200", "a.png"],
      .outOfRange(option: "--qualities", value: "200", range: 0...100),
      "option '--qualities' must be from 0 to 100, but was given 200"),
    UsageErrorCase(
      "value outside the choices", ["--metric", "psnr", "a.png"],
      .invalidChoice(option: "--metric", value: "psnr", choices: ["mse", "ssim"]),
      "option '--metric' must be one of 'mse', 'ssim', but was given 'psnr'"),
    UsageErrorCase(
      "value for a flag", ["--force=yes", "a.png"],
      .unexpectedValue(option: "--force", value: "yes"),
      "option '--force' takes no value, but was given 'yes'"),
    UsageErrorCase(
      "option given twice", ["-o", "x", "--output", "y", "a.png"], .repeatedOption("--output"),
      "option '--output' was given more than once; give it once"),
    UsageErrorCase(
      "flag given twice", ["-f", "a.png", "-f"], .repeatedOption("-f"),
      "option '-f' was given more than once; give it once"),
    UsageErrorCase(
      "missing required positional", ["-f"], .missingArgument("<input>..."),
      "missing argument <input>..."),
    UsageErrorCase(
      "missing positionals after --", ["--"], .missingArgument("<input>..."),
      "missing argument <input>..."),
    UsageErrorCase(
      "extra positional", ["x.aez", "y.aez"], command: SampleCommands.info,
      .unexpectedArgument("y.aez"), "unexpected argument 'y.aez'"),
  ]

  @Test("Every usage error is thrown with a readable message", arguments: errorCases)
  func usageErrors(_ testCase: UsageErrorCase) {
    let error = #expect(throws: UsageError.self) {
      try testCase.command.parse(testCase.arguments)
    }
    #expect(error == testCase.error)
    #expect(error?.description == testCase.message)
  }

  @Test("A default reads back but does not count as given")
  func defaultsAreNotGiven() throws {
    let parsed = try SampleCommands.compress.parse(["a.png", "-j", "2"])
    #expect(parsed.double("quality") == 75)
    #expect(!parsed.wasGiven("quality"))
    #expect(parsed.wasGiven("threads"))
    #expect(parsed.wasGiven("inputs"))
    #expect(parsed.string("output") == nil)
  }

  @Test("Reading an undeclared name traps")
  func undeclaredNameTraps() async {
    await #expect(processExitsWith: .failure) {
      let parsed = try SampleCommands.compress.parse(["a.png"])
      _ = parsed.double("qualty")
    }
  }

  @Test("A default outside the option's range traps when the table is built")
  func badDefaultTraps() async {
    await #expect(processExitsWith: .failure) {
      _ = OptionSpec("quality", kind: .double, default: "101", range: 0...100, help: "")
    }
  }
}
