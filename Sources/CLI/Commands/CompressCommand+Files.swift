import Codec
import CommandLineKit
import Decoder
import Foundation
import Synchronization

extension CompressCommand {
  /// One image coded into a file of its own.
  struct CodedFile: Sendable {
    /// What it cost and how close it came.
    var report: ImageReport
    /// The size of its `.aez` file.
    var fileBytes: Int
  }

  /// What the run keeps while images stream past: totals, the first reports for the table,
  /// and the JSON document being written.
  struct FileRunState {
    var totals = SetTotals()
    var fileBytes = 0
    var firstReports: [ImageReport] = []
    var json: JSONObjectWriter?
  }

  /// Codes each of `inputs` into a file of its own: written to `outputs[i]`, or kept in
  /// memory for `eval` when `outputs` is `nil`. Several at once, in input order.
  ///
  /// - Parameter outputFolder: The `--output-dir` folder, reported as the output.
  /// - Throws: `BatchFailure` when some inputs failed, `InterruptedError` when a signal
  ///   stopped the run, `EncodingError` for a report that cannot be written as JSON.
  func runFiles(
    _ inputs: [String], outputs: [String]?, settings: CompressionSettings,
    options: BatchOptions, outputFolder: String? = nil
  ) throws {
    let force = writesFile && parsed.flag("force")
    let state = Mutex(FileRunState(json: parsed.flag("json") ? JSONObjectWriter() : nil))
    state.withLock { $0.json?.beginArray("images") }
    let batch = BatchRun(label: writesFile ? "compress" : "eval", unit: "files", options: options)

    let counts = batch.run(
      inputs: inputs, makeWorker: { ModelCache() },
      task: { (cache: ModelCache, index: Int) -> BatchOutcome<CodedFile> in
        let path = inputs[index]
        let output = outputs?[index]
        return BatchOutcome.of(path) { () throws -> BatchOutcome<CodedFile> in
          if let output, options.skipExisting, FileManager.default.fileExists(atPath: output) {
            return .skipped
          }
          let input = try settings.read(path)
          let entry = try settings.entry(for: input.image)
          let model = try cache.model(entry)
          try CompressionSettings.check(input, fits: model)
          let trip = try ImageRoundTrip(
            input, model: model, target: settings.target, alpha: settings.alpha)
          if let output {
            try AtomicFile.write(
              trip.fileBytes, to: output, force: force, inputs: [path] + settings.protectedFiles)
          }
          let report = try trip.report(for: input, model: entry.name)
          return .done(CodedFile(report: report, fileBytes: trip.fileBytes.count))
        }
      },
      deliver: { (_, coded: CodedFile) in
        state.withLock { state in
          state.totals.add(coded.report)
          state.fileBytes += coded.fileBytes
          if state.firstReports.count < Self.tableRowLimit {
            state.firstReports.append(coded.report)
          }
          // Reports hold only numbers and strings, which always encode.
          try? state.json?.appendElement(coded.report)
        }
      })

    let output = outputFolder ?? outputs?.first
    try state.withLock { state in
      let summary =
        state.totals.images > 0
        ? SetReport(
          totals: state.totals, fileBytes: state.fileBytes,
          model: state.totals.models.joined(separator: ", "),
          quality: state.totals.meanQuality) : nil
      if let json = state.json {
        json.endArray()
        try json.add("failures", counts.failures)
        try json.add("files", counts)
        if let output, writesFile { try json.add("output", output) }
        if let summary { try json.add("summary", summary) }
        json.finish()
      } else if let summary {
        print(ReportTable.render(state.firstReports, summary: summary))
        if let output, writesFile {
          let what =
            outputFolder == nil ? output : "\(summary.images) files to \(output)"
          print("wrote \(what) (\(state.fileBytes) bytes)")
        }
      }
      if state.json == nil && (inputs.count > 1 || counts.skipped > 0) {
        print(counts.line(unit: "files"))
      }
    }
    try counts.finish(unit: "files", resumable: writesFile)
  }
}
