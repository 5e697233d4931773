/// One row of a chart legend.
struct LegendEntry {
  var name: String
  var style: SeriesStyle
}

/// The legend box of a chart: its size, where it can go without hiding data, and drawing.
struct ChartLegend {
  let entries: [LegendEntry]

  let fontSize = 12.0
  let rowHeight = 18.0
  let padding = 8.0
  let swatchWidth = 28.0
  let swatchGap = 6.0
  /// Distance kept from the plot frame and from any data inside the plot.
  let clearance = 6.0

  var width: Double {
    let text = entries.map { TextMetrics.width(of: $0.name, fontSize: fontSize) }.max() ?? 0
    return padding + swatchWidth + swatchGap + text + padding
  }

  var height: Double { Double(entries.count) * rowHeight + padding }

  /// Where the legend goes: inside a panel or to the right of the figure.
  struct Placement {
    enum Kind: Equatable {
      case inside(panel: Int)
      case outside
    }
    var kind: Kind
    /// Top-left corner of the legend box.
    var origin: (x: Double, y: Double)
  }

  /// Tries each panel's four corners and keeps the first whose box, grown by `clearance`,
  /// meets no line segment and no marker; falls back to the right of the last panel.
  ///
  /// - Complexity: O(points) per corner tried, at most four corners per panel.
  func placement(in layouts: [PanelLayout], styles: [String: SeriesStyle]) -> Placement {
    for (index, layout) in layouts.enumerated() {
      let plot = layout.plot
      guard width + 2 * clearance <= plot.width, height + 2 * clearance <= plot.height else {
        continue
      }
      let left = plot.minX + clearance
      let right = plot.maxX - clearance - width
      let top = plot.minY + clearance
      let bottom = plot.maxY - clearance - height
      let corners = [(right, top), (right, bottom), (left, top), (left, bottom)]
      let seriesPixels = layout.panel.series.map { series in
        (
          pixels: layout.pixels(of: series),
          style: styles[series.name] ?? SeriesStyle.fallback
        )
      }
      for (x, y) in corners {
        let box = PlotRect(minX: x, minY: y, width: width, height: height).insetBy(-clearance)
        if !seriesPixels.contains(where: { Self.overlaps(box, $0.pixels, style: $0.style) }) {
          return Placement(kind: .inside(panel: index), origin: (x, y))
        }
      }
    }
    let last = layouts[layouts.count - 1]
    return Placement(kind: .outside, origin: (last.cell.maxX + 24, last.plot.minY))
  }

  /// Whether a series, as drawn, reaches into `box`: its markers (as squares of the marker
  /// size) or, when it has a line, any of its segments.
  static func overlaps(
    _ box: PlotRect, _ pixels: [(x: Double, y: Double)], style: SeriesStyle
  ) -> Bool {
    let markerRadius = style.marker == .none ? 1.0 : ChartMarkerShape.radius + 1
    let grown = box.insetBy(-markerRadius)
    if pixels.contains(where: { grown.contains(x: $0.x, y: $0.y) }) { return true }
    guard style.lineStyle != .none, pixels.count > 1 else { return false }
    for index in 1..<pixels.count {
      let (a, b) = (pixels[index - 1], pixels[index])
      if box.intersectsSegment(x0: a.x, y0: a.y, x1: b.x, y1: b.y) { return true }
    }
    return false
  }

  /// Draws the box and one row per entry: a line sample, the marker and the name.
  func draw(at origin: (x: Double, y: Double), into writer: inout SVGWriter) {
    writer.open("g", ["class": "legend"])
    writer.element(
      "rect",
      [
        "x": SVGWriter.number(origin.x), "y": SVGWriter.number(origin.y),
        "width": SVGWriter.number(width), "height": SVGWriter.number(height),
        "fill": "#ffffff", "fill-opacity": "0.92", "stroke": "#bbbbbb", "rx": "3",
      ])
    for (row, entry) in entries.enumerated() {
      let centerY = origin.y + padding / 2 + rowHeight * (Double(row) + 0.5)
      let swatchLeft = origin.x + padding
      writer.open("g", ["class": "legend-entry"])
      if entry.style.lineStyle != .none {
        writer.element(
          "line",
          [
            "x1": SVGWriter.number(swatchLeft), "y1": SVGWriter.number(centerY),
            "x2": SVGWriter.number(swatchLeft + swatchWidth), "y2": SVGWriter.number(centerY),
            "stroke": entry.style.color, "stroke-width": "2",
            "stroke-dasharray": entry.style.lineStyle == .dashed ? "6 4" : "none",
          ])
      }
      ChartMarkerShape.draw(
        entry.style.marker, x: swatchLeft + swatchWidth / 2, y: centerY,
        color: entry.style.color, into: &writer)
      writer.text(
        entry.name,
        [
          "x": SVGWriter.number(swatchLeft + swatchWidth + swatchGap),
          "y": SVGWriter.number(centerY), "dy": "0.35em", "font-size": "12", "fill": "#222222",
        ])
      writer.close("g")
    }
    writer.close("g")
  }
}
