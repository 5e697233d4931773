import Foundation
import Image

/// One image prepared for one codec: a temporary directory holding the input file, in which
/// the codec can be run at several qualities (as a quality search does) without rewriting it.
struct CodecSession {
  let codec: ClassicalCodec
  let encoder: ExternalTool
  let decoder: ExternalTool
  /// The image as given to the codec: no alpha, 8 bits.
  let reference: PixelBuffer
  let directory: URL
  let inputName: String
  let timeout: Double

  /// Finds the tools, creates the directory and writes the input file.
  ///
  /// - Throws: `ClassicalCodecError.toolMissing` or `.fileSystem`; `PNGError` if the AVIF
  ///   input cannot be encoded.
  init(codec: ClassicalCodec, image: PixelBuffer, runner: ClassicalCodecRunner) throws {
    let availability = runner.availability(of: codec)
    guard case .available(let encoder, let decoder) = availability else {
      var missing: [String] = []
      if case .missing(let tools) = availability { missing = tools }
      throw ClassicalCodecError.toolMissing(codec: codec, tools: missing)
    }
    self.codec = codec
    self.encoder = encoder
    self.decoder = decoder
    self.timeout = runner.timeoutSeconds
    reference = image.removingAlpha().converted(to: .eight)

    // The input is encoded before the directory exists, so a failure leaves nothing behind.
    let inputBytes: [UInt8]
    if codec.readsPNG {
      inputName = "input.png"
      // Compression level 1: the encoder reads every pixel anyway; smaller files gain nothing.
      inputBytes = try PNG.encode(reference, options: PNG.EncodeOptions(compressionLevel: 1))
    } else {
      inputName = reference.layout == .grey ? "input.pgm" : "input.ppm"
      inputBytes = Netpbm.encode(reference)
    }

    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("aez-\(codec.rawValue)-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw ClassicalCodecError.fileSystem(path: directory.path, reason: "\(error)")
    }
    let inputURL = directory.appendingPathComponent(inputName)
    guard FileManager.default.createFile(atPath: inputURL.path, contents: Data(inputBytes)) else {
      removeFiles()
      throw ClassicalCodecError.fileSystem(path: inputURL.path, reason: "cannot write the input")
    }
  }

  /// Deletes the directory and everything in it.
  func removeFiles() {
    try? FileManager.default.removeItem(at: directory)
  }

  /// Encodes at `quality`; returns the compressed file's name and size and the wall time.
  func encode(quality: Int) throws -> (name: String, byteCount: Int, seconds: Double) {
    guard codec.qualityRange.contains(quality) else {
      throw ClassicalCodecError.qualityOutOfRange(
        codec: codec, quality: quality, range: codec.qualityRange)
    }
    let name = "q\(quality).\(codec.fileExtension)"
    let seconds = try encoder.run(
      codec.encoderArguments(quality: quality, input: inputName, output: name), in: directory,
      timeout: timeout)
    let path = directory.appendingPathComponent(name).path
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    guard let size = (attributes?[.size] as? NSNumber)?.intValue, size > 0 else {
      throw ClassicalCodecError.unreadableOutput(
        tool: encoder.name, reason: "it wrote no compressed file \(name)")
    }
    return (name, size, seconds)
  }

  /// Decodes the compressed file `name`; returns the image in the reference's layout and
  /// the wall time.
  ///
  /// Netpbm output is always named `.ppm`: `djxl` picks its output format from the
  /// extension and knows no `.pnm`; it and `djpeg` still write PGM for grey images.
  func decode(_ name: String) throws -> (image: PixelBuffer, seconds: Double) {
    let outputName = "decoded-" + name + (codec.writesPNG ? ".png" : ".ppm")
    let seconds = try decoder.run(
      codec.decoderArguments(input: name, output: outputName), in: directory, timeout: timeout)
    let outputURL = directory.appendingPathComponent(outputName)
    guard let data = FileManager.default.contents(atPath: outputURL.path) else {
      throw ClassicalCodecError.unreadableOutput(
        tool: decoder.name, reason: "it wrote no decoded file \(outputName)")
    }
    var image: PixelBuffer
    do {
      image =
        codec.writesPNG
        ? try PNG.decode(Array(data), source: outputName) : try Netpbm.decode(Array(data))
    } catch {
      throw ClassicalCodecError.unreadableOutput(tool: decoder.name, reason: "\(error)")
    }
    guard image.width == reference.width, image.height == reference.height else {
      throw ClassicalCodecError.sizeChanged(
        tool: decoder.name, expectedWidth: reference.width, expectedHeight: reference.height,
        width: image.width, height: image.height)
    }
    // Decoders may add alpha or colour (dwebp always writes RGB); bring the image back to
    // the layout that was encoded so that it compares sample for sample.
    image = image.removingAlpha().converted(to: .eight)
    if reference.layout == .grey && image.layout == .rgb {
      image = image.convertedToGrey()
    } else if reference.layout == .rgb && image.layout == .grey {
      image = image.convertedToRGB()
    }
    return (image, seconds)
  }

  /// Encodes at `quality` and decodes the result.
  func roundTrip(quality: Int) throws -> ClassicalCodecResult {
    let encoded = try encode(quality: quality)
    let decoded = try decode(encoded.name)
    return ClassicalCodecResult(
      codec: codec, quality: quality, compressedByteCount: encoded.byteCount,
      reference: reference, decoded: decoded.image, encodeSeconds: encoded.seconds,
      decodeSeconds: decoded.seconds)
  }
}
