import Image
import Models
import NumericCore
import Reports
import Training

/// The pictures `aez train` writes after each epoch: loss curves and a reconstruction grid.
enum TrainingPlots {
  /// The loss curves of a run as SVG: training and validation loss per epoch.
  static func lossCurves(_ history: [EpochFigures], title: String) -> String {
    LineChart.trainingLoss(
      title: title,
      training: history.map { ChartPoint(x: Double($0.epoch), y: $0.trainingLoss) },
      validation: history.map { ChartPoint(x: Double($0.epoch), y: $0.validationLoss) },
      lossTitle: "loss (distortion + λ·bits)"
    ).svg()
  }

  /// A grid of the first `count` validation images: originals on the first row, their
  /// reconstructions on the second and the amplified errors on the third, magnified 4x.
  static func reconstructionGrid(
    model: FactorizedCodec, images: GreyImageSet, count: Int = 8
  ) throws -> [UInt8] {
    let shown = min(count, images.count)
    let batch = Tensor(
      shape: [shown, 1, images.height, images.width], scalars: images.batch(0..<shown))
    let reconstructions = model.reconstruct(
      latents: model.quantizedLatents(of: batch), count: shown
    ).scalars
    let pixels = images.height * images.width
    func picture(_ values: ArraySlice<Float>) -> PixelBuffer {
      PixelBuffer(
        floatPlanes: Array(values), width: images.width, height: images.height, layout: .grey,
        sampleDepth: .eight)
    }
    var rows: [[PixelBuffer]] = [[], [], []]
    for index in 0..<shown {
      let range = index * pixels..<(index + 1) * pixels
      let original = picture(batch.scalars[range])
      let reconstruction = picture(reconstructions[range])
      rows[0].append(original.magnified(by: 4))
      rows[1].append(reconstruction.magnified(by: 4))
      rows[2].append(
        try ErrorImage.difference(reference: original, reconstruction: reconstruction)
          .magnified(by: 4))
    }
    return try PNG.encode(ImageGrid.compose(rows: rows, padding: 4, background: 128))
  }
}
