import CommandLineKit
import Decoder
import Foundation
import Image
import Models
import Synchronization

/// `aez decompress`: turns `.aez` files back into PNG images, several files at once.
struct DecompressCommand {
  static let spec = CommandSpec(
    name: "decompress",
    summary: "Decompress .aez files into PNG images.",
    discussion: """
      A single image goes to OUT.png (default: IN.png). An archive goes into a folder \
      (-o DIR/, default: IN without its extension), under the stored names or as \
      image-0001.png and so on.

      With --output-dir DIR, each input (folders are read for the .aez files directly in \
      them) goes to DIR/NAME.png, or to the folder DIR/NAME/ for an archive, several at \
      once (--jobs). A file that cannot be decoded is reported and skipped, and the exit \
      status is then 1; --skip-existing, --shard and Ctrl-C work as for compress.
      """,
    options: [
      OptionSpec(
        "output", short: "o", kind: .path, valueName: "OUT.png|DIR/",
        help: "Where to write the images of a single input."),
      OptionSpec(
        "output-dir", kind: .path, valueName: "DIR",
        help: "The folder for the images of every input (created if needed)."),
      OptionSpec(
        "model", kind: .path, valueName: "FILE",
        help: "A model file, when the files were not made by an embedded model."),
      OptionSpec("force", help: "Replace existing output files."),
      OptionSpec("json", help: "Print one JSON document listing what was written."),
    ] + BatchOptions.specs(writesFiles: true),
    positionals: [
      PositionalSpec(
        "inputs", valueName: "IN.aez|DIR", arity: .oneOrMore,
        help: "The files to decompress, or folders of them.")
    ])

  let parsed: ParsedArguments

  /// One PNG written.
  struct Written: Sendable, Encodable {
    var file: String
    var width: Int
    var height: Int
    var channels: Int
    var bitDepth: Int
    var decodeSeconds: Double

    enum CodingKeys: String, CodingKey {
      case file, width, height, channels
      case bitDepth = "bit_depth"
      case decodeSeconds = "decode_seconds"
    }

    /// `wrote FILE (WxH, C channels, D-bit)`.
    var line: String {
      "wrote \(file) (\(width)x\(height), \(channels) channels, \(bitDepth)-bit)"
    }
  }

  /// Where one input's images go.
  struct Target: Sendable {
    /// The path of the PNG when the input holds one image; `nil` to use the folder even then.
    var singleImage: String?
    /// The folder for an archive's images.
    var folder: String
  }

  /// What decoding one input gave: the PNGs written, and the images skipped because their
  /// output existed.
  struct Decoded: Sendable {
    var written: [Written]
    var skippedImages: Int
  }

  /// Works out where each input goes and decodes them.
  ///
  /// - Throws: `UsageError` for options that do not go together; `BatchFailure` when some
  ///   inputs failed; `InterruptedError` when a signal stopped the run.
  func run() throws {
    let options = try BatchOptions(parsed, writesFiles: true)
    let paths = try BatchInputs.files(in: parsed.strings("inputs"), suffix: "aez")
    guard !paths.isEmpty else {
      throw UsageError.invalidUsage("the folders given hold no .aez files")
    }
    let targets = try targets(for: paths)
    let catalog = try ModelChoice.catalog(adding: parsed.string("model"), optionIsFile: true)
    let inputs = options.select(paths)
    let selectedTargets = options.select(targets)
    let force = parsed.flag("force")
    let protectedFiles = [parsed.string("model")].compactMap { $0 }
    // The images of a single archive are shared among the jobs; with several inputs the
    // files are, and each archive's images are decoded in turn.
    let archiveJobs = inputs.count == 1 ? options.jobs : 1

    let json = parsed.flag("json") ? JSONObjectWriter() : nil
    let output = Mutex(json)
    output.withLock { $0?.beginArray("images") }
    let batch = BatchRun(label: "decompress", unit: "files", options: options)
    let counts = batch.run(
      inputs: inputs, makeWorker: { ModelCache() },
      task: { (cache: ModelCache, index: Int) -> BatchOutcome<Decoded> in
        BatchOutcome.of(inputs[index]) { () throws -> BatchOutcome<Decoded> in
          let decoded = try Self.decode(
            inputs[index], to: selectedTargets[index], catalog: catalog, cache: cache,
            jobs: archiveJobs, options: options, force: force, protectedFiles: protectedFiles)
          return decoded.written.isEmpty && decoded.skippedImages > 0 ? .skipped : .done(decoded)
        }
      },
      deliver: { (_, decoded: Decoded) in
        output.withLock { json in
          for file in decoded.written {
            if let json {
              // Records of numbers and strings always encode.
              try? json.appendElement(file)
            } else {
              print(file.line)
            }
          }
        }
      })

    try output.withLock { json in
      if let json {
        json.endArray()
        try json.add("failures", counts.failures)
        try json.add("files", counts)
        json.finish()
      } else if inputs.count > 1 || counts.skipped > 0 {
        print(counts.line(unit: "files"))
      }
    }
    try counts.finish(unit: "files", resumable: true)
  }

