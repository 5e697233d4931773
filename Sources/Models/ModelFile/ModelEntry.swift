/// One named value stored in a model file: a Float32 tensor or a block of bytes.
public enum ModelEntry: Equatable, Sendable {
  /// A dense row-major Float32 tensor of the given shape.
  case tensor(shape: [Int], values: [Float])
  /// Opaque bytes, such as an entropy-coding table.
  case bytes([UInt8])
}
