import Image

extension ImageReport {
  /// Measures one coded image against its input.
  ///
  /// Quality is measured on what the model coded: the colour channels, at the decoded
  /// layout. `aezBytes` is `payloadBytes + overheadShare`.
  ///
  /// - Parameters:
  ///   - input: The image that was coded.
  ///   - decoded: The image decoded from the file.
  ///   - payloadBytes: The size of its coded payload.
  ///   - overheadShare: Its share of the file's headers and check, in bytes: the whole
  ///     overhead for a file of its own, an equal share in an archive.
  ///   - encodeSeconds: The time to encode it.
  ///   - decodeSeconds: The time to decode it.
  ///   - model: The model's name.
  ///   - quality: The quality setting.
  /// - Throws: `ImageQualityError` when the sizes differ.
  /// - Complexity: O(pixels), for the MSE and the SSIM.
  public init(
    measuring input: InputImage, decoded: PixelBuffer, payloadBytes: Int, overheadShare: Double,
    encodeSeconds: Double, decodeSeconds: Double, model: String, quality: Double
  ) throws {
    let original = input.image
    let bytesPerSample = original.sampleDepth == .sixteen ? 2 : 1
    let rawBytes = original.width * original.height * original.channelCount * bytesPerSample
    let reference = original.removingAlpha()
    let reconstruction = decoded.removingAlpha()
    let mse = try ImageQuality.meanSquaredError(reference, reconstruction)
    self.init(
      file: input.path, width: original.width, height: original.height,
      channels: original.channelCount, bitDepth: original.sourceBitDepth,
      pngBytes: input.pngBytes, rawBytes: rawBytes, aezBytes: 0, payloadBits: payloadBytes * 8,
      bitsPerImage: 0, bpp: 0, ratioRaw: 0, ratioPng: 0, mse: mse,
      psnr: min(100, ImageQuality.peakSignalToNoiseRatio(meanSquaredError: mse)),
      ssim: try ImageQuality.structuralSimilarity(reference, reconstruction),
      encodeSeconds: encodeSeconds, decodeSeconds: decodeSeconds, model: model,
      quality: quality)
    setOverheadShare(overheadShare)
  }

  /// Sets the image's share of its file's headers and check, and every figure derived from
  /// `aezBytes`: `bitsPerImage`, `bpp`, `ratioRaw` and `ratioPng`.
  ///
  /// An archive knows its overhead only once every image is coded, so its reports are
  /// completed afterwards.
  public mutating func setOverheadShare(_ share: Double) {
    aezBytes = Double(payloadBits / 8) + share
    bitsPerImage = aezBytes * 8
    bpp = bitsPerImage / Double(width * height)
    ratioRaw = Double(rawBytes) / aezBytes
    ratioPng = Double(pngBytes) / aezBytes
  }
}
