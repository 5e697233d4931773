/// The register sizes shared by ``RangeEncoder`` and ``RangeDecoder``.
///
/// Both sides keep a 56-bit window of the code value in a `UInt64` and renormalize a byte at
/// a time whenever the interval width drops below 2^48, so the width always lies in
/// [2^48, 2^56]. With at most 16 bits of probability precision the per-step quotient
/// `range >> precision` is therefore at least 2^32, and the width lost to truncating it is
/// below 2^-32 of the interval: the coder spends less than 10^-9 bits per symbol above the
/// table's own entropy.
enum RangeCoding {
  /// Bits in the code window kept below the carry bit.
  static let windowBits = 56

  /// Bytes in the code window; the decoder reads this many bytes before the first symbol.
  static let windowBytes = windowBits / 8

  /// One past the largest window value: 2^56.
  static let windowLimit: UInt64 = 1 << 56

  /// Mask selecting the window bits of the encoder's low end.
  static let windowMask: UInt64 = windowLimit - 1

  /// The interval width below which a byte is shifted out: 2^48.
  static let renormalizationThreshold: UInt64 = 1 << 48

  /// Bit position of the byte that leaves the window next.
  static let topByteShift: UInt64 = 48

  /// The largest probability precision, in bits, that keeps the quotient at least 2^32.
  static let maximumPrecision = 16

  /// The most raw bits one bypass step codes; longer runs are split.
  static let maximumBypassBitsPerStep = 16

  /// Bytes past the end of the input a decoder may read while decoding a complete stream.
  ///
  /// The encoder emits `s + k` bytes where `s` counts renormalization shifts and `k` is 0 or 1
  /// (see ``RangeEncoder/finish()``); the decoder reads `s + 7`, so it pads 6 or 7 bytes.
  static let maximumPaddingBytes = windowBytes

  /// The fewest padding bytes a decoder reads at the end of a complete, tightly ended stream.
  static let minimumPaddingBytes = windowBytes - 1
}
