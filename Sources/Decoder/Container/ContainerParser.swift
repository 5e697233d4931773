/// A cursor over the bytes of a `.aez` file that reads one field at a time and turns every
/// failure into a `ContainerError` naming the field, the entry and the offset.
struct ContainerParser {
  let bytes: [UInt8]
  private(set) var offset = 0
  /// The index of the archive entry being read, for error locations; `nil` in the header.
  var entry: Int?

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The bytes after the cursor.
  var remaining: Int { bytes.count - offset }

  /// The location of `field` starting at `start`.
  func location(_ field: ContainerLocation.Field, at start: Int) -> ContainerLocation {
    ContainerLocation(field, entry: entry, offset: start)
  }

  /// Reads `count` bytes.
  mutating func take(_ count: Int, _ field: ContainerLocation.Field) throws(ContainerError)
    -> ArraySlice<UInt8>
  {
    guard count <= remaining else { throw .truncated(at: location(field, at: offset)) }
    defer { offset += count }
    return bytes[offset..<offset + count]
  }

  /// Reads one byte.
  mutating func byte(_ field: ContainerLocation.Field) throws(ContainerError) -> UInt8 {
    guard remaining >= 1 else { throw .truncated(at: location(field, at: offset)) }
    defer { offset += 1 }
    return bytes[offset]
  }

  /// Reads a varint.
  mutating func varint(_ field: ContainerLocation.Field) throws(ContainerError) -> UInt64 {
    let start = offset
    do {
      return try Varint.decode(bytes, at: &offset)
    } catch {
      switch error {
      case .truncated: throw .truncated(at: location(field, at: start))
      case .overflow: throw .varintOverflow(at: location(field, at: start))
      case .overlong: throw .overlongVarint(at: location(field, at: start))
      }
    }
  }

  /// Reads an image header (header word, geometry, quality, latent shape) and returns it
  /// with the header word.
  ///
  /// - Parameter isFileHeader: Whether this is the file's header, where the archive flags
  ///   are defined, rather than an archive entry's own header.
  mutating func imageHeader(isFileHeader: Bool) throws(ContainerError)
    -> (header: ContainerImageHeader, word: UInt64)
  {
    let wordStart = offset
    let word = try varint(.headerWord)
    let wordLocation = location(.headerWord, at: wordStart)
    let allowed =
      isFileHeader
      ? HeaderWord.fileBits(isArchive: word & HeaderWord.archive != 0) : HeaderWord.imageBits
    guard word & ~allowed == 0 else {
      throw .unknownFlags(bits: word & ~allowed, at: wordLocation)
    }
    let pixelFormat = try Self.pixelFormat(of: word, at: wordLocation)

    let widthStart = offset
    let width = try varint(.width)
    let heightStart = offset
    var height = width
    if word & HeaderWord.square == 0 {
      height = try varint(.height)
    }
    let validDimensions = 1...UInt64(ContainerImageHeader.maximumDimension)
    guard validDimensions.contains(width) else {
      throw .badGeometry(width: width, height: height, at: location(.width, at: widthStart))
    }
    guard validDimensions.contains(height) else {
      throw .badGeometry(width: width, height: height, at: location(.height, at: heightStart))
    }

    let qualityStart = offset
    let qualityCode = try varint(.quality)
    let fractional = word & HeaderWord.fractionalQuality != 0
    let qualityLimit = fractional ? UInt64(ContainerImageHeader.maximumQualityHundredths) : 100
    guard qualityCode <= qualityLimit else {
      throw .badQuality(
        code: qualityCode, fractional: fractional, at: location(.quality, at: qualityStart))
    }

    var latentShape: [Int]?
    if word & HeaderWord.explicitLatentShape != 0 {
      latentShape = try self.latentShape()
    }
    let header = ContainerImageHeader(
      pixelFormat: pixelFormat, width: Int(width), height: Int(height),
      qualityHundredths: Int(fractional ? qualityCode : qualityCode * 100),
      latentShape: latentShape)
    return (header, word)
  }

  /// Reads an explicit latent shape: a rank, then that many dimensions.
  private mutating func latentShape() throws(ContainerError) -> [Int] {
    let rankStart = offset
    let rank = try varint(.latentRank)
    guard rank >= 1 && rank <= UInt64(ContainerImageHeader.maximumLatentRank) else {
      throw .badLatentShape(rank, at: location(.latentRank, at: rankStart))
    }
    var dimensions: [Int] = []
    for index in 0..<Int(rank) {
      let start = offset
      let dimension = try varint(.latentDimension(index))
      guard dimension >= 1 && dimension <= UInt64(ContainerImageHeader.maximumDimension) else {
        throw .badLatentShape(dimension, at: location(.latentDimension(index), at: start))
      }
      dimensions.append(Int(dimension))
    }
    return dimensions
  }

  /// The pixel format in bits 0-5 of a header word.
  private static func pixelFormat(of word: UInt64, at location: ContainerLocation)
    throws(ContainerError) -> ContainerPixelFormat
  {
    let depthCode = UInt8(word & HeaderWord.bitDepthMask)
    guard depthCode <= 4 else { throw .badBitDepthCode(depthCode, at: location) }
    let alphaCode = UInt8((word & HeaderWord.alphaMask) >> HeaderWord.alphaShift)
    guard let alpha = ContainerPixelFormat.Alpha(rawValue: alphaCode) else {
      throw .badAlphaCode(alphaCode, at: location)
    }
    let format = ContainerPixelFormat(
      colorModel: word & HeaderWord.rgb != 0 ? .rgb : .gray, alpha: alpha,
      bitDepth: 1 << Int(depthCode))
    guard format.isSupported else { throw .unsupportedPixelFormat(format, at: location) }
    return format
  }
}
