/// The byte format of a `TensorArchive`.
extension TensorArchive {
  /// The first four bytes of every archive, `AEZT`.
  static let magic: [UInt8] = [0x41, 0x45, 0x5A, 0x54]

  /// The format version this build writes and reads.
  static let version: UInt16 = 1

  /// The archive as bytes, every number little-endian.
  ///
  /// Layout: the magic `AEZT`; the version (UInt16); the tensor count and the integer count
  /// (UInt32 each); per tensor its name (UInt16 byte count, then UTF-8), rank (UInt8),
  /// dimensions (UInt32 each) and values (Float32 bit patterns, row-major); per integer its
  /// name and value (Int64); finally the CRC-32 of all preceding bytes (UInt32).
  ///
  /// - Complexity: O(total element count).
  public func encoded() -> [UInt8] {
    var bytes = TensorArchive.magic
    let valueCount = tensors.values.reduce(0) { $0 + $1.count }
    bytes.reserveCapacity(64 + 4 * valueCount + 64 * (tensorNames.count + integerNames.count))
    append(TensorArchive.version, to: &bytes)
    append(UInt32(tensorNames.count), to: &bytes)
    append(UInt32(integerNames.count), to: &bytes)

    for name in tensorNames {
      guard let tensor = tensors[name] else { continue }
      appendName(name, to: &bytes)
      bytes.append(UInt8(tensor.shape.count))
      for dimension in tensor.shape { append(UInt32(dimension), to: &bytes) }
      tensor.withUnsafeBufferPointer { values in
        for value in values { append(value.bitPattern, to: &bytes) }
      }
    }
    for name in integerNames {
      appendName(name, to: &bytes)
      append(UInt64(bitPattern: integers[name] ?? 0), to: &bytes)
    }

    append(CRC32.checksum(bytes), to: &bytes)
    return bytes
  }

  /// Decodes an archive written by `encoded()`.
  ///
  /// - Parameter bytes: The whole archive, including its checksum.
  /// - Throws: `ArchiveError` when the bytes are not an archive, come from an unknown version,
  ///   fail the checksum, or are malformed.
  /// - Complexity: O(`bytes.count`).
  public init(decoding bytes: [UInt8]) throws(ArchiveError) {
    var header = ByteReader(bytes: bytes[...])
    let magic = try header.read(count: 4)
    guard Array(magic) == TensorArchive.magic else { throw .notAnArchive(magic: Array(magic)) }
    let version = try header.readUInt16()
    guard version == TensorArchive.version else { throw .unsupportedVersion(version) }
    // Header (14 bytes) and checksum (4 bytes) must both be present before anything else.
    guard bytes.count >= 18 else {
      throw .truncated(offset: 0, needed: 18, available: bytes.count)
    }
    let body = bytes[..<(bytes.count - 4)]
    var trailer = ByteReader(bytes: bytes[(bytes.count - 4)...], offset: bytes.count - 4)
    let stored = try trailer.readUInt32()
    let computed = CRC32.checksum(body)
    guard stored == computed else { throw .checksumMismatch(stored: stored, computed: computed) }

    var reader = ByteReader(bytes: body[6...], offset: 6)
    let tensorCount = try reader.readUInt32()
    let integerCount = try reader.readUInt32()
    self.init()
    for _ in 0..<tensorCount {
      let name = try reader.readName()
      guard tensors[name] == nil else { throw .duplicateName(name) }
      setTensor(try reader.readTensor(named: name), named: name)
    }
    for _ in 0..<integerCount {
      let name = try reader.readName()
      guard integers[name] == nil else { throw .duplicateName(name) }
      setInteger(Int64(bitPattern: try reader.readUInt64()), named: name)
    }
    guard reader.remaining == 0 else { throw .trailingBytes(count: reader.remaining) }
  }

  private func appendName(_ name: String, to bytes: inout [UInt8]) {
    append(UInt16(name.utf8.count), to: &bytes)
    bytes.append(contentsOf: name.utf8)
  }

  private func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
    for byteIndex in 0..<(Integer.bitWidth / 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> (8 * byteIndex)))
    }
  }
}

/// Reads little-endian fields from a byte slice, throwing `truncated` past its end.
private struct ByteReader {
  let bytes: ArraySlice<UInt8>
  private(set) var position: Int
  /// The archive offset of `bytes.startIndex`, for error messages.
  private let baseOffset: Int

  init(bytes: ArraySlice<UInt8>, offset: Int = 0) {
    self.bytes = bytes
    position = bytes.startIndex
    baseOffset = offset - bytes.startIndex
  }

  var remaining: Int { bytes.endIndex - position }

  mutating func read(count: Int) throws(ArchiveError) -> ArraySlice<UInt8> {
    guard count <= remaining else {
      throw .truncated(offset: baseOffset + position, needed: count, available: remaining)
    }
    defer { position += count }
    return bytes[position..<(position + count)]
  }

  mutating func readInteger<Integer: FixedWidthInteger>(
    _ type: Integer.Type
  ) throws(ArchiveError) -> Integer {
    var value: Integer = 0
    for (byteIndex, byte) in try read(count: Integer.bitWidth / 8).enumerated() {
      value |= Integer(byte) << (8 * byteIndex)
    }
    return value
  }

  mutating func readUInt16() throws(ArchiveError) -> UInt16 { try readInteger(UInt16.self) }
  mutating func readUInt32() throws(ArchiveError) -> UInt32 { try readInteger(UInt32.self) }
  mutating func readUInt64() throws(ArchiveError) -> UInt64 { try readInteger(UInt64.self) }

  mutating func readName() throws(ArchiveError) -> String {
    let length = Int(try readUInt16())
    let offset = baseOffset + position
    guard let name = String(validating: try read(count: length), as: UTF8.self) else {
      throw .invalidName(offset: offset)
    }
    return name
  }

  mutating func readTensor(named name: String) throws(ArchiveError) -> Tensor {
    let rank = Int(try read(count: 1).first ?? 0)
    var shape: [Int] = []
    for _ in 0..<rank { shape.append(Int(try readUInt32())) }
    var count = 1
    for dimension in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      guard !overflow, product <= Int.max / 4 else {
        throw .invalidShape(name: name, shape: shape)
      }
      count = product
    }
    // Check the length before allocating, so a corrupt count cannot request huge memory.
    let values = try read(count: 4 * count)
    return Tensor(shape: shape) { buffer in
      var byteIndex = values.startIndex
      for index in 0..<count {
        let bits =
          UInt32(values[byteIndex]) | UInt32(values[byteIndex + 1]) << 8
          | UInt32(values[byteIndex + 2]) << 16 | UInt32(values[byteIndex + 3]) << 24
        buffer[index] = Float(bitPattern: bits)
        byteIndex += 4
      }
    }
  }
}
