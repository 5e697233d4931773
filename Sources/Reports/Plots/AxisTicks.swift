import Foundation

/// How data values map onto a chart axis.
public enum AxisScale: String, Sendable, Codable, CaseIterable {
  /// Equal distances mean equal differences.
  case linear
  /// Equal distances mean equal ratios (base 10); only positive values can be shown.
  case logarithmic
}

/// The range of one chart axis and its labelled tick marks.
///
/// Linear ticks are multiples of a step from the 1-2-5 ladder (…, 0.1, 0.2, 0.5, 1, 2, 5,
/// 10, …), the finest step that gives at most `maximumCount` ticks. Logarithmic ticks are
/// `m × 10^k` for `m` in {1…9}, then {1, 2, 5}, then {1}, then every second, third … decade,
/// again the finest set that fits, over a range grown to the neighbouring `m × 10^k` with
/// `m` in {1…9}; a range narrower than two such ticks falls back to linear steps placed on
/// the logarithmic axis.
public struct AxisTicks: Sendable, Equatable {
  /// The value at the start (left or bottom) of the axis.
  public let lowerBound: Double
  /// The value at the end (right or top) of the axis.
  public let upperBound: Double
  /// The tick values, ascending, all inside `lowerBound...upperBound`.
  public let values: [Double]
  /// One label per tick value, formatted with as many decimals as the step needs.
  public let labels: [String]
  /// Whether the axis is linear or logarithmic.
  public let scale: AxisScale

  /// Chooses ticks for data spanning `lower...upper`.
  ///
  /// - Parameters:
  ///   - lower: The smallest data value; must be finite (and positive for a log scale).
  ///   - upper: The largest data value; must be finite and not below `lower`.
  ///   - scale: Linear or logarithmic.
  ///   - maximumCount: The most ticks wanted; at least 3, since a range that straddles zero
  ///     always needs a tick on each side of it.
  ///   - extendToTicks: If true the axis range grows outwards to the nearest ticks, so the
  ///     axis starts and ends on a labelled value; if false the range is exactly
  ///     `lower...upper` and only the ticks inside it are kept (for a range the caller fixed).
  public init(
    covering lower: Double, _ upper: Double, scale: AxisScale = .linear, maximumCount: Int = 8,
    extendToTicks: Bool = true
  ) {
    precondition(lower.isFinite && upper.isFinite, "axis range must be finite")
    precondition(lower <= upper, "axis range is reversed: \(lower) > \(upper)")
    precondition(maximumCount >= 3, "an axis needs room for at least three ticks")
    switch scale {
    case .linear:
      self = Self.linear(lower, upper, maximumCount: maximumCount, extend: extendToTicks)
    case .logarithmic:
      precondition(lower > 0, "a logarithmic axis needs positive values, got \(lower)")
      self = Self.logarithmic(lower, upper, maximumCount: maximumCount, extend: extendToTicks)
    }
  }

  private init(
    lowerBound: Double, upperBound: Double, values: [Double], labels: [String], scale: AxisScale
  ) {
    self.lowerBound = lowerBound
    self.upperBound = upperBound
    self.values = values
    self.labels = labels
    self.scale = scale
  }

  /// Where `value` lies along the axis: 0 at `lowerBound`, 1 at `upperBound`.
  ///
  /// Linear: `(v - lo) / (hi - lo)`; logarithmic: `(log v - log lo) / (log hi - log lo)`.
  /// Values outside the range give fractions outside 0...1.
  public func fraction(of value: Double) -> Double {
    switch scale {
    case .linear:
      return (value - lowerBound) / (upperBound - lowerBound)
    case .logarithmic:
      let low = log10(lowerBound)
      return (log10(value) - low) / (log10(upperBound) - low)
    }
  }

  // MARK: - Linear

  /// Slack when deciding whether a value sits on a tick, in units of the step, so that
  /// `0.3 / 0.1 = 2.9999999999999996` counts as tick 3.
  private static let indexTolerance = 1e-9

  private static func linear(
    _ lower: Double, _ upper: Double, maximumCount: Int, extend: Bool
  ) -> AxisTicks {
    var (low, high) = (lower, upper)
    if low == high {
      let pad = low == 0 ? 1 : abs(low) * 0.1
      (low, high) = (low - pad, high + pad)
    }

    precondition((high - low).isFinite, "axis range \(low)...\(high) overflows a Double")
    var exponent = Int((log10((high - low) / Double(maximumCount))).rounded(.down))
    while true {
      for mantissa in [1.0, 2.0, 5.0] {
        let step = mantissa * pow(10, Double(exponent))
        let first: Double
        let last: Double
        if extend {
          first = (low / step + indexTolerance).rounded(.down)
          last = (high / step - indexTolerance).rounded(.up)
        } else {
          first = (low / step - indexTolerance).rounded(.up)
          last = (high / step + indexTolerance).rounded(.down)
        }
        guard last - first + 1 <= Double(maximumCount) else { continue }

        let values = stride(from: first, through: last, by: 1).map {
          decimalValue(index: $0 * mantissa, exponent: exponent)
        }
        let labels = linearLabels(values, exponent: exponent)
        return AxisTicks(
          lowerBound: extend ? (values.first ?? low) : low,
          upperBound: extend ? (values.last ?? high) : high,
          values: values, labels: labels, scale: .linear)
      }
      exponent += 1
    }
  }

