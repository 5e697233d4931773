import CommandLineKit
import Decoder
import Foundation
import Image

/// `aez decompress`: turns a `.aez` file back into PNG images.
struct DecompressCommand {
  static let spec = CommandSpec(
    name: "decompress",
    summary: "Decompress a .aez file into PNG images.",
    discussion: """
      A single image goes to OUT.png (default: IN.png). An archive goes into a folder \
      (-o DIR/, default: IN without its extension), under the stored names or as \
      image-0001.png and so on.
      """,
    options: [
      OptionSpec(
        "output", short: "o", kind: .path, valueName: "OUT.png|DIR/", help: "Where to write."),
      OptionSpec(
        "model", kind: .path, valueName: "FILE",
        help: "A model file, when the file was not made by an embedded model."),
      OptionSpec("force", help: "Replace existing output files."),
      OptionSpec("json", help: "Print one JSON document listing what was written."),
    ],
    positionals: [PositionalSpec("input", valueName: "IN.aez", help: "The file to decompress.")])

  let parsed: ParsedArguments

  struct Written: Encodable {
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
  }

  func run() throws {
    let input = parsed.strings("input")[0]
    let bytes = try readInputFile(input)
    let catalog = try ModelChoice.catalog(adding: parsed.string("model"), optionIsFile: true)
    let start = Date()
    let images = try namingFile(input) { try ImageDecoder.decode(bytes, catalog: catalog) }
    let seconds = Date().timeIntervalSince(start) / Double(max(1, images.count))

    let base = (input as NSString).deletingPathExtension
    var written: [Written] = []
    if images.count == 1 && !(parsed.string("output") ?? "").hasSuffix("/") {
      let path = parsed.string("output") ?? base + ".png"
      try write(images[0].image, to: path, input: input)
      written.append(describe(images[0].image, path: path, seconds: seconds))
    } else {
      let folder = parsed.string("output") ?? base
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      for (index, decoded) in images.enumerated() {
        let name = decoded.name ?? String(format: "image-%04d.png", index + 1)
        let path = (folder as NSString).appendingPathComponent(name)
        try write(decoded.image, to: path, input: input)
        written.append(describe(decoded.image, path: path, seconds: seconds))
      }
    }
    if parsed.flag("json") {
      try printJSON(["images": written])
    } else {
      for file in written {
        print(
          "wrote \(file.file) (\(file.width)x\(file.height), \(file.channels) channels, \(file.bitDepth)-bit)"
        )
      }
    }
  }

  private func write(_ image: PixelBuffer, to path: String, input: String) throws {
    try AtomicFile.write(
      try PNG.encode(image), to: path, force: parsed.flag("force"), inputs: [input])
  }

  private func describe(_ image: PixelBuffer, path: String, seconds: Double) -> Written {
    Written(
      file: path, width: image.width, height: image.height, channels: image.channelCount,
      bitDepth: image.sourceBitDepth, decodeSeconds: seconds)
  }
}
