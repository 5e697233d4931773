import Foundation

/// An error in turning a report value into JSON.
public enum ReportJSONError: Error, Equatable, CustomStringConvertible {
  /// A number at `path` (for example `points[2].psnr`) is NaN or infinite, which JSON cannot
  /// represent.
  case nonFiniteNumber(path: String)
  /// Another value at `path` could not be encoded, with the encoder's explanation.
  case unencodable(path: String, reason: String)

  /// A sentence naming the offending field.
  public var description: String {
    switch self {
    case .nonFiniteNumber(let path):
      return "the report value at \(path.isEmpty ? "the top level" : path) is not a finite "
        + "number; JSON has no NaN or infinity"
    case .unencodable(let path, let reason):
      return "the report value at \(path.isEmpty ? "the top level" : path) cannot be "
        + "written as JSON: \(reason)"
    }
  }
}

/// Writes report values as JSON the same way everywhere: pretty-printed, keys sorted, slashes
/// left unescaped, a final newline.
///
/// Foundation's `JSONEncoder` does the writing, since it already escapes strings and prints
/// doubles in their shortest exact form; sorted keys make two runs' reports diff cleanly.
/// What this adds is one configuration and an error that names the field holding a NaN, the
/// usual way a report fails (a diverged loss, a PSNR of identical images).
public enum ReportJSON {
  /// Encodes `value` as UTF-8 JSON.
  ///
  /// - Throws: `ReportJSONError.nonFiniteNumber` naming the field of a NaN or infinity.
  public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      var data = try encoder.encode(value)
      data.append(UInt8(ascii: "\n"))
      return data
    } catch let EncodingError.invalidValue(offending, context) {
      let path = Self.path(context.codingPath)
      if let number = offending as? Double, !number.isFinite {
        throw ReportJSONError.nonFiniteNumber(path: path)
      }
      if let number = offending as? Float, !number.isFinite {
        throw ReportJSONError.nonFiniteNumber(path: path)
      }
      throw ReportJSONError.unencodable(path: path, reason: context.debugDescription)
    }
  }

  /// Encodes `value` as a JSON string.
  ///
  /// - Throws: `ReportJSONError`, as `encode(_:)`.
  public static func string<Value: Encodable>(_ value: Value) throws -> String {
    String(decoding: try encode(value), as: UTF8.self)
  }

  /// Writes a coding path as `field.list[3].inner`.
  private static func path(_ codingPath: [any CodingKey]) -> String {
    var result = ""
    for key in codingPath {
      if let index = key.intValue {
        result += "[\(index)]"
      } else {
        result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return result
  }
}
