/// A line chart of one or more panels side by side, rendered as a standalone SVG document.
///
/// Each panel has its own axes; series with the same name get the same colour and marker in
/// every panel, and one legend lists every name. The legend goes into the first panel corner
/// (top right, bottom right, top left, bottom left; panels in order) where it covers no line
/// segment or marker, and otherwise to the right of the panels, outside the data.
///
/// ```swift
/// let chart = LineChart(title: "Loss", panels: [
///   ChartPanel(xAxis: ChartAxis(title: "epoch"), yAxis: ChartAxis(title: "loss"),
///              series: [ChartSeries(name: "train", x: [1, 2, 3], y: [0.9, 0.5, 0.4])])
/// ])
/// let text = chart.svg()
/// ```
public struct LineChart: Sendable {
  /// The title drawn above all panels; empty for none.
  public var title: String
  /// The panels, drawn left to right; at least one.
  public var panels: [ChartPanel]
  /// The width of each panel in pixels, including its tick labels and axis titles.
  public var panelWidth: Double
  /// The height of each panel in pixels, including its tick labels and axis titles.
  public var panelHeight: Double

  /// Series with more points than this get no markers unless they ask for one.
  public static let automaticMarkerLimit = 40

  /// Creates a chart.
  ///
  /// - Parameters:
  ///   - title: The chart title; empty for none.
  ///   - panels: One or more panels, left to right.
  ///   - panelWidth: Pixels per panel, at least 200.
  ///   - panelHeight: Pixels per panel, at least 150.
  public init(
    title: String, panels: [ChartPanel], panelWidth: Double = 480, panelHeight: Double = 360
  ) {
    precondition(!panels.isEmpty, "a chart needs at least one panel")
    precondition(panelWidth >= 200 && panelHeight >= 150, "panels this small cannot be read")
    self.title = title
    self.panels = panels
    self.panelWidth = panelWidth
    self.panelHeight = panelHeight
  }

  /// Renders the chart as a UTF-8 SVG document that needs no external resources.
  ///
  /// - Complexity: O(n) in the total number of points, plus O(n) per legend position tried.
  public func svg() -> String {
    let styles = resolvedStyles()
    let layouts = panelLayouts()
    let legendEntries = styles.legendOrder.map { name in
      LegendEntry(name: name, style: styles.byName[name] ?? SeriesStyle.fallback)
    }
    let legend = ChartLegend(entries: legendEntries)
    let placement =
      legendEntries.isEmpty ? nil : legend.placement(in: layouts, styles: styles.byName)

    var width = figurePadding * 2 + Double(panels.count) * panelWidth
    width += Double(panels.count - 1) * panelGap
    if placement?.kind == .outside {
      width += panelGap + legend.width
    }
    let height = titleHeight + panelHeight + figurePadding * 2

    var writer = SVGWriter()
    if !title.isEmpty {
      writer.text(
        title,
        [
          "x": SVGWriter.number(width / 2), "y": SVGWriter.number(figurePadding + 18),
          "text-anchor": "middle", "font-size": "16", "font-weight": "bold", "fill": "#111111",
        ])
    }
    let idPrefix = "aez-" + String(fingerprint(), radix: 16)
    for (index, layout) in layouts.enumerated() {
      draw(layout, index: index, styles: styles.byName, idPrefix: idPrefix, into: &writer)
    }
    if let placement {
      legend.draw(at: placement.origin, into: &writer)
    }
    return writer.document(width: width, height: height, title: title)
  }

  // MARK: - Layout constants (pixels)

  let figurePadding = 12.0
  let panelGap = 24.0
  var titleHeight: Double { title.isEmpty ? 0 : 30 }
  var panelTitleHeight: Double { panels.contains { $0.title != nil } ? 24 : 0 }
  let tickLength = 5.0
  let tickFontSize = 11.0

  /// A 64-bit FNV-1a hash of the title, panel titles, series names and every coordinate:
  /// the same chart always gets the same value, different charts almost surely not.
  func fingerprint() -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ bytes: some Sequence<UInt8>) {
      for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      }
    }
    func mix(_ value: Double) {
      withUnsafeBytes(of: value.bitPattern.littleEndian) { mix($0) }
    }
    mix(title.utf8)
    for panel in panels {
      mix((panel.title ?? "").utf8)
      for series in panel.series {
        mix(series.name.utf8)
        for point in series.points {
          mix(point.x)
          mix(point.y)
        }
      }
    }
    return hash
  }

  // MARK: - Styles

  /// The colour, marker and line of every series name, and the legend order.
  struct ResolvedStyles {
    var byName: [String: SeriesStyle]
    var legendOrder: [String]
  }

  /// Gives every distinct series name a palette slot: its own `paletteSlot` if set,
  /// otherwise the lowest slot no other name has taken, in order of first appearance.
  func resolvedStyles() -> ResolvedStyles {
    var order: [String] = []
    var firstSeries: [String: ChartSeries] = [:]
    for panel in panels {
      for series in panel.series where firstSeries[series.name] == nil {
        firstSeries[series.name] = series
        order.append(series.name)
      }
    }

    var taken = Set(order.compactMap { firstSeries[$0]?.paletteSlot })
    var nextSlot = 0
    var byName: [String: SeriesStyle] = [:]
    for name in order {
      guard let series = firstSeries[name] else { continue }
      let slot: Int
      if let fixed = series.paletteSlot {
        slot = fixed
      } else {
        while taken.contains(nextSlot) { nextSlot += 1 }
        slot = nextSlot
        taken.insert(slot)
      }
      let automaticMarker =
        series.points.count <= Self.automaticMarkerLimit ? ChartPalette.marker(slot: slot) : .none
      byName[name] = SeriesStyle(
        color: ChartPalette.color(slot: slot), marker: series.marker ?? automaticMarker,
        lineStyle: series.lineStyle)
    }
    return ResolvedStyles(byName: byName, legendOrder: order)
  }
}

/// How one series is drawn.
struct SeriesStyle: Equatable {
  var color: String
  var marker: ChartMarker
  var lineStyle: ChartLineStyle

  static let fallback = SeriesStyle(color: "#000000", marker: .circle, lineStyle: .solid)
}
