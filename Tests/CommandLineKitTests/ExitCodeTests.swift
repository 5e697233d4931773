import CommandLineKit
import Testing

@Suite("Exit codes of errors")
struct ExitCodeTests {
  struct Plain: Error, CustomStringConvertible {
    var description: String { "it broke" }
  }

  @Test("usage errors give 64, interruptions 130, anything else 1, each after its message")
  func codes() {
    let cases: [(error: any Error, code: ExitCode, line: String)] = [
      (UsageError.invalidUsage("wrong"), .usage, "error: wrong\n"),
      (
        InterruptedError(detail: "SIGINT stopped the batch"), .interrupted,
        "error: interrupted: SIGINT stopped the batch\n"
      ),
      (Plain(), .failure, "error: it broke\n"),
    ]
    for (error, code, line) in cases {
      let sink = CapturingSink()
      #expect(reportError(error, to: sink) == code)
      #expect(sink.text == line)
    }
    #expect(ExitCode.interrupted.rawValue == 130)
  }
}
