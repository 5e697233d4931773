import CommandLineKit
import Foundation

/// The human-readable report of a bench: a table of every measured point, then a table of
/// the Bjøntegaard deltas against the reference.
enum BenchTable {
  /// Renders `result` as text, without a final line break.
  static func render(_ result: BenchResult) -> String {
    var points = TextTable(headers: [
      "codec", "quality", "model", "bpp", "payload bpp", "PSNR dB", "MS-SSIM", "enc MP/s",
      "dec MP/s",
    ])
    for curve in result.curves {
      for point in curve.points {
        points.append([
          curve.name, point.quality.map(BenchCodec.qualityText) ?? "-",
          point.model.map { ($0 as NSString).lastPathComponent } ?? "-",
          Format.fixed(point.bitsPerPixel, decimals: 4),
          point.payloadBitsPerPixel.map { Format.fixed($0, decimals: 4) } ?? "-",
          Format.fixed(point.psnr, decimals: 2), Format.fixed(point.msSSIM, decimals: 4),
          Format.rate(point.encodeMegapixelsPerSecond),
          Format.rate(point.decodeMegapixelsPerSecond),
        ])
      }
    }
    let count = result.images.count
    var text =
      "\(count) image\(count == 1 ? "" : "s"); means over images, speeds are medians "
      + "(classical tools include process start-up)\n\n" + points.render()

    guard !result.deltas.isEmpty else { return text }
    let reference = BenchCodec(name: result.reference)?.description ?? result.reference
    var deltas = TextTable(headers: [
      "codec", "BD-rate", "BD-PSNR dB", "over PSNR dB", "over bpp", "note",
    ])
    for delta in result.deltas {
      let name = result.curves.first { $0.codec == delta.codec }?.name ?? delta.codec
      deltas.append([
        name,
        delta.rate.map { signed($0, decimals: 1) + "%" } ?? "-",
        delta.psnr.map { signed($0, decimals: 2) } ?? "-",
        range(delta.psnrRange, decimals: 2), range(delta.bitsPerPixelRange, decimals: 3),
        delta.reason ?? "",
      ])
    }
    text += "\n\nBjontegaard deltas against \(reference) (negative BD-rate: fewer bits at equal "
    text += "PSNR)\n\n" + deltas.render()
    return text
  }

  /// The value with its sign always shown, as in `+3.2` and `-1.0`.
  private static func signed(_ value: Double, decimals: Int) -> String {
    (value >= 0 ? "+" : "") + Format.fixed(value, decimals: decimals)
  }

  private static func range(_ bounds: [Double]?, decimals: Int) -> String {
    guard let bounds, bounds.count == 2 else { return "-" }
    return Format.fixed(bounds[0], decimals: decimals) + "-"
      + Format.fixed(bounds[1], decimals: decimals)
  }
}
