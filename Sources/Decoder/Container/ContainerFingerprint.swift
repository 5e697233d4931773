/// How the container stores and prints a model fingerprint.
///
/// The full fingerprint is the 64-bit identity of a model's exact weights (the first 8 bytes
/// of the SHA-256 of its content, read big-endian); the models module computes it. A file
/// stores only its high 16 bits, the short fingerprint, and folds the full one into its check.
public enum ContainerFingerprint {
  /// The short fingerprint of `fingerprint`: its high 16 bits.
  public static func short(of fingerprint: UInt64) -> UInt16 {
    UInt16(truncatingIfNeeded: fingerprint >> 48)
  }

  /// The 8 big-endian bytes of `fingerprint`, as they enter the check.
  public static func bytes(of fingerprint: UInt64) -> [UInt8] {
    stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: fingerprint >> $0) }
  }

  /// `fingerprint` as 16 lowercase hexadecimal digits, for example `a1b2c3d4e5f60718`.
  public static func hex(_ fingerprint: UInt64) -> String {
    padded(String(fingerprint, radix: 16), to: 16)
  }

  /// A short fingerprint as 4 lowercase hexadecimal digits, for example `a1b2`.
  public static func hex(short: UInt16) -> String {
    padded(String(short, radix: 16), to: 4)
  }

  private static func padded(_ digits: String, to width: Int) -> String {
    String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