  /// Where each input's images go, from `-o` and `--output-dir`.
  ///
  /// - Throws: `UsageError` when the options do not fit the number of inputs.
  private func targets(for paths: [String]) throws -> [Target] {
    switch (parsed.string("output"), parsed.string("output-dir")) {
    case (.some, .some):
      throw UsageError.invalidUsage(
        "-o names the output of one input and --output-dir the folder for all; give one")
    case (.some(let output), nil):
      guard paths.count == 1 else {
        throw UsageError.invalidUsage(
          "-o names the output of one input; for several, name a folder with --output-dir DIR")
      }
      return [Target(singleImage: output.hasSuffix("/") ? nil : output, folder: output)]
    case (nil, .some(let folder)):
      let singles = try BatchInputs.outputs(for: paths, in: folder, suffix: "png")
      try BatchInputs.makeFolder(folder)
      return singles.map {
        Target(singleImage: $0, folder: ($0 as NSString).deletingPathExtension)
      }
    case (nil, nil):
      guard paths.count == 1, let path = paths.first else {
        throw UsageError.invalidUsage(
          "several inputs: name a folder for their images with --output-dir DIR")
      }
      let base = (path as NSString).deletingPathExtension
      return [Target(singleImage: base + ".png", folder: base)]
    }
  }

  /// Decodes the file at `path` and writes its images where `target` says.
  ///
  /// An archive's images are each written as soon as they are decoded, and none is started
  /// once a signal has arrived; with `jobs` above 1 several are decoded at once.
  ///
  /// - Throws: `InputFileError`, `ContainerError`, `CodingError`, `PNGError`,
  ///   `AtomicFileError`.
  private static func decode(
    _ path: String, to target: Target, catalog: ModelCatalog, cache: ModelCache, jobs: Int,
    options: BatchOptions, force: Bool, protectedFiles: [String]
  ) throws -> Decoded {
    let file = try ContainerFile.parse(try readInputFile(path))
    let modelEntry = try ImageDecoder.model(for: file, in: catalog)
    let entries = file.entries
    var destinations: [String]
    if entries.count == 1, let single = target.singleImage {
      destinations = [single]
    } else {
      try BatchInputs.makeFolder(target.folder)
      destinations = entries.enumerated().map { index, entry in
        (target.folder as NSString).appendingPathComponent(
          entry.name ?? String(format: "image-%04d.png", index + 1))
      }
    }
    let writing = Writing(
      maximumPixelCount: options.maximumPixelCount, skipExisting: options.skipExisting,
      force: force, inputs: [path] + protectedFiles)

    var written: [Written?] = []
    if jobs > 1 && entries.count > 1 {
      let results = Mutex<[Written?]>([])
      let fixedDestinations = destinations
      try ParallelTasks.forEach(
        count: entries.count, jobs: jobs, makeWorker: { ModelCache() },
        task: { workerCache, index in
          try writing.decode(
            entries[index], with: try workerCache.model(modelEntry),
            to: fixedDestinations[index])
        },
        shouldStop: { BatchRun.interruptMonitor.isRequested }
      ) { _, image in results.withLock { $0.append(image) } }
      written = results.withLock { $0 }
    } else {
      let model = try cache.model(modelEntry)
      for (entry, destination) in zip(entries, destinations) {
        if BatchRun.interruptMonitor.isRequested { break }
        written.append(try writing.decode(entry, with: model, to: destination))
      }
    }
    return Decoded(
      written: written.compactMap { $0 }, skippedImages: written.filter { $0 == nil }.count)
  }

  /// How each image is decoded and written.
  private struct Writing: Sendable {
    var maximumPixelCount: Int
    var skipExisting: Bool
    var force: Bool
    /// The files no output may replace.
    var inputs: [String]

    /// Decodes `entry` and writes it to `destination`; `nil` when it is skipped because the
    /// output exists.
    func decode(_ entry: ContainerEntry, with model: LoadedModel, to destination: String)
      throws -> Written?
    {
      if skipExisting && FileManager.default.fileExists(atPath: destination) { return nil }
      let start = Date()
      let image = try ImageDecoder.decode(
        entry, with: model, maximumPixelCount: maximumPixelCount
      ).image
      let seconds = Date().timeIntervalSince(start)
      try AtomicFile.write(try PNG.encode(image), to: destination, force: force, inputs: inputs)
      return Written(
        file: destination, width: image.width, height: image.height,
        channels: image.channelCount, bitDepth: image.sourceBitDepth, decodeSeconds: seconds)
    }
  }
}
