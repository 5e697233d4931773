import Foundation

/// A JSON value, for the architecture and notes of a model file.
public enum JSONValue: Equatable, Sendable, Codable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, held as a Double.
  case number(Double)
  /// A string.
  case string(String)
  /// An ordered list.
  case array([JSONValue])
  /// An object with string keys.
  case object([String: JSONValue])

  /// Reads a value of whichever JSON kind the decoder holds.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Writes the value as its JSON kind.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// The number, if this is one.
  public var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The string, if this is one.
  public var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The array, if this is one.
  public var array: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The object, if this is one.
  public var object: [String: JSONValue]? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// Compact UTF-8 JSON with sorted keys, the form stored in model files.
  static func encodeObject(_ object: [String: JSONValue]) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding a dictionary of plain JSON values cannot fail.
    return (try? encoder.encode(object)).map { Array($0) } ?? Array("{}".utf8)
  }

  static func decodeObject(_ bytes: ArraySlice<UInt8>, field: String) throws -> [String: JSONValue]
  {
    do {
      return try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))
    } catch {
      throw ModelFileError.malformed(field: field, reason: "not a JSON object")
    }
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
{
  /// A string value.
  public init(stringLiteral value: String) { self = .string(value) }
  /// A number value.
  public init(floatLiteral value: Double) { self = .number(value) }
  /// A number value.
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  /// A Boolean value.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}
