import Codec
import CommandLineKit
import Foundation

/// Prints `value` as pretty JSON with sorted keys on standard output.
func printJSON(_ value: some Encodable) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Writes a line of information, not a result, to standard error.
func printNote(_ message: String) {
  FileStream.standardError.write(message + "\n")
}

/// The human-readable table of a compression report.
enum ReportTable {
  /// The table of `reports` and the summary row: every report when the set has at most 20
  /// images, else the first 10 and a count of the rest.
  ///
  /// - Parameters:
  ///   - reports: The set's first reports, in order; at least 10 when it has over 20 images.
  ///   - summary: The whole set's summary, which says how many images there are.
  static func render(_ reports: [ImageReport], summary: SetReport) -> String {
    var table = TextTable(headers: [
      "image", "size", "png B", "raw B", "aez B", "bits", "bpp", "x raw", "x png", "MSE",
      "PSNR dB", "SSIM", "enc ms", "dec ms",
    ])
    let rows = summary.images > 20 ? Array(reports.prefix(10)) : reports
    for report in rows {
      table.append([
        (report.file as NSString).lastPathComponent,
        "\(report.width)x\(report.height)x\(report.channels)", "\(report.pngBytes)",
        "\(report.rawBytes)", Format.fixed(report.aezBytes, decimals: 1),
        Format.fixed(report.bitsPerImage, decimals: 0), Format.fixed(report.bpp, decimals: 3),
        Format.fixed(report.ratioRaw, decimals: 1), Format.fixed(report.ratioPng, decimals: 1),
        Format.fixed(report.mse, decimals: 2), Format.fixed(report.psnr, decimals: 2),
        Format.fixed(report.ssim, decimals: 4),
        Format.fixed(report.encodeSeconds * 1000, decimals: 1),
        Format.fixed(report.decodeSeconds * 1000, decimals: 1),
      ])
    }
    if rows.count < summary.images {
      table.append(["(\(summary.images - rows.count) more)"] + Array(repeating: "", count: 13))
    }
    table.append([
      "all \(summary.images)", "", "\(summary.pngBytes)", "\(summary.rawBytes)",
      "\(summary.aezBytes)", Format.fixed(summary.bitsPerImage, decimals: 0),
      Format.fixed(summary.bpp, decimals: 3), Format.fixed(summary.ratioRaw, decimals: 1),
      Format.fixed(summary.ratioPng, decimals: 1), Format.fixed(summary.mse, decimals: 2),
      Format.fixed(summary.psnr, decimals: 2), Format.fixed(summary.ssim, decimals: 4),
      Format.fixed(summary.encodeSeconds * 1000, decimals: 1),
      Format.fixed(summary.decodeSeconds * 1000, decimals: 1),
    ])
    return table.render()
      + "\nmodel \(summary.model), quality \(Format.fixed(summary.quality, decimals: 0)); "
      + "payload \(Format.fixed(summary.payloadBitsPerImage, decimals: 1)) bits/image, "
      + "whole file \(Format.fixed(summary.bitsPerImage, decimals: 1)) bits/image"
  }
}
