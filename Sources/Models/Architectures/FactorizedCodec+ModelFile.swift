import EntropyCoding
import NumericCore

extension FactorizedCodec {
  /// The model file of this codec with its integer coding tables.
  ///
  /// - Parameter notes: Descriptions for people, stored outside the fingerprint.
  /// - Throws: `EntropyCodingError` if the prior is too wide to tabulate.
  public func modelFile(notes: [String: JSONValue] = [:]) throws -> ModelFile {
    var architectureJSON = architecture.json
    architectureJSON["height"] = .number(Double(height))
    architectureJSON["width"] = .number(Double(width))
    architectureJSON["distortion"] = .string(distortion.rawValue)
    var entries: [String: ModelEntry] = [:]
    for (name, parameter) in parameters {
      entries[name] = .tensor(shape: parameter.shape, values: parameter.value.scalars)
    }
    entries[Self.tablesEntry] = .bytes(try prior.tables().flatMap { $0.serialized() })
    return ModelFile(architecture: architectureJSON, entries: entries, notes: notes)
  }

  /// Rebuilds a codec from a model file, checking every tensor's shape.
  ///
  /// - Throws: `ModelFileError` for an unknown architecture or a missing or misshapen tensor.
  public convenience init(modelFile: ModelFile) throws {
    let architecture = try DigitArchitecture(json: modelFile.architecture)
    guard let height = modelFile.architecture["height"]?.number,
      let width = modelFile.architecture["width"]?.number, height >= 1, width >= 1,
      height <= 256, width <= 256
    else {
      throw ModelFileError.malformed(field: "architecture", reason: "no valid height and width")
    }
    guard let distortionName = modelFile.architecture["distortion"]?.string,
      let distortion = Distortion(rawValue: distortionName)
    else {
      throw ModelFileError.malformed(field: "architecture.distortion", reason: "unknown")
    }
    var generator = SeededGenerator(seed: 0)
    self.init(
      architecture: architecture, height: Int(height), width: Int(width),
      distortion: distortion, generator: &generator)
    for (name, parameter) in parameters {
      let values = try modelFile.tensor(name, shape: parameter.shape)
      parameter.value = Tensor(shape: parameter.shape, scalars: values)
    }
  }

  /// The integer coding tables stored in `modelFile`, one per latent channel.
  ///
  /// - Throws: `ModelFileError` when they are missing, malformed or too few.
  public static func tables(in modelFile: ModelFile, channels: Int) throws -> [FrequencyTable] {
    let bytes = try modelFile.bytes(tablesEntry)
    var offset = 0
    var tables: [FrequencyTable] = []
    do {
      while offset < bytes.count {
        tables.append(try FrequencyTable(serialized: bytes, offset: &offset))
      }
    } catch {
      throw ModelFileError.malformed(field: tablesEntry, reason: "\(error)")
    }
    guard tables.count == channels else {
      throw ModelFileError.malformed(
        field: tablesEntry, reason: "\(tables.count) tables for \(channels) channels")
    }
    return tables
  }

  static let tablesEntry = "prior.tables"
}
