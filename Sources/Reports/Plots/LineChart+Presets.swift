extension LineChart {
  /// A chart of training and validation loss per epoch.
  ///
  /// Training loss is a solid line, validation loss a dashed one in the next colour. Loss
  /// falls over orders of magnitude early in training, so a logarithmic loss axis is the
  /// default; non-positive losses are then left out.
  ///
  /// - Parameters:
  ///   - title: The chart title.
  ///   - training: `(epoch, loss)` points for the training set.
  ///   - validation: `(epoch, loss)` points for the validation set; empty for none.
  ///   - lossTitle: The loss axis title, for example `"loss (rate + λ·MSE)"`.
  ///   - lossScale: Linear or logarithmic loss axis.
  public static func trainingLoss(
    title: String, training: [ChartPoint], validation: [ChartPoint] = [],
    lossTitle: String = "loss", lossScale: AxisScale = .logarithmic
  ) -> LineChart {
    var series = [ChartSeries(name: "training", points: training)]
    if !validation.isEmpty {
      series.append(ChartSeries(name: "validation", points: validation, lineStyle: .dashed))
    }
    return LineChart(
      title: title,
      panels: [
        ChartPanel(
          xAxis: ChartAxis(title: "epoch"), yAxis: ChartAxis(title: lossTitle, scale: lossScale),
          series: series)
      ])
  }

  /// A rate-distortion chart: bits per pixel against PSNR and, when any curve has MS-SSIM
  /// values, a second panel of bits per pixel against MS-SSIM.
  ///
  /// One series per curve, named after it, with the same colour in both panels; points
  /// are sorted by rate so that each curve is drawn left to right.
  ///
  /// - Parameters:
  ///   - title: The chart title, for example the image's name.
  ///   - curves: One curve per codec.
  ///   - rateScale: Linear or logarithmic bits-per-pixel axis; logarithmic spreads out the
  ///     low rates where learned codecs differ most.
  ///   - paletteSlots: Fixed palette slots by curve name, to keep colours the same across
  ///     several charts; names not listed get the free slots in order.
  public static func rateDistortion(
    title: String, curves: [RateDistortionCurve], rateScale: AxisScale = .linear,
    paletteSlots: [String: Int] = [:]
  ) -> LineChart {
    let sorted = curves.map { curve in
      (name: curve.name, points: curve.points.sorted { $0.bitsPerPixel < $1.bitsPerPixel })
    }
    let rateAxis = ChartAxis(title: "bits per pixel", scale: rateScale)
    var panels = [
      ChartPanel(
        title: "PSNR", xAxis: rateAxis, yAxis: ChartAxis(title: "PSNR (dB)"),
        series: sorted.map { curve in
          ChartSeries(
            name: curve.name,
            points: curve.points.map { ChartPoint(x: $0.bitsPerPixel, y: $0.psnr) },
            paletteSlot: paletteSlots[curve.name])
        })
    ]
    if curves.contains(where: { $0.points.contains { $0.msSSIM != nil } }) {
      panels.append(
        ChartPanel(
          title: "MS-SSIM", xAxis: rateAxis, yAxis: ChartAxis(title: "MS-SSIM"),
          series: sorted.map { curve in
            ChartSeries(
              name: curve.name,
              points: curve.points.compactMap { point in
                point.msSSIM.map { ChartPoint(x: point.bitsPerPixel, y: $0) }
              },
              paletteSlot: paletteSlots[curve.name])
          }))
    }
    return LineChart(title: title, panels: panels)
  }
}
