import Codec
import CommandLineKit
import Decoder
import Foundation
import Image
import Models
import Synchronization

extension CompressCommand {
  /// One image coded as an archive entry, with its report still missing its share of the
  /// archive's overhead.
  struct ArchivedImage: Sendable {
    var entry: ContainerEntry
    var report: ImageReport
    var model: CatalogModel
  }

  /// Codes `inputs` into the one archive `path`, several images at once.
  ///
  /// Only the coded entries and the reports are kept while the images stream past; each
  /// image is decoded from its entry and measured as soon as it is coded. An input that
  /// fails is reported and left out. The archive is written once every image is coded, and
  /// not at all when a signal stops the run.
  ///
  /// - Throws: `UsageError` for names an archive cannot hold; `CodingError.mixedModels`
  ///   when the images need different models and `--model` does not choose; the output's
  ///   `AtomicFileError`; `BatchFailure` or `InterruptedError` as `runFiles` does.
  func runArchive(
    _ inputs: [String], to path: String, settings: CompressionSettings, options: BatchOptions
  ) throws {
    if options.skipExisting && FileManager.default.fileExists(atPath: path) {
      print("skipped: \(path) exists")
      return
    }
    // Refused now rather than after every image is coded; dropping the file removes it.
    _ = try AtomicFile(
      path: path, force: parsed.flag("force"), inputs: inputs + settings.protectedFiles)
    let names = try archiveNames(inputs)
    let entry = try archiveModel(inputs, settings: settings)

    let images = Mutex<[ArchivedImage]>([])
    let batch = BatchRun(label: "compress", unit: "files", options: options)
    let counts = batch.run(
      inputs: inputs, makeWorker: { ModelCache() },
      task: { (cache: ModelCache, index: Int) -> BatchOutcome<ArchivedImage> in
        BatchOutcome.of(inputs[index]) { () throws -> BatchOutcome<ArchivedImage> in
          let input = try settings.read(inputs[index])
          let entry = try entry ?? settings.entry(for: input.image)
          let model = try cache.model(entry)
          try CompressionSettings.check(input, fits: model)
          let start = Date()
          let coded = try ImageEncoder.encode(
            input.image, name: names?[index], model: model, target: settings.target,
            alpha: settings.alpha)
          let encodeSeconds = Date().timeIntervalSince(start)
          let decodeStart = Date()
          let decoded = try ImageDecoder.decode(coded, with: model).image
          let report = try ImageReport(
            measuring: input, decoded: decoded, payloadBytes: coded.payload.count,
            overheadShare: 0, encodeSeconds: encodeSeconds,
            decodeSeconds: Date().timeIntervalSince(decodeStart), model: entry.name,
            quality: coded.header.quality)
          return .done(ArchivedImage(entry: coded, report: report, model: entry))
        }
      },
      deliver: { (_, image: ArchivedImage) in images.withLock { $0.append(image) } })

    let coded = images.withLock { $0 }
    if counts.interruptedBy == nil, let first = coded.first,
      let written = try writeArchive(coded, to: path, model: first.model)
    {
      try printArchive(written, to: path, counts: counts)
    } else if parsed.flag("json") {
      try printJSON(["files": counts])
    }
    try counts.finish(unit: "files", resumable: false)
  }

  /// An archive written, with its reports complete.
  struct WrittenArchive {
    var byteCount: Int
    var reports: [ImageReport]
    var summary: SetReport
  }

  /// Writes the archive of `images`, checks that it reads back, and completes the reports
  /// with each image's share of the overhead; `nil` when there is no image to write.
  private func writeArchive(_ images: [ArchivedImage], to path: String, model entry: CatalogModel)
    throws -> WrittenArchive?
  {
    guard !images.isEmpty else { return nil }
    let model = try LoadedModel(entry)
    let bytes = try ImageEncoder.file(images.map(\.entry), model: model)
    let file = try ContainerFile.read(bytes, modelFingerprint: entry.fingerprint)
    precondition(
      file.entries == images.map(\.entry), "an archive reads back as the entries written")
    try AtomicFile.write(bytes, to: path, force: parsed.flag("force"))

    let share = Double(file.overheadByteCount) / Double(images.count)
    let reports = images.map { image in
      var report = image.report
      report.setOverheadShare(share)
      return report
    }
    let quality = reports.map(\.quality).reduce(0, +) / Double(reports.count)
    return WrittenArchive(
      byteCount: bytes.count, reports: reports,
      summary: SetReport(
        reports: reports, fileBytes: bytes.count, model: entry.name, quality: quality))
  }

  private func printArchive(_ archive: WrittenArchive, to path: String, counts: BatchCounts)
    throws
  {
    if parsed.flag("json") {
      let json = JSONObjectWriter()
      json.beginArray("images")
      for report in archive.reports { try json.appendElement(report) }
      json.endArray()
      try json.add("failures", counts.failures)
      try json.add("files", counts)
      try json.add("output", path)
      try json.add("summary", archive.summary)
      json.finish()
    } else {
      print(ReportTable.render(archive.reports, summary: archive.summary))
      print("wrote \(path) (\(archive.byteCount) bytes)")
      if counts.inputs > 1 { print(counts.line(unit: "files")) }
    }
  }

  /// The name each input gets in the archive, or `nil` when the archive stores none (one
  /// image, or `--no-names`).
  ///
  /// - Throws: `UsageError` for a name the format does not allow or two equal names.
  private func archiveNames(_ inputs: [String]) throws(UsageError) -> [String]? {
    guard inputs.count > 1 && !parsed.flag("no-names") else { return nil }
    var seen: [String: String] = [:]
    var names: [String] = []
    for input in inputs {
      let name = (input as NSString).lastPathComponent
      if let problem = ContainerName.problem(with: name) {
        throw .invalidUsage(
          "\(input): an archive cannot store the name '\(name)' (\(problem)); "
            + "rename it or give --no-names")
      }
      if let other = seen[name] {
        throw .invalidUsage(
          "\(other) and \(input) have the same name, which an archive stores once; "
            + "give --no-names or put them in separate archives")
      }
      seen[name] = input
      names.append(name)
    }
    return names
  }

  /// The one model that codes the whole archive: the `--model` choice, or the default
  /// family every image shares, found from the PNG headers alone; `nil` when no header can
  /// be read or the family has no model. Files whose header cannot be read are left to the
  /// coding pass, which reports them.
  ///
  /// - Throws: `CodingError.mixedModels`, or `.unknownModel` for a `--model` that names
  ///   nothing.
  private func archiveModel(_ inputs: [String], settings: CompressionSettings) throws
    -> CatalogModel?
  {
    var families: Set<String> = []
    if settings.modelOption == nil {
      for path in inputs {
        guard let bytes = try? readInputFile(path), let header = try? PNG.readHeader(bytes)
        else { continue }
        families.insert(
          ModelChoice.defaultFamily(
            width: header.width, height: header.height,
            isGrey: ModelChoice.isGrey(header.decodedLayout)))
      }
    }
    guard settings.modelOption == nil else {
      return try ModelChoice.entry(
        option: settings.modelOption, target: settings.target, families: [],
        catalog: settings.catalog)
    }
    guard families.count <= 1, let family = families.first else {
      if families.isEmpty { return nil }
      throw CodingError.mixedModels(families.sorted())
    }
    // A family with no model here is left to each image, so that a damaged file is
    // reported as damaged and a good one as lacking its model.
    return try? ModelChoice.entry(
      option: nil, target: settings.target, families: [family], catalog: settings.catalog)
  }
}
