/// A named collection of tensors and integers that encodes to, and decodes from, bytes.
///
/// Model parameters, optimizer state and random generator state are all saved as entries of
/// one archive, each under a dotted name (`encoder.0.weight`, `optimizer.stepCount`), so a
/// training run can be stopped and resumed bit for bit. Entries keep their insertion order,
/// which makes the encoding deterministic. See `encoded()` for the byte format.
public struct TensorArchive: Sendable, Equatable {
  /// The names of the tensors, in insertion order.
  public private(set) var tensorNames: [String] = []

  /// The names of the integers, in insertion order.
  public private(set) var integerNames: [String] = []

  private(set) var tensors: [String: Tensor] = [:]
  private(set) var integers: [String: Int64] = [:]

  /// Creates an empty archive.
  public init() {}

  /// Stores `tensor` under `name`, replacing any tensor of that name.
  ///
  /// - Parameters:
  ///   - tensor: At most 255 dimensions, each below 2³².
  ///   - name: At most 65,535 bytes of UTF-8.
  public mutating func setTensor(_ tensor: Tensor, named name: String) {
    precondition(name.utf8.count <= Int(UInt16.max), "entry names are at most 65535 bytes")
    precondition(
      tensor.shape.count <= Int(UInt8.max) && tensor.shape.allSatisfy { $0 <= UInt32.max },
      "shape \(tensor.shape) cannot be encoded")
    if tensors.updateValue(tensor, forKey: name) == nil { tensorNames.append(name) }
  }

  /// The tensor stored under `name`, or nil.
  public func tensor(named name: String) -> Tensor? {
    tensors[name]
  }

  /// The tensor stored under `name`, which must have `shape`.
  ///
  /// - Throws: `ArchiveError.missingTensor` or `ArchiveError.shapeMismatch` (carrying the
  ///   expected and the stored shape).
  public func tensor(named name: String, shape: [Int]) throws(ArchiveError) -> Tensor {
    guard let tensor = tensors[name] else { throw .missingTensor(name: name) }
    guard tensor.shape == shape else {
      throw .shapeMismatch(name: name, expected: shape, actual: tensor.shape)
    }
    return tensor
  }

  /// Stores `value` under `name`, replacing any integer of that name.
  ///
  /// - Parameters:
  ///   - value: The integer.
  ///   - name: At most 65,535 bytes of UTF-8.
  public mutating func setInteger(_ value: Int64, named name: String) {
    precondition(name.utf8.count <= Int(UInt16.max), "entry names are at most 65535 bytes")
    if integers.updateValue(value, forKey: name) == nil { integerNames.append(name) }
  }

  /// The integer stored under `name`.
  ///
  /// - Throws: `ArchiveError.missingInteger`.
  public func integer(named name: String) throws(ArchiveError) -> Int64 {
    guard let value = integers[name] else { throw .missingInteger(name: name) }
    return value
  }
}
