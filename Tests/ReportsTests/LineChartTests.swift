import Testing

@testable import Reports

struct LineChartTests {
  static let rateDistortion = LineChart(
    title: "Rate–distortion on kodim01 <test & \"quotes\">",
    panels: [
      ChartPanel(
        title: "PSNR", xAxis: ChartAxis(title: "bits per pixel", scale: .logarithmic),
        yAxis: ChartAxis(title: "PSNR (dB)"),
        series: [
          ChartSeries(name: "aez", x: [0.12, 0.25, 0.5, 1.0], y: [27.1, 29.4, 31.8, 34.6]),
          ChartSeries(name: "JPEG", x: [0.2, 0.4, 0.8, 1.6], y: [24.9, 28.3, 31.2, 34.4]),
          ChartSeries(name: "WebP", x: [0.15, 0.3, 0.6, 1.2], y: [26.0, 28.8, 31.5, 34.5]),
        ]),
      ChartPanel(
        title: "MS-SSIM", xAxis: ChartAxis(title: "bits per pixel", scale: .logarithmic),
        yAxis: ChartAxis(title: "MS-SSIM"),
        series: [
          ChartSeries(name: "aez", x: [0.12, 0.25, 0.5, 1.0], y: [0.91, 0.95, 0.97, 0.985]),
          ChartSeries(name: "JPEG", x: [0.2, 0.4, 0.8, 1.6], y: [0.85, 0.93, 0.965, 0.98]),
        ]),
    ])

  @Test func outputIsWellFormedSVG() throws {
    let root = try parseXML(Self.rateDistortion.svg())
    #expect(root.name == "svg")
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(root.attributes["width"] != nil && root.attributes["viewBox"] != nil)
    // The title keeps its special characters through escaping.
    let titles = root.descendants(named: "title")
    #expect(titles.first?.text == "Rate–distortion on kodim01 <test & \"quotes\">")
    #expect(root.allText.contains("Rate–distortion on kodim01 <test & \"quotes\">"))
  }

  @Test func onePolylinePerSeriesInEachPanel() throws {
    let root = try parseXML(Self.rateDistortion.svg())
    let panels = root.descendants(withClass: "panel")
    #expect(panels.count == 2)
    let firstPanelSeries = panels[0].descendants(withClass: "series")
    #expect(firstPanelSeries.map { $0.attributes["data-series"] } == ["aez", "JPEG", "WebP"])
    #expect(panels[1].descendants(withClass: "series").count == 2)
    for polyline in firstPanelSeries {
      #expect(polyline.name == "polyline")
      let points = polyline.attributes["points"]?.split(separator: " ") ?? []
      #expect(points.count == 4)
    }
  }

  @Test func sameNameKeepsItsColourAcrossPanels() throws {
    let root = try parseXML(Self.rateDistortion.svg())
    let strokes = root.descendants(withClass: "series").map {
      ($0.attributes["data-series"] ?? "", $0.attributes["stroke"] ?? "")
    }
    let aezColours = Set(strokes.filter { $0.0 == "aez" }.map(\.1))
    #expect(aezColours.count == 1)
    #expect(Set(strokes.map(\.1)).count == 3)
  }

  @Test func legendListsEveryNameOnce() throws {
    let root = try parseXML(Self.rateDistortion.svg())
    let legends = root.descendants(withClass: "legend")
    #expect(legends.count == 1)
    let entries = legends.first?.descendants(withClass: "legend-entry") ?? []
    #expect(entries.flatMap(\.allText) == ["aez", "JPEG", "WebP"])
  }

  @Test func axesCarryTitlesAndTickLabels() throws {
    let root = try parseXML(Self.rateDistortion.svg())
    let axisTitles = root.descendants(withClass: "axis-title").map(\.text)
    #expect(axisTitles == ["bits per pixel", "PSNR (dB)", "bits per pixel", "MS-SSIM"])
    let firstPanel = root.descendants(withClass: "panel")[0]
    let xLabels = firstPanel.descendants(withClass: "x-axis")[0]
      .descendants(withClass: "tick-label").map(\.text)
    #expect(xLabels == ["0.1", "0.2", "0.5", "1", "2"])
    let yLabels = firstPanel.descendants(withClass: "y-axis")[0]
      .descendants(withClass: "tick-label").map(\.text)
    #expect(yLabels.first == "24" && yLabels.last == "36")
  }

