/// The coded form of one image: the hyper-latent stream, then the latent stream.
///
/// ``bytes`` is self-delimiting: the hyper-latent stream's length as an unsigned LEB128
/// varint (7 bits per byte, least significant group first, high bit set on every byte but the
/// last, minimal length), the hyper-latent stream, then the latent stream to the end. The
/// shapes are not stored: they follow from the image size, which the container records.
public struct PhotoBitstream: Sendable, Equatable {
  /// The range-coded hyper-latents `ẑ`.
  public var hyperLatentBytes: [UInt8]
  /// The range-coded latents `ŷ`.
  public var latentBytes: [UInt8]
  /// The shape `[N, height/64, width/64]` of `ẑ`.
  public var hyperLatentShape: [Int]
  /// The shape `[M, height/16, width/16]` of `ŷ`.
  public var latentShape: [Int]

  /// A bitstream of the given streams and shapes.
  public init(
    hyperLatentBytes: [UInt8], latentBytes: [UInt8], hyperLatentShape: [Int], latentShape: [Int]
  ) {
    self.hyperLatentBytes = hyperLatentBytes
    self.latentBytes = latentBytes
    self.hyperLatentShape = hyperLatentShape
    self.latentShape = latentShape
  }

  /// Splits the self-delimiting form into its two streams.
  ///
  /// - Parameters:
  ///   - bytes: The length prefix and both streams, nothing else.
  ///   - hyperLatentShape: The shape of `ẑ` for the image size.
  ///   - latentShape: The shape of `ŷ` for the image size.
  /// - Throws: `PhotoCodingError.invalidLengthPrefix` or `.truncatedBitstream`.
  public init(bytes: [UInt8], hyperLatentShape: [Int], latentShape: [Int]) throws(PhotoCodingError)
  {
    var length: UInt64 = 0
    var offset = 0
    while true {
      guard offset < bytes.count else { throw .truncatedBitstream(length: bytes.count) }
      guard offset < 9 else { throw .invalidLengthPrefix }
      let byte = bytes[offset]
      length |= UInt64(byte & 0x7F) << UInt64(7 * offset)
      offset += 1
      if byte & 0x80 == 0 {
        // A final zero group after the first byte would make the encoding non-minimal.
        guard byte != 0 || offset == 1 else { throw .invalidLengthPrefix }
        break
      }
    }
    guard length <= UInt64(bytes.count - offset) else {
      throw .truncatedBitstream(length: bytes.count)
    }
    let end = offset + Int(length)
    self.init(
      hyperLatentBytes: Array(bytes[offset..<end]), latentBytes: Array(bytes[end...]),
      hyperLatentShape: hyperLatentShape, latentShape: latentShape)
  }

  /// The self-delimiting form: varint length of the hyper-latent stream, that stream, then
  /// the latent stream.
  public var bytes: [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(hyperLatentBytes.count + latentBytes.count + 4)
    var length = UInt64(hyperLatentBytes.count)
    repeat {
      let group = UInt8(length & 0x7F)
      length >>= 7
      result.append(length == 0 ? group : group | 0x80)
    } while length != 0
    return result + hyperLatentBytes + latentBytes
  }
}
