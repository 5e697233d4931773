import CommandLineKit
import Decoder
import Foundation
import Image

/// The options the batch commands (`compress`, `decompress`, `eval`) share: how many files
/// at once, which slice of them, whether to resume, and the size limit.
struct BatchOptions: Sendable {
  /// Files processed at once, at least 1.
  var jobs: Int
  /// The slice of the inputs to process, or `nil` for all of them.
  var shard: Shard?
  /// Whether an input whose output exists is skipped.
  var skipExisting: Bool
  /// The largest `width * height` read or decoded.
  var maximumPixelCount: Int

  /// The option descriptions, `--skip-existing` only for commands that write files.
  static func specs(writesFiles: Bool) -> [OptionSpec] {
    var specs = [
      OptionSpec(
        "jobs", short: "j", kind: .integer, range: 1...1024,
        help: "Files processed at once (default: the number of cores)."),
      OptionSpec(
        "shard", kind: .string, valueName: "I/N",
        help: "Process only slice I (0 to N-1) of N: inputs I, I+N, I+2N... of the list."),
      OptionSpec(
        "max-pixels", kind: .integer, default: String(PNG.defaultMaximumPixelCount),
        range: 1...Double(1 << 40),
        help: "Refuse, from its header, an image of more pixels than this (2^28)."),
    ]
    if writesFiles {
      specs.append(
        OptionSpec(
          "skip-existing",
          help: "Skip an input whose output exists, to resume an interrupted batch."))
    }
    return specs
  }

  /// The values of the options in `parsed`.
  ///
  /// - Throws: `UsageError` for a malformed `--shard`, or `--skip-existing` with `--force`.
  init(_ parsed: ParsedArguments, writesFiles: Bool) throws(UsageError) {
    jobs = parsed.integer("jobs") ?? ProcessInfo.processInfo.activeProcessorCount
    shard = try parsed.string("shard").map { text throws(UsageError) in try Shard(parsing: text) }
    skipExisting = writesFiles && parsed.flag("skip-existing")
    maximumPixelCount = parsed.integer("max-pixels") ?? PNG.defaultMaximumPixelCount
    if skipExisting && parsed.flag("force") {
      throw .invalidUsage("--skip-existing keeps existing outputs and --force replaces them")
    }
  }

  /// The inputs this run processes: all of them, or the shard's slice.
  func select<Element>(_ items: [Element]) -> [Element] {
    shard?.select(items) ?? items
  }
}
