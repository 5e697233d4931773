import Foundation
import Models
import NumericCore

extension PhotoTrainer {
  private static let magic = Array("AEZPHCK1".utf8)

  /// Everything needed to continue the run exactly: weights, Adam moments, the generator's
  /// state, the step, the running training sums and the history.
  ///
  /// Layout: the ASCII bytes `AEZPHCK1`, the architecture's JSON length as a little-endian
  /// `u32`, the JSON (keys sorted), then a `TensorArchive` holding the parameters as
  /// `model.<name>`, Adam's state as `adam.…`, the generator as `generator.0…3`, and the
  /// integers `step`, `running.*` and `history.*` (doubles stored as their bit patterns).
  /// Unlike a model file it needs no entropy model, so it can be written at any step.
  public func checkpoint() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = Array(try encoder.encode(settings.architecture.json))
    var archive = TensorArchive()
    for (name, parameter) in codec.parameters {
      archive.setTensor(parameter.value, named: "model." + name)
    }
    optimizer.saveState(into: &archive, prefix: "adam.")
    generator.save(into: &archive, named: "generator")
    archive.setInteger(Int64(step), named: "step")
    Self.setDouble(running.loss, named: "running.loss", in: &archive)
    Self.setDouble(running.bitsPerPixel, named: "running.bitsPerPixel", in: &archive)
    archive.setInteger(Int64(running.count), named: "running.count")
    archive.setInteger(Int64(history.count), named: "history.count")
    for (index, figures) in history.enumerated() {
      let prefix = "history.\(index)."
      archive.setInteger(Int64(figures.step), named: prefix + "step")
      Self.setDouble(figures.trainingLoss, named: prefix + "loss", in: &archive)
      Self.setDouble(figures.trainingBitsPerPixel, named: prefix + "bitsPerPixel", in: &archive)
      archive.setInteger(Int64(figures.ratePoints.count), named: prefix + "points")
      for (point, values) in figures.ratePoints.enumerated() {
        let pointPrefix = prefix + "\(point)."
        Self.setDouble(values.quality, named: pointPrefix + "quality", in: &archive)
        Self.setDouble(values.bitsPerPixel, named: pointPrefix + "bitsPerPixel", in: &archive)
        Self.setDouble(values.psnr, named: pointPrefix + "psnr", in: &archive)
      }
    }
    var bytes = Self.magic
    for shift in stride(from: 0, to: 32, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: json.count >> shift))
    }
    return bytes + json + archive.encoded()
  }

  /// Restores the state saved by ``checkpoint()`` into this freshly created trainer.
  ///
  /// Nothing changes unless the whole checkpoint reads correctly.
  ///
  /// - Parameters:
  ///   - bytes: The checkpoint.
  ///   - path: The checkpoint's file name, for error messages.
  /// - Throws: `CheckpointError.architectureMismatch` when it was made for another
  ///   architecture, `.malformed` when it is not a readable checkpoint.
  public func restore(from bytes: [UInt8], path: String) throws {
    guard bytes.count >= 12, bytes.prefix(8).elementsEqual(Self.magic) else {
      throw CheckpointError.malformed(path, reason: "not a photo training checkpoint")
    }
    let length = bytes[8..<12].reversed().reduce(0) { $0 << 8 | Int($1) }
    guard length <= bytes.count - 12 else {
      throw CheckpointError.malformed(path, reason: "truncated")
    }
    let jsonEnd = 12 + length
    let architecture: PhotoArchitecture
    do {
      let json = try JSONDecoder().decode(
        [String: JSONValue].self, from: Data(bytes[12..<jsonEnd]))
      architecture = try PhotoArchitecture(json: json)
    } catch {
      throw CheckpointError.malformed(path, reason: "\(error)")
    }
    guard architecture == settings.architecture else {
      throw CheckpointError.architectureMismatch(
        path, checkpoint: Self.summary(architecture),
        requested: Self.summary(settings.architecture))
    }
    do {
      let archive = try TensorArchive(decoding: Array(bytes[jsonEnd...]))
      let values = try codec.parameters.map { name, parameter in
        try archive.tensor(named: "model." + name, shape: parameter.shape)
      }
      let restoredGenerator = try SeededGenerator(from: archive, named: "generator")
      let restoredStep = Int(try archive.integer(named: "step"))
      let restoredRunning = (
        loss: try Self.double("running.loss", in: archive),
        bitsPerPixel: try Self.double("running.bitsPerPixel", in: archive),
        count: Int(try archive.integer(named: "running.count"))
      )
      let restoredHistory = try Self.history(in: archive)
      try optimizer.loadState(from: archive, prefix: "adam.")
      for ((_, parameter), value) in zip(codec.parameters, values) { parameter.value = value }
      generator = restoredGenerator
      step = restoredStep
      running = restoredRunning
      history = restoredHistory
    } catch {
      throw CheckpointError.malformed(path, reason: "\(error)")
    }
  }

  private static func history(in archive: TensorArchive) throws -> [PhotoValidationFigures] {
    let count = try archive.integer(named: "history.count")
    guard (0...1_000_000).contains(count) else {
      throw ArchiveError.integerOutOfRange(
        name: "history.count", value: count, expected: 0...1_000_000)
    }
    return try (0..<Int(count)).map { index in
      let prefix = "history.\(index)."
      let points = try archive.integer(named: prefix + "points")
      guard (0...16).contains(points) else {
        throw ArchiveError.integerOutOfRange(
          name: prefix + "points", value: points, expected: 0...16)
      }
      return PhotoValidationFigures(
        step: Int(try archive.integer(named: prefix + "step")),
        trainingLoss: try double(prefix + "loss", in: archive),
        trainingBitsPerPixel: try double(prefix + "bitsPerPixel", in: archive),
        ratePoints: try (0..<Int(points)).map { point in
          PhotoRatePointFigures(
            quality: try double(prefix + "\(point).quality", in: archive),
            bitsPerPixel: try double(prefix + "\(point).bitsPerPixel", in: archive),
            psnr: try double(prefix + "\(point).psnr", in: archive))
        })
    }
  }

  private static func setDouble(
    _ value: Double, named name: String, in archive: inout TensorArchive
  ) {
    archive.setInteger(Int64(bitPattern: value.bitPattern), named: name)
  }

  private static func double(_ name: String, in archive: TensorArchive) throws -> Double {
    Double(bitPattern: UInt64(bitPattern: try archive.integer(named: name)))
  }

  private static func summary(_ architecture: PhotoArchitecture) -> String {
    let lambdas = architecture.ratePoints.map { "\($0.lambda)" }.joined(separator: ",")
    return
      "photo N=\(architecture.featureChannels) M=\(architecture.latentChannels) "
      + "lambdas=\(lambdas) scales=\(architecture.scaleCount)"
  }
}
