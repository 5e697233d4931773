/// Writes `.aez` files, single images and archives, in their shortest form.
///
/// The output is the complete file, check included; write it with `AtomicFile` so that a
/// failure never leaves part of it behind. See `Specs/aez-format.md`.
public enum ContainerWriter {
  /// The bytes of a single-image file.
  ///
  /// - Parameters:
  ///   - header: The image's geometry, pixel format, quality and latent shape.
  ///   - payload: The coded bytes; the file stores no length for them.
  ///   - modelFingerprint: The full fingerprint of the model that made the payload.
  /// - Throws: `ContainerError` when `header` holds a value a file cannot record.
  /// - Complexity: O(n) in the payload size.
  public static func single(
    header: ContainerImageHeader, payload: [UInt8], modelFingerprint: UInt64
  ) throws(ContainerError) -> [UInt8] {
    try header.validate(entry: nil)
    var bytes = prologue(modelFingerprint: modelFingerprint)
    header.append(to: &bytes)
    bytes.append(contentsOf: payload)
    appendCheck(to: &bytes, modelFingerprint: modelFingerprint)
    return bytes
  }

  /// The bytes of an archive of `entries`, in order.
  ///
  /// The names must be all present or all absent. The archive's default header is the one
  /// most entries share (`defaultHeader(for:)`); other entries carry their own.
  ///
  /// - Parameters:
  ///   - entries: The images; at least one.
  ///   - modelFingerprint: The full fingerprint of the model that made the payloads.
  /// - Throws: `ContainerError.emptyArchive` for no entries, `.badName` for a name that
  ///   breaks a rule of `ContainerName` or repeats, or an error of a header's values.
  /// - Complexity: O(n) in the total size of the entries.
  public static func archive(_ entries: [ContainerEntry], modelFingerprint: UInt64)
    throws(ContainerError) -> [UInt8]
  {
    guard let first = entries.first else {
      throw .emptyArchive(at: ContainerLocation(.entryCount))
    }
    let named = first.name != nil
    precondition(
      entries.allSatisfy { ($0.name != nil) == named },
      "archive entries must all have names or all have none")
    var names = Set<String>()
    for (index, entry) in entries.enumerated() {
      try entry.header.validate(entry: index)
      guard let name = entry.name else { continue }
      let location = ContainerLocation(.name, entry: index)
      if let problem = ContainerName.problem(with: name) {
        throw .badName(name, problem: problem, at: location)
      }
      guard names.insert(name).inserted else {
        throw .badName(name, problem: .duplicate, at: location)
      }
    }

    let defaultHeader = defaultHeader(for: entries)
    var bytes = prologue(modelFingerprint: modelFingerprint)
    defaultHeader.append(
      to: &bytes, extraFlags: HeaderWord.archive | (named ? HeaderWord.namedEntries : 0))
    Varint.append(UInt64(entries.count), to: &bytes)
    for entry in entries {
      let ownHeader = entry.header != defaultHeader
      Varint.append(UInt64(entry.payload.count) << 1 | (ownHeader ? 1 : 0), to: &bytes)
      if ownHeader { entry.header.append(to: &bytes) }
      if let name = entry.name {
        Varint.append(UInt64(name.utf8.count), to: &bytes)
        bytes.append(contentsOf: name.utf8)
      }
      bytes.append(contentsOf: entry.payload)
    }
    appendCheck(to: &bytes, modelFingerprint: modelFingerprint)
    return bytes
  }

  /// The header most entries share; among equally common ones, the first in order.
  ///
  /// - Complexity: O(n) in the number of entries.
  public static func defaultHeader(for entries: [ContainerEntry]) -> ContainerImageHeader {
    precondition(!entries.isEmpty, "an archive has at least one entry")
    var counts: [ContainerImageHeader: Int] = [:]
    for entry in entries {
      counts[entry.header, default: 0] += 1
    }
    let mostCommon = counts.values.max() ?? 0
    let first = entries.first { counts[$0.header] == mostCommon }
    return first?.header ?? entries[0].header
  }

  /// Magic, version and short fingerprint: the fixed first 5 bytes.
  private static func prologue(modelFingerprint: UInt64) -> [UInt8] {
    let short = ContainerFingerprint.short(of: modelFingerprint)
    return ContainerFile.magic + [
      ContainerFile.version, UInt8(truncatingIfNeeded: short >> 8),
      UInt8(truncatingIfNeeded: short),
    ]
  }

  /// Appends `crc32c(fingerprint || bytes)` as a big-endian `UInt32`.
  private static func appendCheck(to bytes: inout [UInt8], modelFingerprint: UInt64) {
    var crc = CRC32C()
    crc.update(ContainerFingerprint.bytes(of: modelFingerprint))
    crc.update(bytes)
    let check = crc.value
    bytes.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: check >> $0) })
  }
}
