import CEmbeddedModels

/// The model files built into the binary.
public enum EmbeddedModels {
  /// Each embedded model file's name (such as `digits-q50`) and bytes.
  ///
  /// - Complexity: O(total size), since the bytes are copied out of the binary.
  public static var all: [(name: String, bytes: [UInt8])] {
    (0..<Int(aez_embedded_model_count())).compactMap { index in
      let model = aez_embedded_model_at(Int32(index))
      guard let name = model.name, let bytes = model.bytes else { return nil }
      return (String(cString: name), Array(UnsafeBufferPointer(start: bytes, count: model.length)))
    }
  }
}
