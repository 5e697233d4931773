extension ContainerError: CustomStringConvertible {
  /// A sentence that says what is wrong and, where it helps, what to do.
  public var description: String {
    switch self {
    case .empty:
      return "the file is empty (0 bytes); a .aez file has at least 12"
    case .badMagic(let found):
      let looksLikePNG = found.starts(with: [0x89, 0x50])
      return "not a .aez file: it starts with \(Self.hex(found)), not ae 5a"
        + (looksLikePNG ? " (it looks like a PNG file)" : "")
    case .unknownVersion(let found):
      return "unsupported .aez version \(found): this reader reads version 1 only"
    case .unknownFlags(let bits, let location):
      return "unknown flag bits 0x\(String(bits, radix: 16)) in \(location): the file uses "
        + "features this reader does not know"
    case .badBitDepthCode(let code, let location):
      return "bit depth code \(code) in \(location) is not defined "
        + "(0 to 4 mean 1, 2, 4, 8, 16 bits)"
    case .badAlphaCode(let code, let location):
      return "alpha code \(code) in \(location) is not defined "
        + "(0 absent, 1 coded losslessly, 2 dropped)"
    case .unsupportedPixelFormat(let format, let location):
      return "unsupported pixel format \(format) in \(location): bit depths below 8 exist "
        + "only for gray without coded alpha, and depths are 1, 2, 4, 8 or 16"
    case .truncated(let location):
      return "the file is truncated: it ends in \(location)"
    case .varintOverflow(let location):
      return "\(location) is a varint of more than 64 bits"
    case .overlongVarint(let location):
      return "\(location) is a varint written with more bytes than its value needs"
    case .badGeometry(let width, let height, let location):
      return "bad image size \(width)x\(height) (in \(location)): width and height must be "
        + "1 to \(ContainerImageHeader.maximumDimension)"
    case .badQuality(let code, let fractional, let location):
      let limit = fractional ? "10000 hundredths" : "100"
      return "quality code \(code) in \(location) is above \(limit)"
    case .badLatentShape(let value, let location):
      let limit =
        location.field == .latentRank
        ? ContainerImageHeader.maximumLatentRank : ContainerImageHeader.maximumDimension
      return "\(location) is \(value); it must be 1 to \(limit)"
    case .emptyArchive(let location):
      return "the archive holds no images (\(location) is 0)"
    case .badName(let name, let problem, let location):
      return "bad name \"\(name)\" in \(location): \(Self.explain(problem))"
    case .checksumMismatch(let stored, let computed):
      return "check failed: stored \(Self.hex32(stored)), computed \(Self.hex32(computed)); "
        + "the file is corrupt or truncated (or it was made by another model with the same "
        + "short fingerprint)"
    case .modelMismatch(let short, let model):
      return "model mismatch: the file was made by model "
        + "\(ContainerFingerprint.hex(short: short))..., "
        + "this model is \(ContainerFingerprint.hex(model))"
    case .unknownModel(let short, let known):
      let list = known.map(ContainerFingerprint.hex).joined(separator: ", ")
      return "unknown model: the file was made by model "
        + "\(ContainerFingerprint.hex(short: short))..., which is none of the "
        + "\(known.count) known models" + (known.isEmpty ? "" : " (\(list))")
    case .trailingBytes(let count, let offset):
      return "\(count) unexpected byte\(count == 1 ? "" : "s") after the end of the file's "
        + "data (at byte \(offset))"
    }
  }

  private static func explain(_ problem: NameProblem) -> String {
    switch problem {
    case .empty: "a name cannot be empty"
    case .tooLong(let byteCount): "it has \(byteCount) bytes; the limit is 255"
    case .invalidUTF8: "it is not valid UTF-8"
    case .forbiddenCharacter(let scalar):
      "it contains U+\(String(String(scalar.value, radix: 16, uppercase: true)))"
        + ", a path separator or control character"
    case .reserved: "\".\" and \"..\" are not file names"
    case .duplicate: "an earlier entry has the same name"
    }
  }

  private static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
  }

  private static func hex32(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
  }
}
