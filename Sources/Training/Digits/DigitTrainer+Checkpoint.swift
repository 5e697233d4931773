import Foundation
import Models
import NumericCore

/// A reason a checkpoint cannot be resumed from.
public enum CheckpointError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The file is not a checkpoint, or is damaged.
  case malformed(String, reason: String)
  /// The checkpoint was made for another architecture than the one requested.
  case architectureMismatch(String, checkpoint: String, requested: String)

  /// A sentence describing the problem, for people.
  public var description: String {
    switch self {
    case .malformed(let path, let reason):
      return "\(path): not a usable checkpoint (\(reason))"
    case .architectureMismatch(let path, let checkpoint, let requested):
      return
        "\(path): the checkpoint is for \(checkpoint), but the command asks for \(requested); "
        + "run with the original options or without --resume"
    }
  }
}

extension DigitTrainer {
  private static let magic = Array("AEZCKPT1".utf8)

  /// Everything needed to continue the run exactly: weights, optimizer moments, the random
  /// generator's state and the history.
  ///
  /// Layout: the ASCII bytes `AEZCKPT1`, the model file's length as a little-endian `u64`,
  /// the model file (see `Specs/model-format.md`), then a `TensorArchive` of the rest.
  ///
  /// - Throws: `EntropyCodingError` if the prior cannot be tabulated.
  public func checkpoint() throws -> [UInt8] {
    let modelBytes = try model.modelFile().serialized()
    var archive = TensorArchive()
    optimizer.saveState(into: &archive, prefix: "adam.")
    generatorState.save(into: &archive, named: "generator")
    archive.setInteger(Int64(history.count), named: "epochs")
    for (index, figures) in history.enumerated() {
      let values = [
        figures.trainingLoss, figures.trainingBitsPerImage, figures.validationLoss,
        figures.validationBitsPerImage, figures.validationPSNR,
      ]
      for (field, value) in values.enumerated() {
        archive.setInteger(Int64(bitPattern: value.bitPattern), named: "history.\(index).\(field)")
      }
    }
    var bytes = Self.magic
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: UInt64(modelBytes.count) >> UInt64(shift)))
    }
    return bytes + modelBytes + archive.encoded()
  }

  /// Restores the state saved by `checkpoint()` into this freshly created trainer.
  ///
  /// Everything is read and checked before anything is changed, so a refused checkpoint
  /// leaves the trainer as it was.
  ///
  /// - Parameter path: The checkpoint's file name, for error messages.
  /// - Throws: `CheckpointError` when the bytes are not a checkpoint of this architecture.
  public func restore(from bytes: [UInt8], path: String) throws {
    guard bytes.count >= 16, bytes.prefix(8).elementsEqual(Self.magic) else {
      throw CheckpointError.malformed(path, reason: "bad magic number")
    }
    let length = bytes[8..<16].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    guard length <= UInt64(bytes.count - 16) else {
      throw CheckpointError.malformed(path, reason: "truncated")
    }
    let modelEnd = 16 + Int(length)
    do {
      let file = try ModelFile(bytes: Array(bytes[16..<modelEnd]))
      let requested = try model.modelFile().architecture
      guard file.architecture == requested else {
        throw CheckpointError.architectureMismatch(
          path, checkpoint: Self.summary(file.architecture), requested: Self.summary(requested))
      }
      let archive = try TensorArchive(decoding: Array(bytes[modelEnd...]))
      let weights = try model.parameters.map { name, parameter in
        Tensor(shape: parameter.shape, scalars: try file.tensor(name, shape: parameter.shape))
      }
      let generator = try SeededGenerator(from: archive, named: "generator")
      let epochs = try archive.integer(named: "epochs")
      guard epochs >= 0 else {
        throw CheckpointError.malformed(path, reason: "a negative epoch count, \(epochs)")
      }
      var restored: [EpochFigures] = []
      for index in 0..<Int(epochs) {
        let values = try (0..<5).map { field in
          let bits = try archive.integer(named: "history.\(index).\(field)")
          return Double(bitPattern: UInt64(bitPattern: bits))
        }
        restored.append(
          EpochFigures(
            epoch: index + 1, trainingLoss: values[0], trainingBitsPerImage: values[1],
            validationLoss: values[2], validationBitsPerImage: values[3],
            validationPSNR: values[4]))
      }
      // The optimizer's load is the last step that can fail, and it changes nothing when
      // it does; from here on nothing throws.
      try optimizer.loadState(from: archive, prefix: "adam.")
      for ((_, parameter), value) in zip(model.parameters, weights) { parameter.value = value }
      generatorState = generator
      history = restored
    } catch let error as CheckpointError {
      throw error
    } catch {
      throw CheckpointError.malformed(path, reason: "\(error)")
    }
  }

  private static func summary(_ architecture: [String: JSONValue]) -> String {
    architecture.keys.sorted().map { key -> String in
      let value = architecture[key].map { value -> String in
        switch value {
        case .string(let text): return text
        case .number(let number): return number == number.rounded() ? "\(Int(number))" : "\(number)"
        default: return "\(value)"
        }
      }
      return "\(key)=\(value ?? "")"
    }.joined(separator: " ")
  }
}
