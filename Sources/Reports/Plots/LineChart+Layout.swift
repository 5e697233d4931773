import Foundation

/// Where one panel sits in the figure and how its data maps to pixels.
struct PanelLayout {
  /// The panel being drawn.
  let panel: ChartPanel
  /// The whole cell of the panel, including labels and titles.
  let cell: PlotRect
  /// The data area inside the axes.
  let plot: PlotRect
  /// Ticks and range of the horizontal axis.
  let xTicks: AxisTicks
  /// Ticks and range of the vertical axis.
  let yTicks: AxisTicks

  /// The pixel position of a data point: x grows rightwards, y upwards in data but
  /// downwards in SVG, hence `maxY - fraction × height`.
  func pixel(_ point: ChartPoint) -> (x: Double, y: Double) {
    (
      plot.minX + xTicks.fraction(of: point.x) * plot.width,
      plot.maxY - yTicks.fraction(of: point.y) * plot.height
    )
  }

  /// The points of a series that can be drawn on this panel's axes, in pixels.
  func pixels(of series: ChartSeries) -> [(x: Double, y: Double)] {
    Self.drawablePoints(series.points, xAxis: panel.xAxis, yAxis: panel.yAxis).map(pixel)
  }

  /// Finite points, positive where the axis is logarithmic.
  static func drawablePoints(
    _ points: [ChartPoint], xAxis: ChartAxis, yAxis: ChartAxis
  ) -> [ChartPoint] {
    points.filter { point in
      point.x.isFinite && point.y.isFinite
        && (xAxis.scale == .linear || point.x > 0)
        && (yAxis.scale == .linear || point.y > 0)
    }
  }
}

extension LineChart {
  /// Lays out every panel: chooses ticks, then sizes the margins around the plot area from
  /// the widest tick label.
  func panelLayouts() -> [PanelLayout] {
    panels.enumerated().map { index, panel in
      let cell = PlotRect(
        minX: figurePadding + Double(index) * (panelWidth + panelGap),
        minY: figurePadding + titleHeight, width: panelWidth, height: panelHeight)
      let points = panel.series.flatMap {
        PanelLayout.drawablePoints($0.points, xAxis: panel.xAxis, yAxis: panel.yAxis)
      }
      let xTicks = Self.ticks(for: panel.xAxis, values: points.map(\.x), maximumCount: 8)
      let yTicks = Self.ticks(for: panel.yAxis, values: points.map(\.y), maximumCount: 8)

      let yLabelWidth =
        yTicks.labels.map { TextMetrics.width(of: $0, fontSize: tickFontSize) }.max() ?? 0
      let lastXLabelHalf =
        (xTicks.labels.last.map { TextMetrics.width(of: $0, fontSize: tickFontSize) } ?? 0) / 2
      let yTitleSpace = panel.yAxis.title.isEmpty ? 0.0 : 22.0
      let xTitleSpace = panel.xAxis.title.isEmpty ? 0.0 : 22.0

      let left = cell.minX + yTitleSpace + yLabelWidth + tickLength + 6
      let right = cell.maxX - max(10, lastXLabelHalf + 2)
      let top = cell.minY + panelTitleHeight + 8
      let bottom = cell.maxY - (tickLength + tickFontSize + 8 + xTitleSpace)
      let plot = PlotRect(
        minX: left, minY: top, width: max(40, right - left), height: max(40, bottom - top))
      return PanelLayout(panel: panel, cell: cell, plot: plot, xTicks: xTicks, yTicks: yTicks)
    }
  }

  /// Ticks for an axis: its fixed range if it has one, else the data range extended to the
  /// nearest ticks (see `AxisTicks`).
  static func ticks(for axis: ChartAxis, values: [Double], maximumCount: Int) -> AxisTicks {
    if let range = axis.range {
      return AxisTicks(
        covering: range.lowerBound, range.upperBound, scale: axis.scale,
        maximumCount: maximumCount, extendToTicks: false)
    }
    guard let low = values.min(), let high = values.max() else {
      let empty = axis.scale == .linear ? (0.0, 1.0) : (1.0, 10.0)
      return AxisTicks(covering: empty.0, empty.1, scale: axis.scale, maximumCount: maximumCount)
    }
    // The range grows to the nearest ticks; a point on such a tick sits on the frame, and
    // the marker clip region reaches past the frame so that its marker still shows whole.
    return AxisTicks(covering: low, high, scale: axis.scale, maximumCount: maximumCount)
  }
}
