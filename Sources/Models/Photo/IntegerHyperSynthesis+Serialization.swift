extension IntegerHyperSynthesis {
  /// The version byte that starts a stored integer hyper-synthesis.
  static let serializationVersion: UInt8 = 1

  /// The network in its stored form, every integer little-endian:
  ///
  /// | bytes | field |
  /// | --- | --- |
  /// | 1 | format version, 1 |
  /// | 1 | output fractional bits |
  /// | 1 | layer count `L` |
  /// | … | `L` layers |
  ///
  /// and each layer:
  ///
  /// | bytes | field |
  /// | --- | --- |
  /// | 4 + 4 | input and output channels, UInt32 |
  /// | 1 + 1 + 1 + 1 | kernel size, stride, padding, output padding |
  /// | 1 + 1 | signed input, rectifies (0 or 1) |
  /// | 8 | input limit, Int64 |
  /// | 1 | shift |
  /// | 4 · count | weights, Int32, `[in, out, k, k]` |
  /// | 8 · out | biases, Int64 |
  public func serialized() -> [UInt8] {
    var bytes: [UInt8] = [
      Self.serializationVersion, UInt8(outputFractionBits), UInt8(layers.count),
    ]
    for layer in layers {
      bytes.appendLittleEndian(UInt64(layer.inputChannels), size: 4)
      bytes.appendLittleEndian(UInt64(layer.outputChannels), size: 4)
      bytes += [
        UInt8(layer.kernelSize), UInt8(layer.stride), UInt8(layer.padding),
        UInt8(layer.outputPadding), layer.signedInput ? 1 : 0, layer.rectifies ? 1 : 0,
      ]
      bytes.appendLittleEndian(UInt64(bitPattern: layer.inputLimit), size: 8)
      bytes.append(UInt8(layer.shift))
      bytes.reserveCapacity(bytes.count + 4 * layer.weights.count + 8 * layer.biases.count)
      for weight in layer.weights {
        bytes.appendLittleEndian(UInt64(UInt32(bitPattern: weight)), size: 4)
      }
      for bias in layer.biases { bytes.appendLittleEndian(UInt64(bitPattern: bias), size: 8) }
    }
    return bytes
  }

  /// Reads a network stored by ``serialized()`` and checks that it runs exactly.
  ///
  /// - Parameters:
  ///   - bytes: The stored form, nothing after it.
  ///   - field: The name of the model-file entry, for error messages.
  /// - Throws: `ModelFileError.truncated` or `.malformed` naming `field`, also when a layer
  ///   could leave the exact range of Float64.
  public init(serialized bytes: [UInt8], field: String) throws {
    var reader = ByteReader(bytes)
    let version = UInt8(try reader.littleEndian(1, field: field))
    guard version == Self.serializationVersion else {
      throw ModelFileError.malformed(field: field, reason: "unknown version \(version)")
    }
    let outputBits = Int(try reader.littleEndian(1, field: field))
    let layerCount = Int(try reader.littleEndian(1, field: field))
    guard layerCount >= 1, outputBits <= 30 else {
      throw ModelFileError.malformed(field: field, reason: "no layers or too many output bits")
    }
    var layers: [IntegerTransposedConvolution] = []
    for _ in 0..<layerCount {
      let inputChannels = Int(try reader.littleEndian(4, field: field))
      let outputChannels = Int(try reader.littleEndian(4, field: field))
      let geometry = try reader.take(6, field: field).map(Int.init)
      let inputLimit = Int64(bitPattern: try reader.littleEndian(8, field: field))
      let shift = Int(try reader.littleEndian(1, field: field))
      guard (1...4096).contains(inputChannels), (1...4096).contains(outputChannels),
        (1...16).contains(geometry[0]), geometry[4] <= 1, geometry[5] <= 1
      else {
        throw ModelFileError.malformed(field: field, reason: "a layer has an invalid shape")
      }
      let count = inputChannels * outputChannels * geometry[0] * geometry[0]
      guard 4 * count + 8 * outputChannels <= reader.remaining else {
        throw ModelFileError.truncated(field: field)
      }
      var weights: [Int32] = []
      weights.reserveCapacity(count)
      for _ in 0..<count {
        weights.append(Int32(bitPattern: UInt32(try reader.littleEndian(4, field: field))))
      }
      var biases: [Int64] = []
      for _ in 0..<outputChannels {
        biases.append(Int64(bitPattern: try reader.littleEndian(8, field: field)))
      }
      let layer = IntegerTransposedConvolution(
        inputChannels: inputChannels, outputChannels: outputChannels, kernelSize: geometry[0],
        stride: geometry[1], padding: geometry[2], outputPadding: geometry[3],
        weights: weights, biases: biases, inputLimit: inputLimit, signedInput: geometry[4] == 1,
        shift: shift, rectifies: geometry[5] == 1)
      if let problem = layer.exactnessProblem() {
        throw ModelFileError.malformed(field: field, reason: "layer \(layers.count): \(problem)")
      }
      layers.append(layer)
    }
    guard reader.remaining == 0 else {
      throw ModelFileError.malformed(field: field, reason: "bytes after the last layer")
    }
    self.init(layers: layers, outputFractionBits: outputBits)
  }
}

extension [UInt8] {
  /// Appends the low `size` bytes of `value`, least significant first.
  mutating func appendLittleEndian(_ value: UInt64, size: Int) {
    for index in 0..<size { append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
  }
}
