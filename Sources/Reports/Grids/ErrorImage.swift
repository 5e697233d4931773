import Image

/// Grey pictures of where a reconstruction differs from its original.
public enum ErrorImage {
  /// The amplified absolute difference between two images, as an 8-bit grey image.
  ///
  /// Formula, per pixel: `min(255, round(amplification × (1/C) Σ_c |a_c - b_c|))` over the
  /// C colour channels on the 8-bit scale (16-bit samples divided by 257). Black means no
  /// error. Alpha is ignored; a grey image compared with a colour one is first replicated
  /// into red, green and blue.
  ///
  /// - Parameters:
  ///   - reference: The original image.
  ///   - reconstruction: The decoded image, of the same width and height.
  ///   - amplification: The gain applied to the difference, greater than 0; 4 makes an
  ///     error of 16 levels (about 30 dB PSNR at that pixel) show as mid-grey 64.
  /// - Throws: `ImageQualityError.sizeMismatch` when the sizes differ.
  /// - Complexity: O(pixels).
  public static func difference(
    reference: PixelBuffer, reconstruction: PixelBuffer, amplification: Double = 4
  ) throws -> PixelBuffer {
    precondition(amplification > 0 && amplification.isFinite, "amplification must be positive")
    guard reference.width == reconstruction.width, reference.height == reconstruction.height
    else {
      throw ImageQualityError.sizeMismatch(
        referenceWidth: reference.width, referenceHeight: reference.height,
        distortedWidth: reconstruction.width, distortedHeight: reconstruction.height)
    }

    var a = reference.removingAlpha()
    var b = reconstruction.removingAlpha()
    if a.layout != b.layout {
      a = a.convertedToRGB()
      b = b.convertedToRGB()
    }
    let channels = a.channelCount
    let scaleA = a.sampleDepth == .eight ? 1.0 : 1.0 / 257
    let scaleB = b.sampleDepth == .eight ? 1.0 : 1.0 / 257
    let gain = amplification / Double(channels)

    var samples = [UInt16](repeating: 0, count: a.pixelCount)
    for pixel in 0..<a.pixelCount {
      var total = 0.0
      for channel in 0..<channels {
        let index = pixel * channels + channel
        total += abs(Double(a.samples[index]) * scaleA - Double(b.samples[index]) * scaleB)
      }
      samples[pixel] = UInt16(min(255, (total * gain).rounded()))
    }
    return PixelBuffer(
      width: a.width, height: a.height, layout: .grey, sampleDepth: .eight, samples: samples)
  }
}
