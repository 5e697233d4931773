import Codec
import CommandLineKit
import Decoder
import Foundation

/// `aez compress` and `aez eval`: code images and report what it cost and how close it came.
struct CompressCommand {
  static let spec = CommandSpec(
    name: "compress",
    summary: "Compress PNG images into one .aez file and report sizes and errors.",
    discussion: """
      Several images, or a folder, go into one archive, so small images share one header. \
      Without --model, 28x28 grey images use the digits family and others the photo model.
      """,
    options: sharedOptions + [
      OptionSpec(
        "output", short: "o", kind: .path, valueName: "OUT.aez",
        help: "The file to write (default: IN.aez for one input)."),
      OptionSpec("force", help: "Replace an existing output file."),
      OptionSpec("no-names", help: "Do not store file names in an archive (saves their bytes)."),
    ],
    positionals: [
      PositionalSpec(
        "inputs", valueName: "IN.png", arity: .oneOrMore, help: "PNG files or folders of them.")
    ])

  static let evalSpec = CommandSpec(
    name: "eval",
    summary: "Compress and decompress in memory and report, writing nothing.",
    options: sharedOptions,
    positionals: [
      PositionalSpec(
        "inputs", valueName: "IN.png|DIR", arity: .oneOrMore, help: "PNG files or folders of them.")
    ])

  static let sharedOptions = [
    OptionSpec(
      "model", kind: .string, valueName: "NAME|FILE",
      help: "A model family or name (see 'aez models') or a model file."),
    OptionSpec(
      "quality", kind: .double, default: "75", range: 0...100,
      help: "0 to 100: higher means better quality and more bits."),
    OptionSpec(
      "target-bpp", kind: .double, valueName: "X", range: 0.000_1...64,
      help: "Aim for X bits per pixel (the image stored alone) instead of a fixed quality."),
    OptionSpec(
      "target-psnr", kind: .double, valueName: "DB", range: 1...100,
      help: "Use the lowest quality whose PSNR reaches DB decibels."),
    OptionSpec(
      "drop-alpha", help: "Do not keep the alpha channel (it is kept exactly by default)."),
    OptionSpec("json", help: "Print one JSON document instead of a table."),
  ]

  let parsed: ParsedArguments
  let writesFile: Bool

  func run() throws {
    let paths = try ModelChoice.pngPaths(parsed.strings("inputs"))
    let target = try rateTarget()
    let quality = parsed.double("quality") ?? 75
    var outputPath: String?
    if writesFile {
      outputPath = try self.outputPath(for: paths)
    }
    let inputs = try paths.map { try InputImage(path: $0, bytes: try readInputFile($0)) }
    let catalog = try ModelChoice.catalog(adding: parsed.string("model"))
    let model = try ModelChoice.model(
      option: parsed.string("model"), target: target, images: inputs.map(\.image),
      catalog: catalog)
    // Checked here so that with several inputs the message names the image that does not fit.
    for input in inputs where !model.accepts(width: input.image.width, height: input.image.height) {
      throw InputFileError(
        path: input.path,
        reason: CodingError.imageDoesNotFitModel(
          model: model.entry.name, expected: model.imageKind,
          actual: "\(input.image.width)x\(input.image.height) \(input.image.layout)"
        ).description)
    }

    // Progress only for sets large enough to take a while.
    let progress =
      inputs.count >= 100
      ? ProgressReporter(label: writesFile ? "compress" : "eval", unit: "images") : nil
    let session = try CompressionSession(
      inputs: inputs, model: model, target: target,
      alpha: parsed.flag("drop-alpha") ? .drop : .keep,
      storeNames: inputs.count > 1 && !(writesFile && parsed.flag("no-names"))
    ) { done in
      progress?.update(completed: done, total: 2 * inputs.count)
    }
    progress?.finish()
    if let outputPath {
      try AtomicFile.write(
        session.fileBytes, to: outputPath, force: parsed.flag("force"), inputs: paths)
    }
    if parsed.flag("json") {
      try printJSON(Report(images: session.reports, summary: session.summary, output: outputPath))
    } else {
      print(ReportTable.render(session.reports, summary: session.summary))
      if let outputPath { print("wrote \(outputPath) (\(session.fileBytes.count) bytes)") }
    }
  }

  /// The quality, or the size or PSNR to aim for; at most one of the three may be given.
  private func rateTarget() throws -> RateTarget {
    let given = ["quality", "target-bpp", "target-psnr"].filter(parsed.wasGiven)
    guard given.count <= 1 else {
      throw UsageError.invalidUsage(
        "give only one of " + given.map { "--" + $0 }.joined(separator: ", "))
    }
    if let bitsPerPixel = parsed.double("target-bpp") { return .bitsPerPixel(bitsPerPixel) }
    if let decibels = parsed.double("target-psnr") { return .psnr(decibels) }
    return .quality(parsed.double("quality") ?? 75)
  }

  private func outputPath(for paths: [String]) throws -> String {
    if let output = parsed.string("output") { return output }
    guard paths.count == 1, let input = paths.first else {
      throw UsageError.invalidUsage("several inputs go into one archive: name it with -o OUT.aez")
    }
    return ((input as NSString).deletingPathExtension) + ".aez"
  }

  struct Report: Encodable {
    var images: [ImageReport]
    var summary: SetReport
    var output: String?
  }
}
