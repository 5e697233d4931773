import CommandLineKit
import Foundation
import Models

/// `aez models`: the models built into the binary.
struct ModelsCommand {
  static let spec = CommandSpec(
    name: "models",
    summary: "List the models built into aez, with their fingerprints and measured figures.",
    options: [OptionSpec("json", help: "Print one JSON document.")])

  let parsed: ParsedArguments

  struct Listing: Encodable {
    var name: String
    var family: String
    var quality: Double?
    var fingerprint: String
    var architecture: [String: JSONValue]
    var notes: [String: JSONValue]
  }

  func run() throws {
    let catalog = try ModelCatalog.embedded()
    let listings = catalog.models.map { model in
      Listing(
        name: model.name, family: model.family, quality: model.quality,
        fingerprint: model.fingerprintText, architecture: model.file.architecture,
        notes: model.file.notes)
    }
    if parsed.flag("json") {
      try printJSON(["models": listings])
      return
    }
    if listings.isEmpty { print("no models are embedded in this build") }
    var table = TextTable(headers: [
      "name", "family", "quality", "fingerprint", "architecture", "bits/image", "PSNR dB",
      "trained on",
    ])
    for listing in listings {
      let validation = listing.notes["validation"]?.object
      table.append([
        listing.name, listing.family, listing.quality.map { Format.fixed($0, decimals: 0) } ?? "-",
        listing.fingerprint, listing.architecture["name"]?.string ?? "?",
        validation?["bitsPerImage"]?.number.map { Format.fixed($0, decimals: 1) } ?? "-",
        validation?["psnr"]?.number.map { Format.fixed($0, decimals: 2) } ?? "-",
        listing.notes["trainingData"]?.string ?? "-",
      ])
    }
    print(table.render())
  }
}
