extension LineChart {
  /// Draws one panel: grid, frame, ticks and labels, axis titles, then the series on top,
  /// lines clipped to the plot area and markers to the plot area grown by a marker radius.
  ///
  /// Clip-path ids start with `idPrefix`, so that several charts inlined in one HTML page do
  /// not borrow each other's clip regions.
  func draw(
    _ layout: PanelLayout, index: Int, styles: [String: SeriesStyle], idPrefix: String,
    into writer: inout SVGWriter
  ) {
    let plot = layout.plot
    let lineClip = "\(idPrefix)-plot-\(index)"
    let markerClip = "\(idPrefix)-markers-\(index)"
    writer.open("g", ["class": "panel"])
    writer.open("defs")
    clipPath(lineClip, plot, into: &writer)
    clipPath(markerClip, plot.insetBy(-(ChartMarkerShape.radius + 2)), into: &writer)
    writer.close("defs")

    if let panelTitle = layout.panel.title {
      writer.text(
        panelTitle,
        [
          "x": SVGWriter.number(plot.midX), "y": SVGWriter.number(layout.cell.minY + 16),
          "text-anchor": "middle", "font-size": "13", "font-weight": "bold", "fill": "#111111",
        ])
    }
    drawXAxis(layout, into: &writer)
    drawYAxis(layout, into: &writer)
    writer.element(
      "rect",
      [
        "x": SVGWriter.number(plot.minX), "y": SVGWriter.number(plot.minY),
        "width": SVGWriter.number(plot.width), "height": SVGWriter.number(plot.height),
        "fill": "none", "stroke": "#444444", "stroke-width": "1",
      ])

    for series in layout.panel.series {
      let style = styles[series.name] ?? SeriesStyle.fallback
      let pixels = layout.pixels(of: series)
      if style.lineStyle != .none && !pixels.isEmpty {
        let points = pixels.map { "\(SVGWriter.number($0.x)),\(SVGWriter.number($0.y))" }
        writer.element(
          "polyline",
          [
            "class": "series", "data-series": series.name,
            "points": points.joined(separator: " "), "fill": "none", "stroke": style.color,
            "stroke-width": "2", "stroke-linejoin": "round", "stroke-linecap": "round",
            "stroke-dasharray": style.lineStyle == .dashed ? "6 4" : "none",
            "clip-path": "url(#\(lineClip))",
          ])
      }
      if style.marker != .none && !pixels.isEmpty {
        writer.open(
          "g",
          [
            "class": "markers", "data-series": series.name,
            "clip-path": "url(#\(markerClip))",
          ])
        for pixel in pixels {
          ChartMarkerShape.draw(
            style.marker, x: pixel.x, y: pixel.y, color: style.color, into: &writer)
        }
        writer.close("g")
      }
    }
    writer.close("g")
  }

  private func clipPath(_ id: String, _ rect: PlotRect, into writer: inout SVGWriter) {
    writer.open("clipPath", ["id": id])
    writer.element(
      "rect",
      [
        "x": SVGWriter.number(rect.minX), "y": SVGWriter.number(rect.minY),
        "width": SVGWriter.number(rect.width), "height": SVGWriter.number(rect.height),
      ])
    writer.close("clipPath")
  }

  private func drawXAxis(_ layout: PanelLayout, into writer: inout SVGWriter) {
    let plot = layout.plot
    writer.open("g", ["class": "x-axis"])
    for (value, label) in zip(layout.xTicks.values, layout.xTicks.labels) {
      let x = plot.minX + layout.xTicks.fraction(of: value) * plot.width
      gridAndTick(
        x1: x, y1: plot.minY, x2: x, y2: plot.maxY, tickEnd: (x, plot.maxY + tickLength),
        into: &writer)
      writer.text(
        label,
        [
          "class": "tick-label", "x": SVGWriter.number(x),
          "y": SVGWriter.number(plot.maxY + tickLength + tickFontSize + 2),
          "text-anchor": "middle", "font-size": SVGWriter.number(tickFontSize),
          "fill": "#333333",
        ])
    }
    if !layout.panel.xAxis.title.isEmpty {
      writer.text(
        layout.panel.xAxis.title,
        [
          "class": "axis-title", "x": SVGWriter.number(plot.midX),
          "y": SVGWriter.number(layout.cell.maxY - 6), "text-anchor": "middle",
          "font-size": "12", "fill": "#111111",
        ])
    }
    writer.close("g")
  }

  private func drawYAxis(_ layout: PanelLayout, into writer: inout SVGWriter) {
    let plot = layout.plot
    writer.open("g", ["class": "y-axis"])
    for (value, label) in zip(layout.yTicks.values, layout.yTicks.labels) {
      let y = plot.maxY - layout.yTicks.fraction(of: value) * plot.height
      gridAndTick(
        x1: plot.minX, y1: y, x2: plot.maxX, y2: y, tickEnd: (plot.minX - tickLength, y),
        into: &writer)
      writer.text(
        label,
        [
          "class": "tick-label", "x": SVGWriter.number(plot.minX - tickLength - 3),
          "y": SVGWriter.number(y), "dy": "0.35em", "text-anchor": "end",
          "font-size": SVGWriter.number(tickFontSize), "fill": "#333333",
        ])
    }
    if !layout.panel.yAxis.title.isEmpty {
      let x = SVGWriter.number(layout.cell.minX + 12)
      let y = SVGWriter.number(plot.midY)
      writer.text(
        layout.panel.yAxis.title,
        [
          "class": "axis-title", "x": x, "y": y, "transform": "rotate(-90 \(x) \(y))",
          "text-anchor": "middle", "font-size": "12", "fill": "#111111",
        ])
    }
    writer.close("g")
  }

  /// A light grid line across the plot and a short dark tick outside it.
  private func gridAndTick(
    x1: Double, y1: Double, x2: Double, y2: Double, tickEnd: (Double, Double),
    into writer: inout SVGWriter
  ) {
    writer.element(
      "line",
      [
        "x1": SVGWriter.number(x1), "y1": SVGWriter.number(y1), "x2": SVGWriter.number(x2),
        "y2": SVGWriter.number(y2), "stroke": "#e3e3e3", "stroke-width": "1",
      ])
    // The tick starts where the grid line meets the frame nearest the label.
    let start = x1 == x2 ? (x2, y2) : (x1, y1)
    writer.element(
      "line",
      [
        "x1": SVGWriter.number(start.0), "y1": SVGWriter.number(start.1),
        "x2": SVGWriter.number(tickEnd.0), "y2": SVGWriter.number(tickEnd.1),
        "stroke": "#444444", "stroke-width": "1",
      ])
  }
}
