import Codec
import CommandLineKit
import Decoder
import Foundation

/// `aez compress` and `aez eval`: code images and report what it cost and how close it came.
///
/// Three ways to compress: one file per image into a folder (`--output-dir`, in parallel),
/// every image into one archive (`-o OUT.aez`), or a single image next to itself. `eval`
/// codes each image as a file of its own too, in memory, and writes nothing.
struct CompressCommand {
  static let spec = CommandSpec(
    name: "compress",
    summary: "Compress PNG images into .aez files and report sizes and errors.",
    discussion: """
      With --output-dir DIR, every PNG (folders are read for the PNG files directly in \
      them) becomes DIR/NAME.aez, several at once (--jobs). A file that cannot be coded is \
      reported and skipped, the others go on, and the exit status is then 1. --skip-existing \
      resumes an interrupted run; --shard I/N codes only every N-th input from the I-th, so \
      N machines given the same inputs share them with no coordination. Ctrl-C or SIGTERM \
      stops after the files in progress, keeps every finished output, leaves no partial \
      file and exits 130.

      With -o OUT.aez, all the images go into one archive, where small images share one \
      header (the archive holds the images that could be coded). A single input without \
      either option goes to IN.aez.

      Without --model, 28x28 grey images use the digits family and others the photo model.
      """,
    options: sharedOptions + [
      OptionSpec(
        "output-dir", kind: .path, valueName: "DIR",
        help: "Write one DIR/NAME.aez per image (the folder is created if needed)."),
      OptionSpec(
        "output", short: "o", kind: .path, valueName: "OUT.aez",
        help: "Write every image into this one archive."),
      OptionSpec("force", help: "Replace existing output files."),
      OptionSpec("no-names", help: "Do not store file names in an archive (saves their bytes)."),
    ] + BatchOptions.specs(writesFiles: true),
    positionals: [
      PositionalSpec(
        "inputs", valueName: "IN.png|DIR", arity: .oneOrMore, help: "PNG files or folders of them.")
    ])

  static let evalSpec = CommandSpec(
    name: "eval",
    summary: "Compress and decompress in memory and report, writing nothing.",
    discussion: """
      Each image is coded as a .aez file of its own would be, several at once (--jobs); \
      the report gives each image and the totals. A file that cannot be coded is reported \
      and skipped, and the exit status is then 1.
      """,
    options: sharedOptions + BatchOptions.specs(writesFiles: false),
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

  /// The most reports the table keeps; beyond it the table shows the first ten.
  static let tableRowLimit = 20

  let parsed: ParsedArguments
  let writesFile: Bool

  /// Works out the mode from the options and runs it.
  ///
  /// - Throws: `UsageError` for options that do not go together or no inputs; the batch's
  ///   `BatchFailure` or `InterruptedError`; errors that stop the whole run (a model file
  ///   that cannot be read, an archive that cannot be written).
  func run() throws {
    let options = try BatchOptions(parsed, writesFiles: writesFile)
    let paths = try BatchInputs.files(in: parsed.strings("inputs"), suffix: "png")
    guard !paths.isEmpty else {
      throw UsageError.invalidUsage("the folders given hold no PNG files")
    }
    let settings = try CompressionSettings(parsed, maximumPixelCount: options.maximumPixelCount)
    guard writesFile else {
      return try runFiles(options.select(paths), outputs: nil, settings: settings, options: options)
    }

    switch (parsed.string("output"), parsed.string("output-dir")) {
    case (.some, .some):
      throw UsageError.invalidUsage(
        "-o names one archive and --output-dir a folder for one file each; give one of them")
    case (.some(let archive), nil):
      try runArchive(options.select(paths), to: archive, settings: settings, options: options)
    case (nil, .some(let folder)):
      let outputs = try BatchInputs.outputs(for: paths, in: folder, suffix: "aez")
      try BatchInputs.makeFolder(folder)
      try runFiles(
        options.select(paths), outputs: options.select(outputs), settings: settings,
        options: options, outputFolder: folder)
    case (nil, nil):
      guard paths.count == 1, let path = paths.first else {
        throw UsageError.invalidUsage(
          "several inputs: name one archive with -o OUT.aez, "
            + "or a folder for one file each with --output-dir DIR")
      }
      let output = (path as NSString).deletingPathExtension + ".aez"
      try runFiles(
        options.select(paths), outputs: options.select([output]), settings: settings,
        options: options)
    }
  }
}
