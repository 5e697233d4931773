import PNGShim

/// PNG decoding and encoding in memory, through libpng.
///
/// This is the only file of the module that talks to the C shim. Decoding accepts every valid
/// PNG: grey at 1, 2, 4, 8 and 16 bits, grey+alpha, RGB and RGBA at 8 and 16 bits, palette
/// images at any index depth, with or without tRNS, interlaced or not. Samples arrive exactly as
/// stored: no gamma, sBIT or colour-profile correction is applied.
///
/// Expansion rules:
/// - palette images become RGB, or RGBA when a tRNS chunk is present (8-bit samples);
/// - grey below 8 bits is scaled to 8 bits (`v * 255 / (2^depth - 1)`: 1-bit 0/1 becomes
///   0/255, 2-bit steps are 85, 4-bit steps 17), and `sourceBitDepth` keeps the original depth;
/// - a tRNS chunk on a grey or RGB image adds an alpha channel: 0 where the pixel equals the
///   tRNS key, the maximum value elsewhere (grey becomes grey+alpha, RGB becomes RGBA).
///
/// Damage: a bad CRC or invalid content in a critical chunk (IHDR, PLTE, IDAT), a broken zlib
/// stream, too little image data, or a file that ends before IEND is an error. A damaged
/// ancillary chunk (text, gamma, ...) is dropped and the image still decodes, as libpng does
/// by default, since no pixel depends on it.
public enum PNG {
  /// The largest `width * height` that `decode` accepts by default: 2^28 pixels (a
  /// 16384 x 16384 image, 2 GiB of samples as 16-bit RGBA).
  public static let defaultMaximumPixelCount = 1 << 28

  // libpng's messages are short; 256 bytes leaves room for the longest of the shim's own.
  private static let messageCapacity = 256

  /// Reads the signature and IHDR of a PNG without decoding its pixels.
  ///
  /// - Parameters:
  ///   - bytes: the PNG file's contents.
  ///   - source: the name used in error messages, usually the file's path.
  ///   - maximumPixelCount: largest `width * height` accepted.
  /// - Throws: `PNGError` when the data is not a readable PNG, is too large, or declares more
  ///   pixels than its bytes could hold (`sizeExceedsData`).
  /// - Complexity: O(bytes before the first IDAT chunk).
  public static func readHeader(
    _ bytes: [UInt8], source: String = "PNG data",
    maximumPixelCount: Int = defaultMaximumPixelCount
  ) throws -> Header {
    precondition(maximumPixelCount > 0, "the pixel limit must be positive")
    var header = pngshim_header()
    var message = [CChar](repeating: 0, count: messageCapacity)
    let status = bytes.withUnsafeBufferPointer { input in
      message.withUnsafeMutableBufferPointer { text in
        pngshim_read_header(
          input.baseAddress, input.count, UInt64(maximumPixelCount), &header, text.baseAddress,
          text.count)
      }
    }
    if status != PNGSHIM_OK {
      throw error(
        for: status, header: header, message: message, source: source, limit: maximumPixelCount,
        byteCount: bytes.count)
    }
    return Header(header)
  }

  /// Decodes a PNG held in memory.
  ///
  /// - Parameters:
  ///   - bytes: the PNG file's contents.
  ///   - source: the name used in error messages, usually the file's path.
  ///   - maximumPixelCount: largest `width * height` accepted; larger images throw
  ///     `PNGError.tooLarge` before any pixel memory is allocated.
  /// - Returns: 8- or 16-bit samples in the layout described in the type's documentation.
  /// - Throws: `PNGError` for empty, foreign, truncated, corrupt or oversized data.
  /// - Complexity: O(bytes + samples); the samples are the only large allocation.
  public static func decode(
    _ bytes: [UInt8], source: String = "PNG data",
    maximumPixelCount: Int = defaultMaximumPixelCount
  ) throws -> PixelBuffer {
    let header = try readHeader(bytes, source: source, maximumPixelCount: maximumPixelCount)
    let count = header.width * header.height * header.decodedLayout.channelCount

    var shimHeader = pngshim_header()
    var message = [CChar](repeating: 0, count: messageCapacity)
    var status = PNGSHIM_OK
    let samples = [UInt16](unsafeUninitializedCapacity: count) { buffer, initializedCount in
      status = bytes.withUnsafeBufferPointer { input in
        message.withUnsafeMutableBufferPointer { text in
          pngshim_decode(
            input.baseAddress, input.count, UInt64(maximumPixelCount), &shimHeader,
            buffer.baseAddress, count, text.baseAddress, text.count)
        }
      }
      initializedCount = status == PNGSHIM_OK ? count : 0
    }
    if status != PNGSHIM_OK {
      throw error(
        for: status, header: shimHeader, message: message, source: source,
        limit: maximumPixelCount, byteCount: bytes.count)
    }

    return PixelBuffer(
      width: header.width, height: header.height, layout: header.decodedLayout,
      sampleDepth: header.decodedSampleDepth, samples: samples, sourceBitDepth: header.bitDepth,
      sourceIsPalette: header.colourType == .palette)
  }

