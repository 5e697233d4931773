extension ProgressReporter.State {
  /// The widest the bar grows, in characters between the brackets.
  static let maximumBarWidth = 30

  /// The narrowest bar worth drawing; with less room the bar is left out.
  static let minimumBarWidth = 10

  /// The share of the work done, from 0 to 1, or `nil` when the total is unknown; an empty
  /// job (total 0) counts as done.
  var fraction: Double? {
    guard let total else { return nil }
    guard total > 0 else { return 1 }
    return min(1, max(0, Double(completed) / Double(total)))
  }

  /// The count as shown: `21/50`, or `21 images` when the total is unknown.
  func count(unit: String) -> String {
    total.map { "\(completed)/\($0)" } ?? "\(completed) \(unit)"
  }

  /// The mean rate since the start, `(completed − startingCount) / elapsed`, or `nil` before
  /// there is one.
  func rate(elapsed: Double) -> Double? {
    let done = completed - startingCount
    return elapsed > 0 && done > 0 ? Double(done) / elapsed : nil
  }

  /// The seconds left at the mean rate so far, `(total - completed) / rate`, or `nil`.
  func secondsLeft(elapsed: Double) -> Double? {
    guard let total, let rate = rate(elapsed: elapsed) else { return nil }
    return Double(max(0, total - completed)) / rate
  }

  /// The pieces after the count, shared by both kinds of line: rate, times and fields.
  func details(unit: String, elapsed: Double, isFinal: Bool) -> [String] {
    var pieces: [String] = []
    if let rate = rate(elapsed: elapsed) {
      pieces.append("\(Format.rate(rate)) \(unit)/s")
    }
    pieces.append("\(Format.clock(elapsed)) elapsed")
    if !isFinal, total != nil {
      pieces.append("ETA \(Format.clock(secondsLeft(elapsed: elapsed) ?? .nan))")
    }
    return pieces + fields.map { "\($0.name) \($0.value)" }
  }

  /// The line redrawn on a terminal, at most `width - 1` characters when it can be:
  /// `train [#########...........]   42%  21/50  3.40 steps/s  0:06 elapsed  ETA 0:08`.
  ///
  /// The bar takes the room the other pieces leave, up to `maximumBarWidth`, and is left
  /// out when less than `minimumBarWidth` is left, so that the numbers stay visible.
  func terminalLine(unit: String, elapsed: Double, isFinal: Bool, width: Int) -> String {
    var pieces: [String] = []
    if let fraction {
      let percent = Format.percent(fraction)
      pieces.append(String(repeating: " ", count: max(0, 4 - percent.count)) + percent)
    }
    pieces.append(count(unit: unit))
    pieces += details(unit: unit, elapsed: elapsed, isFinal: isFinal)

    var head = label
    let withoutBar = ([label] + pieces).joined(separator: "  ")
    let barWidth = min(Self.maximumBarWidth, width - 1 - withoutBar.count - " []".count)
    if let fraction, barWidth >= Self.minimumBarWidth {
      let filled = Int((fraction * Double(barWidth)).rounded(.down))
      let bar =
        String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
      head += " [\(bar)]"
    }
    return ([head] + pieces).joined(separator: "  ")
  }

  /// The line written when the output is not a terminal:
  /// `train: 21/50 (42%), 3.40 steps/s, 0:06 elapsed, ETA 0:08`.
  func plainLine(unit: String, elapsed: Double, isFinal: Bool) -> String {
    var head = "\(label): \(count(unit: unit))"
    if let fraction {
      head += " (\(Format.percent(fraction)))"
    }
    return ([head] + details(unit: unit, elapsed: elapsed, isFinal: isFinal))
      .joined(separator: ", ")
  }
}
