import Foundation

/// Number formatting for reports and progress lines.
public enum Format {
  /// The value with exactly `decimals` digits after the point, rounded half to even as
  /// `printf` does, as in `fixed(31.456, decimals: 2) == "31.46"`; `inf`, `-inf` or `nan`
  /// when the value is not finite.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    precondition((0...17).contains(decimals), "decimals must be from 0 to 17")
    return String(format: "%.\(decimals)f", value)
  }

  /// The fraction as a percentage, as in `percent(0.4237, decimals: 1) == "42.4%"`.
  public static func percent(_ fraction: Double, decimals: Int = 0) -> String {
    fixed(fraction * 100, decimals: decimals) + "%"
  }

  /// A rate or other measure shown with about three significant digits: `1234`, `56.7`,
  /// `8.90`, `0.12`.
  public static func rate(_ value: Double) -> String {
    let magnitude = abs(value)
    return fixed(value, decimals: magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2)
  }

  /// A byte count in binary units (1 KiB = 1024 B): `812 B`, `1.5 KiB`, `3.2 MiB`.
  ///
  /// Counts of 1024 B and more show one decimal.
  public static func bytes(_ count: Int) -> String {
    precondition(count >= 0, "a byte count is never negative")
    guard count >= 1024 else { return "\(count) B" }
    let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = Double(count) / 1024
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return fixed(value, decimals: 1) + " " + units[unit]
  }

  /// A duration for reports: milliseconds below one second (`12.3 ms`), seconds below a
  /// minute (`4.56 s`), then hours, minutes and seconds as `clock(_:)` writes them.
  public static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return clock(seconds) }
    if abs(seconds) < 1 {
      return fixed(seconds * 1000, decimals: 1) + " ms"
    }
    if abs(seconds) < 60 {
      return fixed(seconds, decimals: 2) + " s"
    }
    return clock(seconds)
  }

  /// Whole seconds as a clock reading, `m:ss` or `h:mm:ss`, as in `0:07` or `1:02:03`;
  /// `--:--` for a negative or unknown duration. Fractions of a second are dropped.
  public static func clock(_ seconds: Double) -> String {
    // The upper limit keeps the conversion to Int safe; a century is "unknown" here too.
    guard seconds.isFinite, seconds >= 0, seconds < 3_155_760_000 else { return "--:--" }
    let total = Int(seconds)
    let (hours, minutes, remaining) = (total / 3600, total / 60 % 60, total % 60)
    let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    if hours > 0 {
      return "\(hours):\(twoDigits(minutes)):\(twoDigits(remaining))"
    }
    return "\(minutes):\(twoDigits(remaining))"
  }
}
