import CommandLineKit
import Decoder
import Foundation
import Models

/// `aez info`: what a `.aez` file holds, without decoding it.
struct InfoCommand {
  static let spec = CommandSpec(
    name: "info",
    summary: "Show what a .aez file holds, without decoding it.",
    options: [
      OptionSpec(
        "model", kind: .path, valueName: "FILE",
        help: "A model file to check the file against, besides the embedded ones."),
      OptionSpec("json", help: "Print one JSON document."),
    ],
    positionals: [PositionalSpec("input", valueName: "IN.aez", help: "The file to describe.")])

  let parsed: ParsedArguments

  struct Entry: Encodable {
    var name: String?
    var width: Int
    var height: Int
    var channels: Int
    var colorModel: String
    var bitDepth: Int
    var alpha: String
    var quality: Double
    var latentShape: [Int]?
    var payloadBytes: Int

    enum CodingKeys: String, CodingKey {
      case name, width, height, channels, alpha, quality
      case colorModel = "color_model"
      case bitDepth = "bit_depth"
      case latentShape = "latent_shape"
      case payloadBytes = "payload_bytes"
    }
  }

  struct Info: Encodable {
    var file: String
    var bytes: Int
    var overheadBytes: Int
    var archive: Bool
    var modelShortFingerprint: String
    var model: String?
    var modelFingerprint: String?
    var checked: Bool
    var images: [Entry]

    enum CodingKeys: String, CodingKey {
      case file, bytes, archive, model, checked, images
      case overheadBytes = "overhead_bytes"
      case modelShortFingerprint = "model_short_fingerprint"
      case modelFingerprint = "model_fingerprint"
    }
  }

  func run() throws {
    let input = parsed.strings("input")[0]
    let bytes = try readInputFile(input)
    let file = try namingFile(input) { try ContainerFile.parse(bytes) }
    let catalog = try ModelChoice.catalog(adding: parsed.string("model"), optionIsFile: true)
    // A file whose model is not at hand is still described; a damaged one is an error.
    let model = try? ImageDecoder.model(for: file, in: catalog)
    if model == nil {
      let matching = catalog.models.filter {
        ContainerFingerprint.short(of: $0.fingerprint) == file.shortFingerprint
      }
      if !matching.isEmpty {
        _ = try namingFile(input) { try ImageDecoder.model(for: file, in: catalog) }
      }
    }
    let info = Info(
      file: input, bytes: file.byteCount, overheadBytes: file.overheadByteCount,
      archive: file.isArchive,
      modelShortFingerprint: ContainerFingerprint.hex(short: file.shortFingerprint),
      model: model?.name, modelFingerprint: model?.fingerprintText, checked: model != nil,
      images: file.entries.map { entry in
        let format = entry.header.pixelFormat
        return Entry(
          name: entry.name, width: entry.header.width, height: entry.header.height,
          channels: format.channels, colorModel: format.colorModel == .gray ? "grey" : "rgb",
          bitDepth: format.bitDepth, alpha: "\(format.alpha)", quality: entry.header.quality,
          latentShape: entry.header.latentShape, payloadBytes: entry.payload.count)
      })
    if parsed.flag("json") {
      try printJSON(info)
      return
    }
    print(
      "\(input): \(info.bytes) bytes, \(info.images.count) image(s), \(info.overheadBytes) bytes of headers and check"
    )
    if let name = info.model, let fingerprint = info.modelFingerprint {
      print("model: \(name) (\(fingerprint)), integrity check passed")
    } else {
      print("model: \(info.modelShortFingerprint)… (not available here; the check needs the model)")
    }
    for (index, entry) in info.images.enumerated() {
      let label = entry.name ?? "image \(index + 1)"
      print(
        "  \(label): \(entry.width)x\(entry.height) \(entry.colorModel) \(entry.bitDepth)-bit, "
          + "alpha \(entry.alpha), quality \(entry.quality), payload \(entry.payloadBytes) bytes")
    }
  }
}