  @Test func legendAvoidsEveryDataPoint() throws {
    let chart = Self.rateDistortion
    let layouts = chart.panelLayouts()
    let styles = chart.resolvedStyles()
    let legend = ChartLegend(
      entries: styles.legendOrder.map { LegendEntry(name: $0, style: styles.byName[$0]!) })
    let placement = legend.placement(in: layouts, styles: styles.byName)
    // Rate-distortion curves rise to the right, so the bottom-right corner is free.
    #expect(placement.kind == .inside(panel: 0))
    let box = PlotRect(
      minX: placement.origin.x, minY: placement.origin.y, width: legend.width,
      height: legend.height)
    for series in layouts[0].panel.series {
      let pixels = layouts[0].pixels(of: series)
      #expect(!ChartLegend.overlaps(box, pixels, style: styles.byName[series.name]!))
    }
    #expect(box.midX > layouts[0].plot.midX && box.midY > layouts[0].plot.midY)
  }

  @Test func legendMovesOutsideWhenDataFillsThePlot() throws {
    // A zig-zag through every corner leaves no free corner for the legend.
    let zigzag = ChartSeries(
      name: "noise", x: (0..<41).map(Double.init),
      y: (0..<41).map { $0 % 2 == 0 ? 0 : 1 })
    let chart = LineChart(
      title: "",
      panels: [
        ChartPanel(
          xAxis: ChartAxis(title: "x", range: 0...40), yAxis: ChartAxis(title: "y", range: 0...1),
          series: [zigzag])
      ])
    let styles = chart.resolvedStyles()
    let legend = ChartLegend(entries: [LegendEntry(name: "noise", style: styles.byName["noise"]!)])
    let placement = legend.placement(in: chart.panelLayouts(), styles: styles.byName)
    #expect(placement.kind == .outside)
    let root = try parseXML(chart.svg())
    let width = Double(root.attributes["width"] ?? "") ?? 0
    #expect(width > chart.panelWidth + 24)
  }

  @Test func nonFiniteAndNonPositivePointsAreLeftOut() throws {
    let chart = LineChart(
      title: "Loss",
      panels: [
        ChartPanel(
          xAxis: ChartAxis(title: "epoch"), yAxis: ChartAxis(title: "loss", scale: .logarithmic),
          series: [
            ChartSeries(name: "train", x: [1, 2, 3, 4, 5], y: [0.5, .nan, 0.2, 0, 0.1])
          ])
      ])
    let root = try parseXML(chart.svg())
    let points = root.descendants(withClass: "series").first?.attributes["points"] ?? ""
    #expect(points.split(separator: " ").count == 3)
  }

  @Test func controlCharactersAreDroppedFromText() throws {
    let chart = LineChart(
      title: "bell\u{07} and nul\u{00}",
      panels: [
        ChartPanel(
          xAxis: ChartAxis(title: "a\u{1B}b"), yAxis: ChartAxis(title: "y"),
          series: [ChartSeries(name: "x<y", x: [0, 1], y: [0, 1])])
      ])
    let root = try parseXML(chart.svg())
    #expect(root.descendants(named: "title").first?.text == "bell and nul")
    #expect(root.descendants(withClass: "axis-title").first?.text == "ab")
    #expect(root.descendants(withClass: "series").first?.attributes["data-series"] == "x<y")
  }

  @Test func fixedPaletteSlotsAreKept() {
    let chart = LineChart(
      title: "",
      panels: [
        ChartPanel(
          xAxis: ChartAxis(title: "x"), yAxis: ChartAxis(title: "y"),
          series: [
            ChartSeries(name: "a", x: [0, 1], y: [0, 1]),
            ChartSeries(name: "b", x: [0, 1], y: [1, 0], paletteSlot: 0),
          ])
      ])
    let styles = chart.resolvedStyles().byName
    #expect(styles["b"]?.color == ChartPalette.color(slot: 0))
    #expect(styles["a"]?.color == ChartPalette.color(slot: 1))
  }

  @Test func renderingIsDeterministic() {
    #expect(Self.rateDistortion.svg() == Self.rateDistortion.svg())
  }

  @Test func clipPathIdsDifferBetweenCharts() throws {
    var other = Self.rateDistortion
    other.title = "Another image"
    func clipIds(_ chart: LineChart) throws -> Set<String> {
      Set(
        try parseXML(chart.svg()).descendants(named: "clipPath").compactMap { $0.attributes["id"] })
    }
    let first = try clipIds(Self.rateDistortion)
    #expect(first.count == 4)
    #expect(first.isDisjoint(with: try clipIds(other)))
    // Every clip-path reference points at a clip path of the same document.
    let root = try parseXML(Self.rateDistortion.svg())
    for polyline in root.descendants(withClass: "series") {
      let reference = polyline.attributes["clip-path"] ?? ""
      #expect(first.contains(String(reference.dropFirst(5).dropLast())))
    }
  }
}