  /// Encodes an image as a non-interlaced PNG in memory.
  ///
  /// The bit depth written is `options.bitDepth`, or `image.preferredPNGBitDepth` when that is
  /// nil. Samples are requantized to it with `round(v * (2^bits - 1) / maximumValue)`; from 8
  /// to 16 bits that is `v * 257`. A 1-, 2- or 4-bit grey image decoded by `decode` therefore
  /// encodes back to the same values at its own depth.
  ///
  /// - Parameters:
  ///   - image: the image to encode; all four layouts are accepted.
  ///   - options: bit depth and zlib compression level.
  /// - Returns: the bytes of a complete PNG file.
  /// - Throws: `PNGError.unsupportedBitDepth` when the depth does not suit the layout,
  ///   `PNGError.encodingFailed` or `.outOfMemory` when libpng fails.
  /// - Complexity: O(samples), dominated by zlib.
  public static func encode(_ image: PixelBuffer, options: EncodeOptions = EncodeOptions())
    throws -> [UInt8]
  {
    let bitDepth = options.bitDepth ?? image.preferredPNGBitDepth
    guard [8, 16].contains(bitDepth) || ([1, 2, 4].contains(bitDepth) && image.layout == .grey)
    else {
      throw PNGError.unsupportedBitDepth(bitDepth: bitDepth, layout: image.layout)
    }
    let values = requantized(image, toBits: bitDepth)

    var message = [CChar](repeating: 0, count: messageCapacity)
    var output: UnsafeMutablePointer<UInt8>? = nil
    var outputSize = 0
    let status = values.withUnsafeBufferPointer { input in
      message.withUnsafeMutableBufferPointer { text in
        pngshim_encode(
          input.baseAddress, input.count, UInt32(image.width), UInt32(image.height),
          UInt32(image.channelCount), UInt32(bitDepth), Int32(options.compressionLevel), &output,
          &outputSize, text.baseAddress, text.count)
      }
    }
    defer { pngshim_free(output) }
    guard status == PNGSHIM_OK, let output else {
      throw error(for: status, header: pngshim_header(), message: message, source: "PNG output")
    }
    return Array(UnsafeBufferPointer(start: output, count: outputSize))
  }

  /// Samples rescaled from the image's depth to `bits` bits per sample.
  ///
  /// Low-bit formula: `(v * (2^bits - 1) + maximumValue / 2) / maximumValue`, exact rounding
  /// because `maximumValue` is odd and so `v * levels / maximumValue` is never a tie.
  private static func requantized(_ image: PixelBuffer, toBits bits: Int) -> [UInt16] {
    switch bits {
    case 16: return image.converted(to: .sixteen).samples
    case 8: return image.converted(to: .eight).samples
    default:
      let levels = UInt32(1 << bits) - 1
      let maximum = UInt32(image.sampleDepth.maximumValue)
      return image.samples.map { UInt16((UInt32($0) * levels + maximum / 2) / maximum) }
    }
  }

  /// Maps a failed shim status to the error a user sees.
  private static func error(
    for status: pngshim_status, header: pngshim_header, message: [CChar], source: String,
    limit: Int = 0, byteCount: Int = 0
  ) -> PNGError {
    let reason = String(
      decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    switch status {
    case PNGSHIM_EMPTY: return .empty(file: source)
    case PNGSHIM_BAD_SIGNATURE: return .notPNG(file: source)
    case PNGSHIM_TRUNCATED: return .truncated(file: source, reason: reason)
    case PNGSHIM_CORRUPT: return .corrupt(file: source, reason: reason)
    case PNGSHIM_TOO_LARGE:
      return .tooLarge(
        file: source, width: Int(header.width), height: Int(header.height), limit: limit)
    case PNGSHIM_SIZE_EXCEEDS_DATA:
      return .sizeExceedsData(
        file: source, width: Int(header.width), height: Int(header.height), byteCount: byteCount)
    case PNGSHIM_OUT_OF_MEMORY: return .outOfMemory(file: source)
    case PNGSHIM_WRITE_FAILED: return .encodingFailed(reason: reason)
    default:
      // Only a mismatch between this file and the shim produces INVALID_ARGUMENT.
      preconditionFailure("PNG shim rejected its arguments: \(reason)")
    }
  }
}

extension PNG.Header {
  /// Translates the shim's description of a decode.
  fileprivate init(_ header: pngshim_header) {
    // The shim only reports headers libpng accepted, so every field is within PNG's ranges.
    let colourType: ColourType =
      switch header.original_color_type {
      case 0: .grey
      case 2: .rgb
      case 3: .palette
      case 4: .greyAlpha
      default: .rgba
      }
    self.init(
      width: Int(header.width), height: Int(header.height),
      bitDepth: Int(header.original_bit_depth), colourType: colourType,
      isInterlaced: header.interlaced != 0, hasTransparency: header.has_transparency != 0,
      decodedLayout: PixelBuffer.Layout(channelCount: Int(header.channels)) ?? .rgba,
      decodedSampleDepth: header.sample_bits == 16 ? .sixteen : .eight)
  }
}
