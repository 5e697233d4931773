import Foundation

/// Writes one JSON object to standard output member by member, so that a batch's list of
/// results goes out as it grows instead of being held in memory.
///
/// The text is laid out as `printJSON` lays out a whole document (pretty, keys of nested
/// objects sorted); the caller writes the top-level members in the order it wants.
///
///     let writer = JSONObjectWriter()
///     writer.beginArray("images")
///     for report in reports { try writer.appendElement(report) }
///     writer.endArray()
///     try writer.add("summary", summary)
///     writer.finish()
final class JSONObjectWriter {
  private let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()
  private var memberCount = 0
  private var elementCount: Int?

  /// Starts the object.
  init() {
    print("{", terminator: "")
  }

  /// Starts a member whose value is an array.
  func beginArray(_ key: String) {
    precondition(elementCount == nil, "the previous array is still open")
    startMember(key)
    print("[", terminator: "")
    elementCount = 0
  }

  /// Appends one element to the open array.
  ///
  /// - Throws: `EncodingError` when the value cannot be encoded.
  func appendElement(_ value: some Encodable) throws {
    guard let count = elementCount else { preconditionFailure("no array is open") }
    let text = try encoded(value, indent: 4)
    print((count == 0 ? "\n    " : ",\n    ") + text, terminator: "")
    elementCount = count + 1
  }

  /// Ends the open array.
  func endArray() {
    precondition(elementCount != nil, "no array is open")
    print("\n  ]", terminator: "")
    elementCount = nil
  }

  /// Adds a member.
  ///
  /// - Throws: `EncodingError` when the value cannot be encoded.
  func add(_ key: String, _ value: some Encodable) throws {
    precondition(elementCount == nil, "an array is still open")
    let text = try encoded(value, indent: 2)
    startMember(key)
    print(text, terminator: "")
  }

  /// Ends the object and its line.
  func finish() {
    precondition(elementCount == nil, "an array is still open")
    print("\n}")
  }

  private func startMember(_ key: String) {
    print(memberCount == 0 ? "\n  " : ",\n  ", terminator: "")
    print("\(encodedKey(key)) : ", terminator: "")
    memberCount += 1
  }

  private func encodedKey(_ key: String) -> String {
    (try? encoded(key, indent: 0)) ?? "\"\(key)\""
  }

  /// The value's pretty JSON with every line after the first indented by `indent` spaces.
  private func encoded(_ value: some Encodable, indent: Int) throws -> String {
    let text = String(decoding: try encoder.encode(value), as: UTF8.self)
    let padding = "\n" + String(repeating: " ", count: indent)
    return text.replacingOccurrences(of: "\n", with: padding)
  }
}
