/// One data point of a chart series.
public struct ChartPoint: Sendable, Hashable, Codable {
  /// The horizontal value.
  public var x: Double
  /// The vertical value.
  public var y: Double

  /// Creates a point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// The symbol drawn at each data point of a series.
public enum ChartMarker: String, Sendable, Codable, CaseIterable {
  /// A filled circle.
  case circle
  /// A filled square.
  case square
  /// A filled triangle pointing up.
  case triangle
  /// A filled diamond.
  case diamond
  /// An open circle.
  case ring
  /// No symbol; only the line is drawn.
  case none
}

/// How the points of a series are joined.
public enum ChartLineStyle: String, Sendable, Codable, CaseIterable {
  /// A continuous line.
  case solid
  /// A dashed line, for example for validation next to training loss.
  case dashed
  /// No line; only markers.
  case none
}

/// A named sequence of points drawn as one line with markers.
///
/// Points are joined in the order given (they are not sorted). Points with a non-finite
/// coordinate, and points with `x <= 0` on a logarithmic axis, are left out of the drawing,
/// so a diverged training run (a NaN loss) still plots.
public struct ChartSeries: Sendable {
  /// The name shown in the legend; series with the same name share a colour and marker in
  /// every panel of a chart.
  public var name: String
  /// The data, joined in this order.
  public var points: [ChartPoint]
  /// The marker; `nil` picks the marker of the series' palette slot when the series has at
  /// most `LineChart.automaticMarkerLimit` points, and no marker above that.
  public var marker: ChartMarker?
  /// Solid, dashed or no line.
  public var lineStyle: ChartLineStyle
  /// A fixed slot in `ChartPalette`; `nil` assigns slots to names in order of first
  /// appearance in the chart. Fix it to keep a codec's colour the same across charts.
  public var paletteSlot: Int?

  /// Creates a series from points.
  public init(
    name: String, points: [ChartPoint], marker: ChartMarker? = nil,
    lineStyle: ChartLineStyle = .solid, paletteSlot: Int? = nil
  ) {
    precondition(paletteSlot.map { $0 >= 0 } ?? true, "palette slots are non-negative")
    self.name = name
    self.points = points
    self.marker = marker
    self.lineStyle = lineStyle
    self.paletteSlot = paletteSlot
  }

  /// Creates a series from parallel arrays of x and y values of equal length.
  public init(
    name: String, x: [Double], y: [Double], marker: ChartMarker? = nil,
    lineStyle: ChartLineStyle = .solid, paletteSlot: Int? = nil
  ) {
    precondition(x.count == y.count, "x has \(x.count) values but y has \(y.count)")
    self.init(
      name: name, points: zip(x, y).map { ChartPoint(x: $0, y: $1) }, marker: marker,
      lineStyle: lineStyle, paletteSlot: paletteSlot)
  }
}
