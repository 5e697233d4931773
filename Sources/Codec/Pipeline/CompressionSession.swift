import Decoder
import Foundation
import Image
import Models

/// Codes a set of images into one `.aez` file, decodes it again and measures the result.
public struct CompressionSession {
  /// The `.aez` file's bytes.
  public let fileBytes: [UInt8]
  /// One report per image, in input order.
  public let reports: [ImageReport]
  /// The totals and means.
  public let summary: SetReport
  /// The decoded images, in input order.
  public let decoded: [PixelBuffer]

  /// Codes `inputs` with `model`.
  ///
  /// - Parameters:
  ///   - inputs: The images, all of a kind the model codes.
  ///   - model: The model.
  ///   - target: The quality, or the size or PSNR each image aims for.
  ///   - alpha: Whether alpha is kept.
  ///   - storeNames: Whether an archive records each image's file name.
  ///   - progress: Called after each image is coded and after each is decoded.
  /// - Throws: `CodingError`, `ContainerError`.
  public init(
    inputs: [InputImage], model: LoadedModel, target: RateTarget, alpha: AlphaHandling,
    storeNames: Bool, progress: (Int) -> Void = { _ in }
  ) throws {
    var entries: [ContainerEntry] = []
    var encodeSeconds: [Double] = []
    for (index, input) in inputs.enumerated() {
      let start = Date()
      let name = storeNames ? (input.path as NSString).lastPathComponent : nil
      entries.append(
        try ImageEncoder.encode(
          input.image, name: name, model: model, target: target, alpha: alpha))
      encodeSeconds.append(Date().timeIntervalSince(start))
      progress(index + 1)
    }
    fileBytes = try ImageEncoder.file(entries, model: model)

    let file = try ContainerFile.read(fileBytes, modelFingerprint: model.entry.fingerprint)
    let overheadShare = Double(file.overheadByteCount) / Double(max(1, file.entries.count))
    var reports: [ImageReport] = []
    var decoded: [PixelBuffer] = []
    for (index, entry) in file.entries.enumerated() {
      let start = Date()
      let image = try ImageDecoder.decode(entry, with: model).image
      let decodeSeconds = Date().timeIntervalSince(start)
      decoded.append(image)
      progress(inputs.count + index + 1)
      reports.append(
        try ImageReport(
          measuring: inputs[index], decoded: image, payloadBytes: entry.payload.count,
          overheadShare: overheadShare, encodeSeconds: encodeSeconds[index],
          decodeSeconds: decodeSeconds, model: model.entry.name, quality: entry.header.quality))
    }
    self.reports = reports
    self.decoded = decoded
    summary = SetReport(
      reports: reports, fileBytes: fileBytes.count, model: model.entry.name,
      quality: reports.map(\.quality).reduce(0, +) / Double(max(1, reports.count)))
  }

  /// Codes `inputs` with `model` at a fixed quality; see
  /// ``init(inputs:model:target:alpha:storeNames:progress:)``.
  public init(
    inputs: [InputImage], model: LoadedModel, quality: Double, alpha: AlphaHandling,
    storeNames: Bool, progress: (Int) -> Void = { _ in }
  ) throws {
    try self.init(
      inputs: inputs, model: model, target: .quality(quality), alpha: alpha,
      storeNames: storeNames, progress: progress)
  }
}
