import CommandLineKit
import Foundation

/// The qualities `--qualities` asks a bench to sweep, for every codec or for single codecs.
///
/// Each value of the option is either a list for every codec, `10,30,50`, or a list for one
/// codec, `jpeg=10,30,50`; a codec's own list wins over the common one, and codecs named in
/// neither sweep their defaults.
struct BenchQualities: Sendable, Equatable {
  /// The list given for every codec, if any.
  var common: [Double]?
  /// The lists given for single codecs.
  var perCodec: [BenchCodec: [Double]] = [:]

  /// Reads the values of `--qualities`.
  ///
  /// - Throws: `UsageError.invalidUsage` naming the value for an unknown codec, a value that
  ///   is not a number, or an empty list; range checks wait for `qualities(for:)`, which
  ///   knows the codec.
  init(parsing values: [String]) throws {
    for value in values {
      var codec: BenchCodec?
      var list = Substring(value)
      if let equals = value.firstIndex(of: "=") {
        let name = String(value[..<equals])
        guard let named = BenchCodec(name: name) else {
          throw UsageError.invalidUsage(
            "--qualities \(value): unknown codec '\(name)'; use one of "
              + BenchCodec.names.joined(separator: ", "))
        }
        codec = named
        list = value[value.index(after: equals)...]
      }
      var numbers: [Double] = []
      for item in list.split(separator: ",") {
        let text = item.trimmingCharacters(in: .whitespaces)
        guard let number = Double(text), number.isFinite else {
          throw UsageError.invalidUsage("--qualities \(value): '\(text)' is not a number")
        }
        numbers.append(number)
      }
      guard !numbers.isEmpty else {
        throw UsageError.invalidUsage("--qualities \(value) lists no quality")
      }
      if let codec {
        perCodec[codec] = numbers
      } else {
        common = numbers
      }
    }
  }

  /// The qualities given for `codec`, sorted and without repeats, or `nil` for its default.
  ///
  /// - Throws: `UsageError.invalidUsage` for a quality outside the codec's range, or a
  ///   fractional one for a classical codec, whose tools take whole numbers.
  func qualities(for codec: BenchCodec) throws -> [Double]? {
    guard let list = perCodec[codec] ?? common else { return nil }
    let range = codec.qualityRange
    for quality in list {
      guard range.contains(quality) else {
        throw UsageError.invalidUsage(
          "\(codec) quality \(BenchCodec.qualityText(quality)) is outside "
            + "\(BenchCodec.qualityText(range.lowerBound))..."
            + "\(BenchCodec.qualityText(range.upperBound))")
      }
      guard !codec.takesWholeQualities || quality == quality.rounded() else {
        throw UsageError.invalidUsage("\(codec) takes whole qualities, not \(quality)")
      }
    }
    return Array(Set(list)).sorted()
  }
}
