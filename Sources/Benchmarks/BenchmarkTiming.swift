#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Timing helpers shared by the benchmark groups.
enum BenchmarkTiming {
  /// Runs `body` once to warm caches and threads, then at least `minimumRuns` times and until
  /// about `budgetSeconds` have passed, and returns the median duration in seconds. The median
  /// resists the outliers that other processes on a shared machine cause.
  static func medianSeconds(
    minimumRuns: Int = 5, budgetSeconds: Double = 1.5, _ body: () -> Void
  ) -> (median: Double, runs: Int) {
    body()
    var samples: [Double] = []
    let clock = ContinuousClock()
    let start = clock.now
    while samples.count < minimumRuns || seconds(clock.now - start) < budgetSeconds {
      samples.append(seconds(clock.measure(body)))
      if samples.count >= 101 { break }
    }
    samples.sort()
    let middle = samples.count / 2
    let median =
      samples.count % 2 == 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2
    return (median, samples.count)
  }

  static func seconds(_ duration: Duration) -> Double {
    let components = duration.components
    return Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}

/// Output helpers that need no Foundation.
enum BenchmarkOutput {
  /// Writes a diagnostic line to standard error, keeping standard output for results.
  static func standardError(_ message: String) {
    let line = message + "\n"
    _ = line.utf8CString.withUnsafeBufferPointer { bytes in
      write(2, bytes.baseAddress, bytes.count - 1)
    }
  }

  /// `value` with `decimals` digits after the point, right-aligned in `width` characters.
  static func fixed(_ value: Double, decimals: Int, width: Int = 0) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int64((abs(value) * scale).rounded())
    let whole = scaled / Int64(scale)
    var text = (value < 0 ? "-" : "") + String(whole)
    if decimals > 0 {
      let fraction = String(scaled % Int64(scale))
      text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return padded(text, toWidth: width, alignRight: true)
  }

  /// `text` padded with spaces to `width` characters.
  static func padded(_ text: String, toWidth width: Int, alignRight: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return alignRight ? padding + text : text + padding
  }
}
