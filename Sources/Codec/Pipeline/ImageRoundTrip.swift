import Decoder
import Foundation
import Image

/// One image coded into a `.aez` file of its own and decoded back from that file's bytes.
public struct ImageRoundTrip {
  /// The bytes of the single-image file.
  public let fileBytes: [UInt8]
  /// The coded entry, as the file holds it.
  public let entry: ContainerEntry
  /// The image decoded from the file.
  public let decoded: PixelBuffer
  /// The seconds spent encoding.
  public let encodeSeconds: Double
  /// The seconds spent decoding.
  public let decodeSeconds: Double

  /// Codes `input` with `model`, at a quality or aiming at a size or PSNR, into a file of its
  /// own, then parses, verifies and decodes
  /// that file, as a reader of it would.
  ///
  /// - Throws: `CodingError` (among them an image the model does not fit), `ContainerError`.
  /// - Complexity: One encode and one decode of the image.
  public init(
    _ input: InputImage, model: LoadedModel, target: RateTarget, alpha: AlphaHandling
  ) throws {
    let start = Date()
    let entry = try ImageEncoder.encode(
      input.image, model: model, target: target, alpha: alpha)
    fileBytes = try ImageEncoder.file([entry], model: model)
    encodeSeconds = Date().timeIntervalSince(start)

    let decodeStart = Date()
    let file = try ContainerFile.read(fileBytes, modelFingerprint: model.entry.fingerprint)
    self.entry = file.entries[0]
    decoded = try ImageDecoder.decode(self.entry, with: model).image
    decodeSeconds = Date().timeIntervalSince(decodeStart)
  }

  /// What the file cost and how close the decoded image came to `input`, at the quality the
  /// file records.
  ///
  /// - Throws: `ImageQualityError` if the decoded image's size differs from the input's.
  public func report(for input: InputImage, model: String) throws -> ImageReport {
    try ImageReport(
      measuring: input, decoded: decoded, payloadBytes: entry.payload.count,
      overheadShare: Double(fileBytes.count - entry.payload.count),
      encodeSeconds: encodeSeconds, decodeSeconds: decodeSeconds, model: model,
      quality: entry.header.quality)
  }
}
