extension ContainerImageHeader {
  /// Checks that a file can record this header, as a reader would.
  ///
  /// - Parameter entry: The archive entry the header belongs to, for error locations.
  /// - Throws: `ContainerError.unsupportedPixelFormat`, `.badGeometry`, `.badQuality` or
  ///   `.badLatentShape`.
  func validate(entry: Int?) throws(ContainerError) {
    func location(_ field: ContainerLocation.Field) -> ContainerLocation {
      ContainerLocation(field, entry: entry)
    }
    guard pixelFormat.isSupported else {
      throw .unsupportedPixelFormat(pixelFormat, at: location(.headerWord))
    }
    let validDimensions = 1...Self.maximumDimension
    for (value, field) in [(width, ContainerLocation.Field.width), (height, .height)]
    where !validDimensions.contains(value) {
      throw .badGeometry(
        width: UInt64(clamping: width), height: UInt64(clamping: height), at: location(field))
    }
    guard (0...Self.maximumQualityHundredths).contains(qualityHundredths) else {
      throw .badQuality(
        code: UInt64(clamping: qualityHundredths), fractional: true, at: location(.quality))
    }
    if let latentShape {
      guard (1...Self.maximumLatentRank).contains(latentShape.count) else {
        throw .badLatentShape(UInt64(latentShape.count), at: location(.latentRank))
      }
      for (index, dimension) in latentShape.enumerated()
      where !validDimensions.contains(dimension) {
        throw .badLatentShape(UInt64(clamping: dimension), at: location(.latentDimension(index)))
      }
    }
  }

  /// Appends the header word (with `extraFlags` added) and the fields it announces.
  ///
  /// The height is left out when it equals the width, and the quality is written whole when
  /// it is a multiple of 100 hundredths, so every header has its shortest form.
  func append(to bytes: inout [UInt8], extraFlags: UInt64 = 0) {
    var word = HeaderWord.bitDepthCode(pixelFormat.bitDepth) | extraFlags
    word |= UInt64(pixelFormat.alpha.rawValue) << HeaderWord.alphaShift
    if pixelFormat.colorModel == .rgb { word |= HeaderWord.rgb }
    if width == height { word |= HeaderWord.square }
    let isWhole = qualityHundredths % 100 == 0
    if !isWhole { word |= HeaderWord.fractionalQuality }
    if latentShape != nil { word |= HeaderWord.explicitLatentShape }

    Varint.append(word, to: &bytes)
    Varint.append(UInt64(width), to: &bytes)
    if width != height { Varint.append(UInt64(height), to: &bytes) }
    Varint.append(UInt64(isWhole ? qualityHundredths / 100 : qualityHundredths), to: &bytes)
    if let latentShape {
      Varint.append(UInt64(latentShape.count), to: &bytes)
      for dimension in latentShape { Varint.append(UInt64(dimension), to: &bytes) }
    }
  }
}
