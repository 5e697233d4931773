import EntropyCoding
import NumericCore

extension PhotoCodec {
  /// The model file of this codec: the architecture, every parameter as a tensor, and the
  /// integer entropy model as byte entries, so the fingerprint covers everything decoding
  /// depends on.
  ///
  /// Byte entries: `prior.tables` (the `N` prior tables, each as
  /// `FrequencyTable.serialized()`, back to back), `gaussian.tables`
  /// (`GaussianConditional.serialized()`), `gaussian.thresholds` and `gain.fixed`
  /// (little-endian Int64 arrays, see ``PhotoEntropyModel``) and `hyperSynthesis.integer`
  /// (``IntegerHyperSynthesis/serialized()``).
  ///
  /// - Parameter notes: Descriptions for people, stored outside the fingerprint.
  /// - Throws: `PhotoEntropyModelError` when the entropy model cannot be derived.
  public func modelFile(notes: [String: JSONValue] = [:]) throws(PhotoEntropyModelError)
    -> ModelFile
  {
    try updateEntropyModel()
    let model = requireEntropyModel()
    var entries: [String: ModelEntry] = [:]
    for (name, parameter) in parameters {
      entries[name] = .tensor(shape: parameter.shape, values: parameter.value.scalars)
    }
    entries[EntryName.priorTables] = .bytes(model.hyperLatentTables.flatMap { $0.serialized() })
    entries[EntryName.gaussianTables] = .bytes(model.gaussian.serialized())
    entries[EntryName.thresholds] = .bytes(Self.integerBytes(model.scaleThresholds))
    entries[EntryName.fixedGains] = .bytes(Self.integerBytes(model.logGains))
    entries[EntryName.integerHyperSynthesis] = .bytes(model.hyperSynthesis.serialized())
    return ModelFile(architecture: architecture.json, entries: entries, notes: notes)
  }

  /// Rebuilds a codec, ready to code, from a model file, checking every tensor's shape and
  /// every table.
  ///
  /// - Throws: `ModelFileError` for another architecture, a missing or misshapen tensor, or a
  ///   byte entry that is malformed or does not fit the architecture.
  public convenience init(modelFile: ModelFile) throws {
    let architecture = try PhotoArchitecture(json: modelFile.architecture)
    var generator = SeededGenerator(seed: 0)
    self.init(architecture: architecture, generator: &generator)
    for (name, parameter) in parameters {
      let values = try modelFile.tensor(name, shape: parameter.shape)
      parameter.value = Tensor(shape: parameter.shape, scalars: values)
    }
    entropyModel = try Self.readEntropyModel(modelFile, architecture: architecture)
    try checkIntegerNetworkShape()
  }

  /// The names of the byte entries.
  enum EntryName {
    static let priorTables = "prior.tables"
    static let gaussianTables = "gaussian.tables"
    static let thresholds = "gaussian.thresholds"
    static let fixedGains = "gain.fixed"
    static let integerHyperSynthesis = "hyperSynthesis.integer"
  }

  /// The largest magnitude accepted for a stored log gain or threshold, far beyond any real
  /// one, which keeps sums and fixed-point blends clear of Int64 overflow.
  static let fixedPointLimit: Int64 = 1 << 40

  private static func readEntropyModel(
    _ file: ModelFile, architecture: PhotoArchitecture
  ) throws -> PhotoEntropyModel {
    let priorBytes = try file.bytes(EntryName.priorTables)
    var offset = 0
    var priorTables: [FrequencyTable] = []
    do {
      while offset < priorBytes.count {
        priorTables.append(try FrequencyTable(serialized: priorBytes, offset: &offset))
      }
    } catch {
      throw ModelFileError.malformed(field: EntryName.priorTables, reason: "\(error)")
    }
    guard priorTables.count == architecture.featureChannels else {
      throw ModelFileError.malformed(
        field: EntryName.priorTables,
        reason: "\(priorTables.count) tables for \(architecture.featureChannels) channels")
    }

    let gaussianBytes = try file.bytes(EntryName.gaussianTables)
    var gaussianOffset = 0
    let gaussian: GaussianConditional
    do {
      gaussian = try GaussianConditional(serialized: gaussianBytes, offset: &gaussianOffset)
    } catch {
      throw ModelFileError.malformed(field: EntryName.gaussianTables, reason: "\(error)")
    }
    guard gaussianOffset == gaussianBytes.count,
      gaussian.scales.count == architecture.scaleCount
    else {
      throw ModelFileError.malformed(
        field: EntryName.gaussianTables,
        reason: "expected exactly \(architecture.scaleCount) tables")
    }

    let thresholds = try readIntegers(
      file, name: EntryName.thresholds, count: architecture.scaleCount - 1)
    guard zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0 < $1 }) else {
      throw ModelFileError.malformed(field: EntryName.thresholds, reason: "not increasing")
    }
    let gains = try readIntegers(
      file, name: EntryName.fixedGains,
      count: architecture.ratePoints.count * architecture.latentChannels)
    let network = try IntegerHyperSynthesis(
      serialized: try file.bytes(EntryName.integerHyperSynthesis),
      field: EntryName.integerHyperSynthesis)
    return PhotoEntropyModel(
      hyperLatentTables: priorTables, gaussian: gaussian, scaleThresholds: thresholds,
      logGains: gains, latentChannels: architecture.latentChannels, hyperSynthesis: network)
  }

  /// Checks that the stored integer hyper-synthesis has the float one's geometry.
  private func checkIntegerNetworkShape() throws {
    guard let network = entropyModel?.hyperSynthesis else { return }
    let floatLayers = hyperSynthesisLayers
    let field = EntryName.integerHyperSynthesis
    guard network.layers.count == floatLayers.count, network.outputFractionBits <= 24 else {
      throw ModelFileError.malformed(field: field, reason: "does not match the architecture")
    }
    for (index, (exact, float)) in zip(network.layers, floatLayers).enumerated() {
      let matches =
        exact.inputChannels == float.inputChannels && exact.outputChannels == float.outputChannels
        && exact.kernelSize == float.kernelSize && exact.stride == float.stride
        && exact.padding == float.padding && exact.outputPadding == float.outputPadding
        && exact.signedInput == (index == 0) && exact.rectifies == (index < floatLayers.count - 1)
      guard matches else {
        throw ModelFileError.malformed(
          field: field, reason: "layer \(index) does not match the architecture")
      }
    }
  }

  private static func readIntegers(_ file: ModelFile, name: String, count: Int) throws -> [Int64] {
    let bytes = try file.bytes(name)
    guard bytes.count == 8 * count else {
      throw ModelFileError.malformed(
        field: name, reason: "\(bytes.count) bytes, expected \(8 * count)")
    }
    let values = (0..<count).map { index in
      (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[8 * index + $1]) << UInt64(8 * $1) }
    }.map { Int64(bitPattern: $0) }
    guard values.allSatisfy({ $0.magnitude < fixedPointLimit.magnitude }) else {
      throw ModelFileError.malformed(field: name, reason: "a value is out of range")
    }
    return values
  }

  private static func integerBytes(_ values: [Int64]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(8 * values.count)
    for value in values { bytes.appendLittleEndian(UInt64(bitPattern: value), size: 8) }
    return bytes
  }
}
