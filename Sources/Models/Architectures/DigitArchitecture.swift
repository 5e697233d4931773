import NumericCore

/// The shape of a network for small images coded with a factorized prior.
///
/// `dense` is the seed's fully connected autoencoder and its variants; `conv` is a small
/// convolutional codec with GDN. Both read and write images as NCHW tensors in [0, 1].
public enum DigitArchitecture: Equatable, Sendable {
  /// `inputs → hidden… → latent → …hidden → inputs`, activations between, sigmoid output.
  case dense(hidden: [Int], latent: Int, activation: Activation, latentActivation: Activation)
  /// Two 5x5 stride-2 convolutions with GDN and a 3x3 convolution to `latentChannels`
  /// planes at a quarter of the resolution; the decoder mirrors it with inverse GDN.
  case conv(channels: Int, latentChannels: Int)

  /// An activation between layers.
  public enum Activation: String, Sendable, CaseIterable {
    case relu, elu, leakyRelu = "leaky-relu", sigmoid, linear

    func layer() -> (any Layer)? {
      switch self {
      case .relu: return ReLU()
      case .elu: return ELU()
      case .leakyRelu: return LeakyReLU()
      case .sigmoid: return Sigmoid()
      case .linear: return nil
      }
    }
  }

  /// The architecture's JSON form, as stored in model files.
  public var json: [String: JSONValue] {
    switch self {
    case .dense(let hidden, let latent, let activation, let latentActivation):
      return [
        "name": "dense", "hidden": .array(hidden.map { .number(Double($0)) }),
        "latent": .number(Double(latent)), "activation": .string(activation.rawValue),
        "latentActivation": .string(latentActivation.rawValue),
      ]
    case .conv(let channels, let latentChannels):
      return [
        "name": "conv", "channels": .number(Double(channels)),
        "latentChannels": .number(Double(latentChannels)),
      ]
    }
  }

  /// Reads an architecture from its JSON form.
  ///
  /// - Throws: `ModelFileError` when a key is missing or invalid.
  public init(json: [String: JSONValue]) throws {
    func integer(_ key: String) throws -> Int {
      guard let value = json[key]?.number, value >= 1, value == value.rounded(), value <= 16_384
      else { throw ModelFileError.malformed(field: "architecture.\(key)", reason: "not a size") }
      return Int(value)
    }
    func activation(_ key: String) throws -> Activation {
      guard let name = json[key]?.string, let value = Activation(rawValue: name) else {
        throw ModelFileError.malformed(field: "architecture.\(key)", reason: "not an activation")
      }
      return value
    }
    switch json["name"]?.string {
    case "dense":
      guard let hiddenValues = json["hidden"]?.array else {
        throw ModelFileError.malformed(field: "architecture.hidden", reason: "not a list")
      }
      let hidden = try hiddenValues.map { value -> Int in
        guard let number = value.number, number >= 1, number == number.rounded(), number <= 16_384
        else {
          throw ModelFileError.malformed(field: "architecture.hidden", reason: "not sizes")
        }
        return Int(number)
      }
      self = .dense(
        hidden: hidden, latent: try integer("latent"), activation: try activation("activation"),
        latentActivation: try activation("latentActivation"))
    case "conv":
      self = .conv(channels: try integer("channels"), latentChannels: try integer("latentChannels"))
    case let name:
      throw ModelFileError.unknownArchitecture(name ?? "(none)")
    }
  }

  /// The number of latent channels the prior models.
  var latentChannels: Int {
    switch self {
    case .dense(_, let latent, _, _): return latent
    case .conv(_, let latentChannels): return latentChannels
    }
  }

  /// Builds the encoder and decoder for images of `height` by `width` with one channel;
  /// the decoder outputs logits (the sigmoid is applied by the caller).
  func makeNetworks(
    height: Int, width: Int, generator: inout SeededGenerator
  ) -> (encoder: Sequential, decoder: Sequential) {
    switch self {
    case .dense(let hidden, let latent, let activation, let latentActivation):
      let sizes = [height * width] + hidden + [latent]
      var encoder: [any Layer] = []
      for index in 0..<sizes.count - 1 {
        let last = index == sizes.count - 2
        let next = last ? latentActivation : activation
        encoder.append(
          Dense(
            inputSize: sizes[index], outputSize: sizes[index + 1],
            initialization: next == .relu ? .heUniform : .glorotUniform, generator: &generator))
        if let layer = next.layer() { encoder.append(layer) }
      }
      let reversedSizes = Array(sizes.reversed())
      var decoder: [any Layer] = []
      for index in 0..<reversedSizes.count - 1 {
        let last = index == reversedSizes.count - 2
        decoder.append(
          Dense(
            inputSize: reversedSizes[index], outputSize: reversedSizes[index + 1],
            initialization: !last && activation == .relu ? .heUniform : .glorotUniform,
            generator: &generator))
        if !last, let layer = activation.layer() { decoder.append(layer) }
      }
      return (Sequential(encoder), Sequential(decoder))

    case .conv(let channels, let latentChannels):
      let encoder = Sequential([
        Conv2D(
          inputChannels: 1, outputChannels: channels, kernelSize: 5, stride: 2, padding: 2,
          generator: &generator),
        GDN(channels: channels),
        Conv2D(
          inputChannels: channels, outputChannels: channels, kernelSize: 5, stride: 2,
          padding: 2, generator: &generator),
        GDN(channels: channels),
        Conv2D(
          inputChannels: channels, outputChannels: latentChannels, kernelSize: 3, padding: 1,
          generator: &generator),
      ])
      let decoder = Sequential([
        TransposedConv2D(
          inputChannels: latentChannels, outputChannels: channels, kernelSize: 3, padding: 1,
          generator: &generator),
        GDN(channels: channels, inverse: true),
        TransposedConv2D(
          inputChannels: channels, outputChannels: channels, kernelSize: 5, stride: 2,
          padding: 2, outputPadding: 1, generator: &generator),
        GDN(channels: channels, inverse: true),
        TransposedConv2D(
          inputChannels: channels, outputChannels: 1, kernelSize: 5, stride: 2, padding: 2,
          outputPadding: 1, generator: &generator),
      ])
      return (encoder, decoder)
    }
  }
}
