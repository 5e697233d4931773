/// One image in a `.aez` file: its header, its optional name and its coded payload.
public struct ContainerEntry: Sendable, Equatable {
  /// The image's geometry, pixel format, quality and latent shape.
  public var header: ContainerImageHeader
  /// The source file's name without its folder (archives only); `nil` when unnamed.
  public var name: String?
  /// The coded bytes; their layout belongs to the model's codec.
  public var payload: [UInt8]

  /// Creates an entry.
  public init(header: ContainerImageHeader, name: String? = nil, payload: [UInt8]) {
    self.header = header
    self.name = name
    self.payload = payload
  }
}
