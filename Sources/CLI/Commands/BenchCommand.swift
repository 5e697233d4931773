import Codec
import CommandLineKit
import Decoder
import Foundation
import Reports

/// `aez bench`: rate-distortion curves of aez and the classical codecs over a set of images.
struct BenchCommand {
  static let spec = CommandSpec(
    name: "bench",
    summary: "Measure rate and quality of aez and classical codecs over a set of images.",
    discussion: """
      Every codec codes every image at each of its qualities, one file per image, and the \
      table reports per setting the mean bits per pixel (for aez also of the payload alone), \
      the mean PSNR and MS-SSIM over images and the median speeds; then the Bjontegaard \
      delta rate and PSNR of each codec against the reference over their shared range.

      aez sweeps the members of the chosen model family (or, for a model that codes at any \
      quality, seven qualities over its range). Classical codecs run through cjpeg, cwebp, \
      avifenc and cjxl and their decoders; a codec whose tools are not on PATH is skipped \
      with a warning.

      --qualities takes a list for every codec (10,50,90) or for one (jpeg=10,50,90) and \
      may be repeated.
      """,
    options: [
      OptionSpec(
        "codecs", kind: .list(.choice(BenchCodec.names + ["jpeg-xl"])),
        valueName: "CODEC,...", default: BenchCodec.names.joined(separator: ","),
        help: "The codecs to measure, in the order shown."),
      OptionSpec(
        "qualities", kind: .string, valueName: "[CODEC=]Q,...", repeatable: true,
        help: "The qualities to sweep instead of each codec's defaults."),
      OptionSpec(
        "reference", kind: .choice(BenchCodec.names), valueName: "CODEC", default: "webp",
        help: "The codec the Bjontegaard deltas are computed against."),
      OptionSpec(
        "model", kind: .string, valueName: "NAME|FILE",
        help: "An aez model family or name (see 'aez models') or a model file."),
      OptionSpec(
        "jobs", short: "j", kind: .integer, default: "1", range: 1...256,
        help: "Images coded at once; the measurements do not depend on it, the speeds do."),
      OptionSpec(
        "json", kind: .path, valueName: "FILE", help: "Also write every measurement as JSON."),
      OptionSpec(
        "plot", kind: .path, valueName: "FILE.svg",
        help: "Also write the rate-distortion curves (PSNR and MS-SSIM) as SVG."),
      OptionSpec("force", help: "Replace existing output files."),
    ],
    positionals: [
      PositionalSpec(
        "inputs", valueName: "IN.png|DIR", arity: .oneOrMore, help: "PNG files or folders of them.")
    ])

  let parsed: ParsedArguments

  /// Plans the bench, warns about codecs it skips, runs it and prints and writes the results.
  ///
  /// - Throws: `UsageError` for bad options or no PNG files; `InputFileError`, `PNGError`
  ///   for unreadable images; `CodingError` when aez was asked for and no model fits; a
  ///   coding's error; `AtomicFileError` for an output that cannot be written.
  func run() throws {
    let paths = try ModelChoice.pngPaths(parsed.strings("inputs"))
    guard !paths.isEmpty else {
      throw UsageError.invalidUsage("the folders given hold no PNG files")
    }
    // A model file is an input too: no output may replace it.
    let inputs = paths + [parsed.string("model")].compactMap { $0 }.filter(isRegularFile)
    let outputs = [parsed.string("json"), parsed.string("plot")].compactMap { $0 }
    try Self.checkOutputs(outputs, force: parsed.flag("force"), inputs: inputs)

    var codecs: [BenchCodec] = []
    for name in parsed.strings("codecs") {
      if let codec = BenchCodec(name: name), !codecs.contains(codec) { codecs.append(codec) }
    }
    let reference = BenchCodec(name: parsed.string("reference") ?? "webp") ?? .classical(.webp)
    let qualities = try BenchQualities(parsing: parsed.strings("qualities"))
    let images = try paths.map { try InputImage(path: $0, bytes: try readInputFile($0)) }

    let bench = try Benchmark(
      images: images, codecs: codecs, qualities: qualities, reference: reference,
      catalog: try ModelChoice.catalog(adding: parsed.string("model")),
      modelChoice: parsed.string("model"), aezIsRequired: parsed.wasGiven("codecs"),
      runner: ClassicalCodecRunner())
    for skip in bench.skipped {
      printWarning("\(skip.codec) skipped: \(skip.reason)")
    }
    if !codecs.contains(reference) {
      printWarning(
        "the reference \(reference.name) is not among --codecs; no Bjontegaard deltas")
    }
    guard !bench.plans.isEmpty else {
      throw UsageError.invalidUsage("none of the codecs asked for can run here")
    }

    let total = bench.taskCount
    let progress = ProgressReporter(label: "bench", unit: "codings")
    progress.update(completed: 0, total: total)
    let result = try bench.run(jobs: parsed.integer("jobs") ?? 1) { done in
      progress.update(completed: done, total: total)
    }
    progress.finish()

    print(BenchTable.render(result))
    if let path = parsed.string("json") {
      try AtomicFile.write(
        Array(try ReportJSON.encode(result)), to: path, force: parsed.flag("force"),
        inputs: inputs)
      print("wrote \(path)")
    }
    if let path = parsed.string("plot") {
      try AtomicFile.write(
        Array(result.chart().svg().utf8), to: path, force: parsed.flag("force"), inputs: inputs)
      print("wrote \(path)")
    }
  }

  /// Refuses, before any work, outputs that could not be written at the end: two outputs
  /// with one name, an existing file without `force`, an input, a folder.
  ///
  /// - Throws: `UsageError` for a repeated name, `AtomicFileError` for the rest.
  static func checkOutputs(_ outputs: [String], force: Bool, inputs: [String]) throws {
    let resolved = outputs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    guard Set(resolved).count == resolved.count else {
      throw UsageError.invalidUsage(
        "two outputs have the same name: \(outputs.joined(separator: ", "))")
    }
    for output in outputs {
      // Opening checks the path and creates a temporary file; dropping it removes that file.
      _ = try AtomicFile(path: output, force: force, inputs: inputs)
    }
  }
}
