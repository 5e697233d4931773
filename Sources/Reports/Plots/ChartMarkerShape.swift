/// Draws chart markers as SVG shapes of a common size.
enum ChartMarkerShape {
  /// Half the width of a marker in pixels.
  static let radius = 3.5

  /// Appends the shape of `marker` centred on `(x, y)`; nothing for `.none`.
  static func draw(
    _ marker: ChartMarker, x: Double, y: Double, color: String, into writer: inout SVGWriter
  ) {
    let r = radius
    switch marker {
    case .none:
      return
    case .circle:
      writer.element(
        "circle",
        [
          "cx": SVGWriter.number(x), "cy": SVGWriter.number(y), "r": SVGWriter.number(r),
          "fill": color,
        ])
    case .ring:
      writer.element(
        "circle",
        [
          "cx": SVGWriter.number(x), "cy": SVGWriter.number(y), "r": SVGWriter.number(r),
          "fill": "#ffffff", "stroke": color, "stroke-width": "1.5",
        ])
    case .square:
      let side = r * 1.8
      writer.element(
        "rect",
        [
          "x": SVGWriter.number(x - side / 2), "y": SVGWriter.number(y - side / 2),
          "width": SVGWriter.number(side), "height": SVGWriter.number(side), "fill": color,
        ])
    case .triangle:
      // Slightly larger than the circle so that the three shapes look equally heavy.
      let h = r * 1.25
      polygon([(x, y - h), (x + h, y + h * 0.8), (x - h, y + h * 0.8)], color: color, &writer)
    case .diamond:
      let h = r * 1.3
      polygon([(x, y - h), (x + h, y), (x, y + h), (x - h, y)], color: color, &writer)
    }
  }

  private static func polygon(
    _ corners: [(Double, Double)], color: String, _ writer: inout SVGWriter
  ) {
    let points = corners.map { "\(SVGWriter.number($0.0)),\(SVGWriter.number($0.1))" }
    writer.element("polygon", ["points": points.joined(separator: " "), "fill": color])
  }
}
