import Codec
import CommandLineKit
import Decoder
import Foundation
import Image
import Reports

/// `aez compare`: one image coded by aez and by each classical codec at the same rate, shown
/// side by side.
struct CompareCommand {
  static let spec = CommandSpec(
    name: "compare",
    summary: "Show an image coded by aez and by each classical codec at the same rate.",
    discussion: """
      aez codes the image at --quality (default 75), or at the model or quality whose file \
      comes nearest --bpp. Each classical codec found on PATH then codes it at the quality \
      whose file size comes nearest aez's. The SVG shows the original and every \
      reconstruction with an enlarged detail, labelled with bits per pixel and PSNR; --png \
      writes the same images, unlabelled, as a PNG grid.
      """,
    options: [
      OptionSpec(
        "output", short: "o", kind: .path, valueName: "OUT.svg",
        help: "The SVG figure to write (required)."),
      OptionSpec(
        "bpp", kind: .double, valueName: "X", range: 0.001...64,
        help: "Code aez at the setting whose file is nearest X bits per pixel."),
      OptionSpec(
        "quality", kind: .double, valueName: "Q", range: 0...100,
        help: "Code aez at quality Q (default 75)."),
      OptionSpec(
        "png", kind: .path, valueName: "GRID.png",
        help: "Also write the original and the reconstructions as an unlabelled PNG grid."),
      OptionSpec(
        "model", kind: .string, valueName: "NAME|FILE",
        help: "An aez model family or name (see 'aez models') or a model file."),
      OptionSpec("force", help: "Replace existing output files."),
    ],
    positionals: [PositionalSpec("input", valueName: "IMAGE.png", help: "The image to compare.")])

  /// The quality aez codes at when neither `--quality` nor `--bpp` is given, as `compress`.
  static let defaultQuality = 75.0

  /// The relative rate difference from aez above which a codec's match is called out: a
  /// codec whose lowest quality still costs more, or whose highest costs less.
  static let rateTolerance = 0.1

  let parsed: ParsedArguments

  /// One coded version of the image, for the figure and the table.
  private struct Panel {
    var codec: String
    var setting: String
    var bytes: Int
    var bitsPerPixel: Double
    var psnr: Double
    var msSSIM: Double
    var image: PixelBuffer
  }