  /// `index × 10^exponent`, computed by dividing for negative exponents so that decimal
  /// ticks such as 0.3 come out as the nearest double to 0.3 rather than 3 × 0.1.
  private static func decimalValue(index: Double, exponent: Int) -> Double {
    exponent >= 0 ? index * pow(10, Double(exponent)) : index / pow(10, Double(-exponent))
  }

  private static func linearLabels(_ values: [Double], exponent: Int) -> [String] {
    let largest = values.map(abs).max() ?? 0
    if exponent < -5 || largest >= 1e7 {
      let leading = largest > 0 ? Int(log10(largest).rounded(.down)) : exponent
      let digits = max(0, leading - exponent)
      return values.map { scientificLabel($0, fractionDigits: digits) }
    }
    return values.map { fixedLabel($0, decimals: max(0, -exponent)) }
  }

  private static func fixedLabel(_ value: Double, decimals: Int) -> String {
    let text = String(format: "%.\(decimals)f", value)
    // A tiny negative rounding residue must not print as "-0" or "-0.0".
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
      return String(text.dropFirst())
    }
    return text
  }

  private static func scientificLabel(_ value: Double, fractionDigits: Int) -> String {
    if value == 0 { return "0" }
    let text = String(format: "%.\(fractionDigits)e", value)
    // "%e" writes "1.5e-07"; drop the exponent's sign "+" and leading zeros.
    guard let marker = text.firstIndex(of: "e") else { return text }
    let mantissa = text[..<marker]
    var exponent = String(text[text.index(after: marker)...])
    var sign = ""
    if exponent.hasPrefix("-") || exponent.hasPrefix("+") {
      sign = exponent.hasPrefix("-") ? "-" : ""
      exponent.removeFirst()
    }
    while exponent.count > 1, exponent.hasPrefix("0") { exponent.removeFirst() }
    return "\(mantissa)e\(sign)\(exponent)"
  }

  // MARK: - Logarithmic

  /// Mantissa sets from finest to coarsest; coarser still are whole decades skipped.
  private static let logLadders: [[Double]] = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1]]

  private static func logarithmic(
    _ lower: Double, _ upper: Double, maximumCount: Int, extend: Bool
  ) -> AxisTicks {
    var (low, high) = (lower, upper)
    if low == high { (low, high) = (low / 2, high * 2) }

    let firstDecade = Int(log10(low).rounded(.down)) - 1
    let lastDecade = Int(log10(high).rounded(.up)) + 1
    let tolerance = 1e-9

    var candidateSets: [[(value: Double, mantissa: Double, decade: Int)]] = []
    for ladder in logLadders {
      candidateSets.append(
        (firstDecade...lastDecade).flatMap { decade in
          ladder.map { (decimalValue(index: $0, exponent: decade), $0, decade) }
        })
    }
    let decadeCount = lastDecade - firstDecade
    for decadeStride in stride(from: 2, through: max(2, decadeCount), by: 1) {
      let start = Int((Double(firstDecade) / Double(decadeStride)).rounded(.down)) * decadeStride
      candidateSets.append(
        stride(from: start, through: lastDecade + decadeStride, by: decadeStride).map {
          (decimalValue(index: 1, exponent: $0), 1, $0)
        })
    }

    // The range grows to the neighbouring values of the finest ladder, whichever ladder
    // labels it: growing to the next 1-2-5 value could add most of a decade of empty space
    // (2.1 would become 5), growing to the next of 1…9 adds at most a factor of 2.
    let finest = candidateSets[0]
    let domainLow = extend ? finest.last { $0.value <= low * (1 + tolerance) }?.value ?? low : low
    let domainHigh =
      extend ? finest.first { $0.value >= high * (1 - tolerance) }?.value ?? high : high
    for (setIndex, candidates) in candidateSets.enumerated() {
      let ticks = candidates.filter {
        $0.value >= domainLow * (1 - tolerance) && $0.value <= domainHigh * (1 + tolerance)
      }
      guard ticks.count <= maximumCount || setIndex == candidateSets.count - 1 else { continue }

      // Too narrow for two ladder ticks even on the finest ladder: label linear steps.
      if setIndex == 0 && ticks.count < 3 {
        let linearTicks = linear(low, high, maximumCount: min(maximumCount, 6), extend: extend)
        if linearTicks.lowerBound > 0 {
          return AxisTicks(
            lowerBound: linearTicks.lowerBound, upperBound: linearTicks.upperBound,
            values: linearTicks.values, labels: linearTicks.labels, scale: .logarithmic)
        }
      }
      return AxisTicks(
        lowerBound: domainLow, upperBound: domainHigh, values: ticks.map(\.value),
        labels: logLabels(ticks.map { ($0.mantissa, $0.decade) }),
        scale: .logarithmic)
    }
    preconditionFailure("the coarsest logarithmic ladder always fits")
  }

  /// Plain decimals (`0.02`, `500`) while every decade is within 10^-4...10^6, otherwise
  /// `2e-7` style for all ticks, so one axis never mixes the two.
  private static func logLabels(_ ticks: [(mantissa: Double, decade: Int)]) -> [String] {
    let scientific = ticks.contains { $0.decade < -4 || $0.decade > 6 }
    return ticks.map { mantissa, decade in
      if scientific { return "\(Int(mantissa))e\(decade)" }
      let value = decimalValue(index: mantissa, exponent: decade)
      return fixedLabel(value, decimals: max(0, -decade))
    }
  }
}
