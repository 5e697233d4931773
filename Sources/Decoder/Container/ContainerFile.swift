/// A parsed `.aez` file: a single image or an archive, with what is needed to verify it.
///
/// Parsing needs no model and reports everything the file holds; verifying needs the full
/// fingerprint of the model that made the file, which the check depends on. See
/// `Specs/aez-format.md`.
public struct ContainerFile: Sendable {
  /// The magic every `.aez` file starts with.
  public static let magic: [UInt8] = [0xAE, 0x5A]
  /// The version this code reads and writes.
  public static let version: UInt8 = 1

  /// The high 16 bits of the fingerprint of the model that made the file.
  public let shortFingerprint: UInt16
  /// Whether the file is an archive (even of one image) rather than a single image.
  public let isArchive: Bool
  /// The image header in the file header: a single image's, or an archive's default.
  public let defaultHeader: ContainerImageHeader
  /// The images, in file order; one for a single-image file.
  public let entries: [ContainerEntry]
  /// The check stored in the last 4 bytes.
  public let storedCheck: UInt32

  /// The whole file, kept because the check can be computed only once a model is offered.
  let bytes: [UInt8]
  /// Where a single image's payload starts: the earliest end the trailing-bytes search
  /// considers.
  let payloadStart: Int

  init(
    shortFingerprint: UInt16, isArchive: Bool, defaultHeader: ContainerImageHeader,
    entries: [ContainerEntry], bytes: [UInt8], payloadStart: Int
  ) {
    precondition(bytes.count >= 4, "the parser checked that the check is present")
    self.shortFingerprint = shortFingerprint
    self.isArchive = isArchive
    self.defaultHeader = defaultHeader
    self.entries = entries
    self.bytes = bytes
    self.payloadStart = payloadStart
    self.storedCheck = Self.bigEndianWord(bytes, at: bytes.count - 4)
  }

  /// The size of the file in bytes.
  public var byteCount: Int { bytes.count }

  /// The bytes that are not payload: header, per-entry framing, names and check.
  public var overheadByteCount: Int {
    bytes.count - entries.reduce(0) { $0 + $1.payload.count }
  }

  /// Whether the entries carry names.
  public var hasNames: Bool { entries.first?.name != nil }

  /// The check this file would have if `modelFingerprint` had made it:
  /// `crc32c(fingerprint as 8 big-endian bytes || every byte before the check)`.
  ///
  /// - Complexity: O(n) in the file size.
  public func computedCheck(modelFingerprint: UInt64) -> UInt32 {
    var crc = CRC32C()
    crc.update(ContainerFingerprint.bytes(of: modelFingerprint))
    crc.update(bytes[0..<bytes.count - 4])
    return crc.value
  }

  /// Verifies that `modelFingerprint` made this file and that it is intact.
  ///
  /// - Throws: `ContainerError.modelMismatch` when the short fingerprints differ;
  ///   `.trailingBytes` when a single image's check matches at an earlier end;
  ///   `.checksumMismatch` otherwise when the check fails.
  /// - Complexity: O(n) in the file size.
  public func verify(modelFingerprint: UInt64) throws(ContainerError) {
    if let failure = failure(modelFingerprint: modelFingerprint) { throw failure }
  }

  /// Finds which of `knownFingerprints` made this file, verifying it on the way.
  ///
  /// Tries, in order, every fingerprint whose short form matches the file's.
  ///
  /// - Returns: The first fingerprint for which `verify(modelFingerprint:)` succeeds.
  /// - Throws: `ContainerError.unknownModel` when no short fingerprint matches; otherwise
  ///   the failure of the first candidate.
  public func identifyModel(among knownFingerprints: [UInt64]) throws(ContainerError)
    -> UInt64
  {
    let candidates = knownFingerprints.filter {
      ContainerFingerprint.short(of: $0) == shortFingerprint
    }
    var firstFailure: ContainerError?
    for candidate in candidates {
      guard let failure = failure(modelFingerprint: candidate) else { return candidate }
      firstFailure = firstFailure ?? failure
    }
    throw firstFailure
      ?? .unknownModel(fileShortFingerprint: shortFingerprint, knownFingerprints: knownFingerprints)
  }

  /// Why `modelFingerprint` fails to verify this file, or `nil` when it verifies.
  private func failure(modelFingerprint: UInt64) -> ContainerError? {
    guard ContainerFingerprint.short(of: modelFingerprint) == shortFingerprint else {
      return .modelMismatch(
        fileShortFingerprint: shortFingerprint, modelFingerprint: modelFingerprint)
    }
    let computed = computedCheck(modelFingerprint: modelFingerprint)
    if computed == storedCheck { return nil }
    if !isArchive, let end = earlierEnd(modelFingerprint: modelFingerprint) {
      return .trailingBytes(count: bytes.count - end, offset: end)
    }
    return .checksumMismatch(stored: storedCheck, computed: computed)
  }

  /// The end of a single image's data when bytes were appended after it: the first `p + 4`
  /// such that the 4 bytes at `p` equal the check of everything before `p`, or `nil`.
  ///
  /// A single image's payload has no length, so appended bytes are read as payload and
  /// check; this search, run only once the check has failed, tells them from corruption.
  ///
  /// - Complexity: O(n) in the file size.
  private func earlierEnd(modelFingerprint: UInt64) -> Int? {
    var crc = CRC32C()
    crc.update(ContainerFingerprint.bytes(of: modelFingerprint))
    crc.update(bytes[0..<payloadStart])
    for position in payloadStart..<bytes.count - 4 {
      if crc.value == Self.bigEndianWord(bytes, at: position) { return position + 4 }
      crc.update(byte: bytes[position])
    }
    return nil
  }

  /// The big-endian `UInt32` in `bytes[offset..<offset + 4]`.
  static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
  }
}
