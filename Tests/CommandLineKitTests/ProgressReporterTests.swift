import CommandLineKit
import Testing

@Suite("Progress on a terminal and in logs")
struct ProgressReporterTests {
  /// A reporter on a fake clock that starts at time 0.
  func makeReporter(
    output: CapturingSink, clock: FakeClock, plainInterval: Double = 5
  ) -> ProgressReporter {
    clock.set(0)
    return ProgressReporter(
      label: "train", unit: "steps", output: output, plainInterval: plainInterval,
      clock: { clock.now() })
  }

  @Test("Without a terminal, a plain line every interval and one at the end")
  func plainLines() {
    let output = CapturingSink(isTerminal: false)
    let clock = FakeClock()
    let progress = makeReporter(output: output, clock: clock)
    for second in 1...12 {
      clock.set(Double(second))
      progress.update(completed: second, total: 12, fields: ["loss": "0.5"])
    }
    progress.finish()
    #expect(
      output.texts == [
        "train: 5/12 (42%), 1.00 steps/s, 0:05 elapsed, ETA 0:07, loss 0.5\n",
        "train: 10/12 (83%), 1.00 steps/s, 0:10 elapsed, ETA 0:02, loss 0.5\n",
        "train: 12/12 (100%), 1.00 steps/s, 0:12 elapsed, loss 0.5\n",
      ])
  }

  @Test("A resumed run's rate and time left count only the work done since it resumed")
  func resumedRate() {
    let output = CapturingSink(isTerminal: false)
    let clock = FakeClock()
    clock.set(0)
    let progress = ProgressReporter(
      label: "train", unit: "steps", startingCount: 1000, output: output, plainInterval: 5,
      clock: { clock.now() })
    clock.set(5)
    progress.update(completed: 1010, total: 1100)
    #expect(output.texts == ["train: 1010/1100 (92%), 2.00 steps/s, 0:05 elapsed, ETA 0:45\n"])
  }

  @Test("The plain interval is configurable", arguments: [1.0, 2.0, 4.0])
  func plainInterval(seconds: Double) {
    let output = CapturingSink(isTerminal: false)
    let clock = FakeClock()
    let progress = makeReporter(output: output, clock: clock, plainInterval: seconds)
    for step in 1...16 {
      clock.set(Double(step) * 0.5)
      progress.update(completed: step, total: 16)
    }
    // Eight seconds pass; one line per interval, none at the end since finish was not called.
    #expect(output.texts.count == Int(8 / seconds))
  }

  @Test("Work shorter than the interval prints only the last line")
  func shortWork() {
    let output = CapturingSink(isTerminal: false)
    let clock = FakeClock()
    let progress = makeReporter(output: output, clock: clock)
    clock.set(2)
    progress.update(completed: 3, total: nil, label: "scan")
    progress.finish()
    progress.finish()
    progress.update(completed: 4, total: nil)
    #expect(output.texts == ["scan: 3 steps, 1.50 steps/s, 0:02 elapsed\n"])
  }

  @Test("On a terminal, one line is redrawn at most ten times a second")
  func terminalThrottle() {
    let output = CapturingSink(isTerminal: true, terminalWidth: 200)
    let clock = FakeClock()
    let progress = makeReporter(output: output, clock: clock)
    // Steps of 1/64 s are exact in binary, so the 0.1 s throttle lets every seventh through
    // (7/64 s = 0.109 s): updates 1, 8, 15, ..., 64 draw, ten in one second.
    for step in 1...64 {
      clock.set(Double(step) / 64)
      progress.update(completed: step, total: 64)
    }
    #expect(output.texts.count == 10)
    #expect(output.texts.allSatisfy { $0.hasPrefix("\r") && $0.hasSuffix("\u{1B}[K") })
    #expect(!output.text.contains("\n"))

    progress.finish()
    #expect(output.texts.count == 11)
    #expect(output.texts.last?.hasSuffix("\u{1B}[K\n") == true)
  }

  @Test("The terminal line shows bar, percentage, count, rate, times and fields")
  func terminalLine() {
    let output = CapturingSink(isTerminal: true, terminalWidth: 200)
    let clock = FakeClock()
    let progress = makeReporter(output: output, clock: clock)
    clock.set(5)
    progress.update(completed: 5, total: 12, fields: ["epoch": "3", "loss": "0.0123"])
    clock.set(12)
    progress.update(completed: 12, total: 12, fields: ["epoch": "3"])
    progress.finish()
    // A wide terminal gets the widest bar, 30 characters; 5/12 of it is 12.5, drawn as 12.
    let partBar = String(repeating: "#", count: 12) + String(repeating: ".", count: 18)
    let fullBar = String(repeating: "#", count: 30)
    #expect(
      output.texts == [
        "\rtrain [\(partBar)]   42%  5/12  1.00 steps/s  0:05 elapsed  ETA 0:07  epoch 3  "
          + "loss 0.0123\u{1B}[K",
        "\rtrain [\(fullBar)]  100%  12/12  1.00 steps/s  0:12 elapsed  ETA 0:00  epoch 3\u{1B}[K",
        "\rtrain [\(fullBar)]  100%  12/12  1.00 steps/s  0:12 elapsed  epoch 3\u{1B}[K\n",
      ])
  }

  struct WidthCase: Sendable, CustomTestStringConvertible {
    let width: Int
    let expected: String
    var testDescription: String { "\(width) columns" }
  }

  static let widthCases: [WidthCase] = [
    // Without a bar the line takes 65 characters; a bar of 11 fills the 79 usable columns.
    WidthCase(
      width: 80,
      expected: "train [##.........]   25%  1/4  1.00 steps/s  0:01 elapsed  ETA 0:03  loss 0.25"),
    // Too little room for a bar of 10: the bar is left out and the numbers stay.
    WidthCase(
      width: 76, expected: "train   25%  1/4  1.00 steps/s  0:01 elapsed  ETA 0:03  loss 0.25"),
    // Narrower than the numbers: the line is cut rather than wrapped.
    WidthCase(width: 40, expected: "train   25%  1/4  1.00 steps/s  0:01 el"),
  ]

  @Test("The terminal line fits the terminal's width and never wraps", arguments: widthCases)
  func terminalWidth(_ testCase: WidthCase) {
    let output = CapturingSink(isTerminal: true, terminalWidth: testCase.width)
    let clock = FakeClock()
    let progress = makeReporter(output: output, clock: clock)
    clock.set(1)
    progress.update(completed: 1, total: 4, fields: ["loss": "0.25"])
    #expect(output.text == "\r" + testCase.expected + "\u{1B}[K")
    #expect(testCase.expected.count < testCase.width)
  }

  @Test("Concurrent advances from many tasks are all counted")
  func concurrentAdvance() async {
    let output = CapturingSink(isTerminal: false)
    let clock = FakeClock()
    let progress = makeReporter(output: output, clock: clock)
    progress.update(completed: 0, total: 8000)
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask {
          for _ in 0..<1000 { progress.advance() }
        }
      }
    }
    clock.set(10)
    progress.finish()
    #expect(output.texts == ["train: 8000/8000 (100%), 800 steps/s, 0:10 elapsed\n"])
  }
}
