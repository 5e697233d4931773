/// One axis of a chart panel: its title, scale and optionally a fixed range.
public struct ChartAxis: Sendable {
  /// The axis title, for example `"bits per pixel"`.
  public var title: String
  /// Linear or logarithmic.
  public var scale: AxisScale
  /// A fixed range; `nil` fits the data and extends to the nearest ticks.
  public var range: ClosedRange<Double>?

  /// Creates an axis.
  public init(title: String, scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
    precondition(
      scale == .linear || (range?.lowerBound ?? 1) > 0,
      "a logarithmic axis range must be positive")
    self.title = title
    self.scale = scale
    self.range = range
  }
}

/// One plotting area of a chart: two axes and the series drawn against them.
public struct ChartPanel: Sendable {
  /// A title above the panel; `nil` for none.
  public var title: String?
  /// The horizontal axis.
  public var xAxis: ChartAxis
  /// The vertical axis.
  public var yAxis: ChartAxis
  /// The series, drawn in order (later on top).
  public var series: [ChartSeries]

  /// Creates a panel.
  public init(
    title: String? = nil, xAxis: ChartAxis, yAxis: ChartAxis, series: [ChartSeries]
  ) {
    self.title = title
    self.xAxis = xAxis
    self.yAxis = yAxis
    self.series = series
  }
}
