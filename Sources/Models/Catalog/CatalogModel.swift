/// A model the tool can code with: its name, file, fingerprint and place in a family.
///
/// Models of one family (such as `digits`) code the same kind of image at different
/// qualities; `--model digits --quality 30` picks the member whose quality is nearest.
public struct CatalogModel: Sendable {
  /// The model's name: the embedded name (`digits-q50`) or the file's path.
  public let name: String
  /// The family the model belongs to (`digits`), or its name when it stands alone.
  public let family: String
  /// The quality (0-100) the model stands for within its family, if it has one.
  public let quality: Double?
  /// Whether the model is built into the binary.
  public let isEmbedded: Bool
  /// The model file.
  public let file: ModelFile
  /// The fingerprint of the model's content.
  public let fingerprint: UInt64

  /// A catalog entry for `file`; the family is the name up to a trailing `-qNN`.
  public init(name: String, file: ModelFile, isEmbedded: Bool) {
    self.name = name
    self.file = file
    self.isEmbedded = isEmbedded
    self.fingerprint = file.fingerprint
    self.quality = file.notes["quality"]?.number
    if let family = file.notes["family"]?.string {
      self.family = family
    } else if let range = name.range(of: "-q", options: .backwards),
      name[range.upperBound...].allSatisfy(\.isNumber)
    {
      self.family = String(name[..<range.lowerBound])
    } else {
      self.family = name
    }
  }

  /// The fingerprint as 16 hexadecimal digits.
  public var fingerprintText: String {
    let digits = String(fingerprint, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
