import Codec
import Decoder
import Image
import Models
import Reports

/// Codes images at bench settings and measures them, on one thread.
///
/// A worker keeps the aez models it has built, so a sweep builds each network once per
/// thread. Networks keep their last activations for training, so one may not run on two
/// threads at once; each thread of a bench therefore has its own worker.
final class BenchWorker {
  /// Runs the classical codecs' tools.
  let runner: ClassicalCodecRunner
  private let models = ModelCache()

  /// A worker running classical tools with `runner`.
  init(runner: ClassicalCodecRunner) {
    self.runner = runner
  }

  /// The quality written into an aez file for a model that stands for no quality: the
  /// default of `aez compress`. It is only recorded, and does not change the coding.
  static let unspecifiedQuality = 75.0

  /// Codes `input` at `setting`, decodes it and measures the round trip.
  ///
  /// aez codes the image alone into one file, like a classical codec's file, so that rates
  /// compare; alpha is dropped, since the classical codecs see colour only.
  ///
  /// - Throws: `CodingError` or `ContainerError` from aez, `ClassicalCodecError` from a tool,
  ///   `ImageQualityError` if a decoder changed the size.
  func measure(_ setting: BenchSetting, on input: InputImage) throws -> ImageMeasurement {
    let image = input.image
    let pixels = image.width * image.height
    switch setting.codec {
    case .aez:
      return try roundTrip(setting, on: input).measurement

    case .classical(let codec):
      guard let quality = setting.quality else {
        preconditionFailure("a classical setting carries its quality")
      }
      let result = try runner.run(codec, quality: Int(quality), on: image)
      let measured = try ImageMeasurement.quality(
        reference: result.reference, decoded: result.decoded)
      return ImageMeasurement(
        file: input.path, pixels: pixels, bitsPerPixel: result.bitsPerPixel,
        payloadBitsPerPixel: nil, psnr: measured.psnr, msSSIM: measured.msSSIM,
        encodeSeconds: result.encodeSeconds, decodeSeconds: result.decodeSeconds)
    }
  }

  /// Codes `input` with aez at `setting` into a file of its own, decodes it and measures
  /// the round trip; the decoded image comes along, for pictures.
  ///
  /// - Throws: `CodingError` or `ContainerError`, `ImageQualityError`.
  func roundTrip(_ setting: BenchSetting, on input: InputImage) throws -> AEZRoundTrip {
    guard let entry = setting.model else {
      preconditionFailure("an aez setting carries its model")
    }
    let image = input.image
    let pixels = image.width * image.height
    let session = try CompressionSession(
      inputs: [input], model: try model(entry),
      quality: setting.quality ?? Self.unspecifiedQuality, alpha: .drop, storeNames: false)
    let report = session.reports[0]
    let decoded = session.decoded[0]
    let quality = try ImageMeasurement.quality(reference: image, decoded: decoded)
    let measurement = ImageMeasurement(
      file: input.path, pixels: pixels,
      bitsPerPixel: Double(session.fileBytes.count * 8) / Double(pixels),
      payloadBitsPerPixel: Double(report.payloadBits) / Double(pixels), psnr: quality.psnr,
      msSSIM: quality.msSSIM, encodeSeconds: report.encodeSeconds,
      decodeSeconds: report.decodeSeconds)
    return AEZRoundTrip(
      setting: setting, measurement: measurement, fileByteCount: session.fileBytes.count,
      decoded: decoded)
  }

  /// The network of `entry`, built on first use.
  ///
  /// - Throws: `ModelFileError` or `CodingError` from `LoadedModel`.
  func model(_ entry: CatalogModel) throws -> LoadedModel {
    try models.model(entry)
  }
}

/// One image coded by aez into a file of its own and decoded again.
struct AEZRoundTrip: Sendable {
  /// The setting it was coded at.
  var setting: BenchSetting
  /// What it cost and how close it came.
  var measurement: ImageMeasurement
  /// The size of the `.aez` file.
  var fileByteCount: Int
  /// The decoded image, as the decoder writes it.
  var decoded: PixelBuffer
}