  /// Codes the image with aez and every available classical codec, prints their figures and
  /// writes the comparison.
  ///
  /// - Throws: `UsageError` for bad options; `InputFileError`, `PNGError` for an unreadable
  ///   image; `CodingError` when no model fits it; `ClassicalCodecError` when a tool fails;
  ///   `AtomicFileError` for an output that cannot be written.
  func run() throws {
    guard let output = parsed.string("output") else {
      throw UsageError.invalidUsage("name the figure to write with -o OUT.svg")
    }
    if parsed.wasGiven("bpp") && parsed.wasGiven("quality") {
      throw UsageError.invalidUsage("give --bpp or --quality, not both")
    }
    let path = parsed.strings("input")[0]
    let force = parsed.flag("force")
    let inputs = [path] + [parsed.string("model")].compactMap { $0 }.filter(isRegularFile)
    try BenchCommand.checkOutputs(
      [output] + [parsed.string("png")].compactMap { $0 }, force: force, inputs: inputs)

    let input = try InputImage(path: path, bytes: try readInputFile(path))
    let models = try AEZModels(
      choice: parsed.string("model"), images: [input],
      catalog: try ModelChoice.catalog(adding: parsed.string("model")))
    let runner = ClassicalCodecRunner()
    var codecs: [ClassicalCodec] = []
    for codec in ClassicalCodec.allCases {
      if case .missing(let tools) = runner.availability(of: codec) {
        printWarning(
          "\(BenchCodec.classical(codec).name) skipped: "
            + "\(ClassicalCodecError.toolMissing(codec: codec, tools: tools))")
      } else {
        codecs.append(codec)
      }
    }

    let progress = ProgressReporter(label: "compare", unit: "codecs")
    progress.update(completed: 0, total: codecs.count + 1)
    let worker = BenchWorker(runner: runner)
    let aez: AEZRoundTrip
    if let target = parsed.double("bpp") {
      aez = try AEZRateSearch.nearest(
        targetBitsPerPixel: target, models: models, input: input, worker: worker)
    } else {
      let quality = parsed.double("quality") ?? Self.defaultQuality
      aez = try worker.roundTrip(models.setting(for: quality), on: input)
    }
    progress.advance()
    var panels = [aezPanel(aez)]
    var farOff: [String] = []
    for codec in codecs {
      let search = try runner.searchQuality(
        codec, targetBitsPerPixel: aez.measurement.bitsPerPixel, on: input.image)
      let result = search.result
      let quality = try ImageMeasurement.quality(
        reference: result.reference, decoded: result.decoded)
      panels.append(
        Panel(
          codec: codec.description, setting: "q\(result.quality)",
          bytes: result.compressedByteCount, bitsPerPixel: result.bitsPerPixel,
          psnr: quality.psnr, msSSIM: quality.msSSIM, image: result.decoded))
      if abs(result.bitsPerPixel / aez.measurement.bitsPerPixel - 1) > Self.rateTolerance {
        farOff.append(
          "\(BenchCodec.classical(codec).name) cannot match aez's "
            + "\(Format.fixed(aez.measurement.bitsPerPixel, decimals: 3)) bpp: its nearest is "
            + "\(Format.fixed(result.bitsPerPixel, decimals: 3)) bpp, at q\(result.quality)")
      }
      progress.advance()
    }
    progress.finish()
    for message in farOff { printWarning(message) }

    let original = input.image.removingAlpha()
    let name = (path as NSString).lastPathComponent
    let figure = ComparisonFigure(
      title: "\(name): each codec at the rate nearest aez's "
        + "\(Format.fixed(aez.measurement.bitsPerPixel, decimals: 3)) bpp",
      original: original,
      entries: panels.map {
        ComparisonEntry(
          label: "\($0.codec) \($0.setting)", image: $0.image, bitsPerPixel: $0.bitsPerPixel,
          psnr: $0.psnr)
      })
    let svg = try figure.svg()

    print(Self.table(panels))
    try AtomicFile.write(Array(svg.utf8), to: output, force: force, inputs: inputs)
    print("wrote \(output)")
    if let gridPath = parsed.string("png") {
      let images = [original] + panels.map(\.image)
      let rows = stride(from: 0, to: images.count, by: figure.columns).map {
        Array(images[$0..<min($0 + figure.columns, images.count)])
      }
      let grid = ImageGrid.compose(rows: rows, padding: 4, background: 255)
      try AtomicFile.write(try PNG.encode(grid), to: gridPath, force: force, inputs: inputs)
      print("wrote \(gridPath)")
    }
  }

  /// aez's panel: the model's file name and quality as the setting.
  private func aezPanel(_ aez: AEZRoundTrip) -> Panel {
    let model = ((aez.setting.model?.name ?? "") as NSString).lastPathComponent
    let quality = aez.setting.quality.map { " q" + BenchCodec.qualityText($0) } ?? ""
    return Panel(
      codec: "aez", setting: model + quality, bytes: aez.fileByteCount,
      bitsPerPixel: aez.measurement.bitsPerPixel, psnr: aez.measurement.psnr,
      msSSIM: aez.measurement.msSSIM, image: aez.decoded)
  }

  private static func table(_ panels: [Panel]) -> String {
    var table = TextTable(headers: ["codec", "setting", "bytes", "bpp", "PSNR dB", "MS-SSIM"])
    for panel in panels {
      table.append([
        panel.codec, panel.setting, "\(panel.bytes)", Format.fixed(panel.bitsPerPixel, decimals: 4),
        Format.fixed(panel.psnr, decimals: 2), Format.fixed(panel.msSSIM, decimals: 4),
      ])
    }
    return table.render()
  }
}
