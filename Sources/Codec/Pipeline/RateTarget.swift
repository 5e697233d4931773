/// What the encoder aims for when it chooses the quality of an image.
public enum RateTarget: Sendable, Equatable {
  /// Code at this quality, 0 to 100 (kept to hundredths, the precision the file records).
  case quality(Double)
  /// Code at the quality whose file, the image stored alone, comes nearest this many bits per
  /// pixel.
  case bitsPerPixel(Double)
  /// Code at the lowest quality whose reconstruction reaches this PSNR in decibels, or at the
  /// highest quality when none does.
  case psnr(Double)
}
