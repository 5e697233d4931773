extension ContainerFile {
  /// Parses the structure of a `.aez` file without verifying its check.
  ///
  /// Everything but the check can be read without the model: call
  /// `verify(modelFingerprint:)` or `identifyModel(among:)` before trusting the payloads.
  ///
  /// - Parameter bytes: The whole file.
  /// - Throws: `ContainerError` naming the first field that is wrong (see the
  ///   specification's "Reading order and errors").
  /// - Complexity: O(n) in the file size.
  public static func parse(_ bytes: [UInt8]) throws(ContainerError) -> ContainerFile {
    guard !bytes.isEmpty else { throw .empty }
    var parser = ContainerParser(bytes)

    let magicLength = min(magic.count, bytes.count)
    guard bytes.prefix(magicLength).elementsEqual(magic.prefix(magicLength)) else {
      throw .badMagic(found: Array(bytes.prefix(magic.count)))
    }
    _ = try parser.take(magic.count, .magic)
    let foundVersion = try parser.byte(.version)
    guard foundVersion == version else { throw .unknownVersion(found: foundVersion) }
    let fingerprintBytes = try parser.take(2, .shortFingerprint)
    let shortFingerprint = fingerprintBytes.reduce(0) { $0 << 8 | UInt16($1) }

    let (defaultHeader, word) = try parser.imageHeader(isFileHeader: true)
    let isArchive = word & HeaderWord.archive != 0
    let payloadStart = parser.offset
    let entries: [ContainerEntry]
    if isArchive {
      entries = try parseEntries(
        &parser, defaultHeader: defaultHeader, named: word & HeaderWord.namedEntries != 0)
      guard parser.remaining >= 4 else {
        throw .truncated(at: parser.location(.check, at: parser.offset))
      }
      guard parser.remaining == 4 else {
        throw .trailingBytes(count: parser.remaining - 4, offset: parser.offset + 4)
      }
    } else {
      guard parser.remaining >= 4 else {
        throw .truncated(at: parser.location(.check, at: parser.offset))
      }
      let payload = try parser.take(parser.remaining - 4, .payload)
      entries = [ContainerEntry(header: defaultHeader, payload: Array(payload))]
    }

    return ContainerFile(
      shortFingerprint: shortFingerprint, isArchive: isArchive, defaultHeader: defaultHeader,
      entries: entries, bytes: bytes, payloadStart: payloadStart)
  }

  /// Parses, then verifies the file against the model that is to decode it.
  ///
  /// - Throws: Any error of `parse(_:)` or `verify(modelFingerprint:)`.
  public static func read(_ bytes: [UInt8], modelFingerprint: UInt64) throws(ContainerError)
    -> ContainerFile
  {
    let file = try parse(bytes)
    try file.verify(modelFingerprint: modelFingerprint)
    return file
  }

  /// Reads an archive's entry count and entries, leaving the parser before the check.
  private static func parseEntries(
    _ parser: inout ContainerParser, defaultHeader: ContainerImageHeader, named: Bool
  ) throws(ContainerError) -> [ContainerEntry] {
    let countStart = parser.offset
    let count = try parser.varint(.entryCount)
    guard count > 0 else { throw .emptyArchive(at: parser.location(.entryCount, at: countStart)) }

    // Every entry takes at least one byte, so a count beyond the bytes left is caught as
    // truncation below; reserving no more than that keeps a forged count from costing memory.
    var entries: [ContainerEntry] = []
    entries.reserveCapacity(Int(min(count, UInt64(parser.remaining))))
    var names = Set<String>()
    for index in 0..<count {
      parser.entry = Int(index)
      let entryWord = try parser.varint(.entryWord)
      let payloadLength = entryWord >> 1
      var header = defaultHeader
      if entryWord & 1 == 1 {
        header = try parser.imageHeader(isFileHeader: false).header
      }
      var name: String?
      if named {
        let parsed = try parseName(&parser)
        guard names.insert(parsed.name).inserted else {
          throw .badName(parsed.name, problem: .duplicate, at: parsed.location)
        }
        name = parsed.name
      }
      // Checked here, before the conversion to Int, so a forged length cannot trap.
      guard payloadLength <= UInt64(parser.remaining) else {
        throw .truncated(at: parser.location(.payload, at: parser.offset))
      }
      let payload = try parser.take(Int(payloadLength), .payload)
      entries.append(ContainerEntry(header: header, name: name, payload: Array(payload)))
    }
    parser.entry = nil
    return entries
  }

  /// Reads a name length and name and checks the name on its own.
  private static func parseName(_ parser: inout ContainerParser) throws(ContainerError)
    -> (name: String, location: ContainerLocation)
  {
    let lengthStart = parser.offset
    let length = try parser.varint(.nameLength)
    let location = parser.location(.name, at: parser.offset)
    guard length > 0 else {
      throw .badName("", problem: .empty, at: location)
    }
    guard length <= UInt64(ContainerName.maximumByteCount) else {
      throw .badName(
        "", problem: .tooLong(byteCount: Int(clamping: length)),
        at: parser.location(.nameLength, at: lengthStart))
    }
    let nameBytes = try parser.take(Int(length), .name)
    guard let name = String(validating: nameBytes, as: UTF8.self) else {
      throw .badName(
        String(decoding: nameBytes, as: UTF8.self), problem: .invalidUTF8, at: location)
    }
    if let problem = ContainerName.problem(with: name) {
      throw .badName(name, problem: problem, at: location)
    }
    return (name, location)
  }
}
