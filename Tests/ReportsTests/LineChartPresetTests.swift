import Testing

@testable import Reports

struct LineChartPresetTests {
  @Test func rateDistortionHasAnMSSSIMPanelOnlyWhenMeasured() throws {
    let withSSIM = RateDistortionCurve(
      name: "WebP",
      points: [
        RateDistortionPoint(bitsPerPixel: 1.0, psnr: 33, msSSIM: 0.98),
        RateDistortionPoint(bitsPerPixel: 0.25, psnr: 27, msSSIM: 0.9),
        RateDistortionPoint(bitsPerPixel: 0.5, psnr: 30, msSSIM: 0.95),
      ])
    let psnrOnly = RateDistortionCurve(
      name: "JPEG",
      points: withSSIM.points.map {
        RateDistortionPoint(bitsPerPixel: $0.bitsPerPixel * 1.3, psnr: $0.psnr)
      })

    let two = LineChart.rateDistortion(title: "RD", curves: [psnrOnly, withSSIM])
    #expect(two.panels.count == 2)
    #expect(two.panels[0].series.map(\.name) == ["JPEG", "WebP"])
    // Points are drawn in order of rate.
    #expect(two.panels[0].series[1].points.map(\.x) == [0.25, 0.5, 1.0])
    #expect(two.panels[1].series[0].points.isEmpty)
    #expect(two.panels[1].series[1].points.map(\.y) == [0.9, 0.95, 0.98])
    let root = try parseXML(two.svg())
    #expect(root.descendants(withClass: "panel").count == 2)

    let one = LineChart.rateDistortion(
      title: "RD", curves: [psnrOnly], rateScale: .logarithmic, paletteSlots: ["JPEG": 4])
    #expect(one.panels.count == 1)
    #expect(one.panels[0].xAxis.scale == .logarithmic)
    #expect(one.resolvedStyles().byName["JPEG"]?.color == ChartPalette.color(slot: 4))
  }

  @Test func trainingLossDashesValidation() throws {
    let chart = LineChart.trainingLoss(
      title: "Loss",
      training: (1...50).map { ChartPoint(x: Double($0), y: 1 / Double($0)) },
      validation: [ChartPoint(x: 10, y: 0.12), ChartPoint(x: 20, y: 0.06)])
    let root = try parseXML(chart.svg())
    let lines = root.descendants(withClass: "series")
    #expect(lines.map { $0.attributes["data-series"] } == ["training", "validation"])
    #expect(lines.map { $0.attributes["stroke-dasharray"] } == ["none", "6 4"])
    // 50 training points exceed the automatic marker limit; 2 validation points do not.
    #expect(
      root.descendants(withClass: "markers").map { $0.attributes["data-series"] } == [
        "validation"
      ])
    let yLabels = root.descendants(withClass: "y-axis")[0].descendants(withClass: "tick-label")
    #expect(yLabels.map(\.text) == ["0.02", "0.05", "0.1", "0.2", "0.5", "1"])
  }
}
