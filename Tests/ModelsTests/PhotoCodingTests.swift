import Foundation
import NumericCore
import Testing

@testable import Models

@Suite struct PhotoCodingTests {
  /// The encoder's own integer latents: `round(y · g)` with the gains of `quality`.
  static func encoderLatents(_ codec: PhotoCodec, _ analysis: PhotoAnalysis, quality: Double)
    throws -> [Int32]
  {
    let model = try #require(codec.entropyModel)
    let blend = try QualityBlend(quality: quality, ratePoints: codec.architecture.ratePoints)
    let unit = Double(1 << model.hyperSynthesis.outputFractionBits)
    let gains = model.blendedLogGains(blend).map { Float(exp2(Double($0) / unit)) }
    let plane = analysis.latents.count / gains.count
    return analysis.latents.indices.map {
      Int32((analysis.latents[$0] * gains[$0 / plane]).rounded())
    }
  }

  @Test(arguments: [0.0, 37.5, 100.0])
  func compressedImagesDecodeToTheEncodersLatents(quality: Double) throws {
    let codec = try PhotoFixtures.codec()
    let planes = PhotoFixtures.image(height: 64, width: 64, seed: 21)
    let analysis = try codec.analyze(planes: planes, height: 64, width: 64)
    let bitstream = try codec.compress(analysis, quality: quality)
    #expect(bitstream.latentShape == [12, 4, 4] && bitstream.hyperLatentShape == [8, 1, 1])

    let parsed = try PhotoBitstream(
      bytes: bitstream.bytes, hyperLatentShape: [8, 1, 1], latentShape: [12, 4, 4])
    #expect(parsed == bitstream)
    let latents = try codec.decodeLatents(parsed, quality: quality)
    #expect(latents.hyperLatents == analysis.hyperLatents)
    #expect(latents.latents == (try Self.encoderLatents(codec, analysis, quality: quality)))

    let decoded = try codec.decompress(bitstream.bytes, height: 64, width: 64, quality: quality)
    #expect(decoded == (try codec.reconstruct(latents, quality: quality)))
    #expect(decoded.count == planes.count && decoded.allSatisfy { $0 >= 0 && $0 <= 1 })
  }

  @Test func compressEqualsAnalyzeThenCompress() throws {
    let codec = try PhotoFixtures.codec()
    let planes = PhotoFixtures.image(height: 64, width: 128, seed: 22)
    let direct = try codec.compress(planes: planes, height: 64, width: 128, quality: 60)
    let analysis = try codec.analyze(planes: planes, height: 64, width: 128)
    #expect(direct == (try codec.compress(analysis, quality: 60)))
  }

  @Test func higherQualitiesSpendMoreBits() throws {
    let codec = try PhotoFixtures.codec()
    let planes = PhotoFixtures.image(height: 128, width: 128, seed: 23)
    let analysis = try codec.analyze(planes: planes, height: 128, width: 128)
    let sizes = try [0.0, 50, 100].map { try codec.compress(analysis, quality: $0).bytes.count }
    // The initial gains grow with λ, so finer quantization costs more bits.
    #expect(sizes[0] < sizes[1] && sizes[1] < sizes[2], "\(sizes)")
  }

  struct BadInput: CustomTestStringConvertible, Sendable {
    var label: String
    var height: Int
    var width: Int
    var count: Int
    var quality: Double
    var error: PhotoCodingError
    var testDescription: String { label }
  }

  static let badInputs: [BadInput] = [
    BadInput(
      label: "height not a multiple of 64", height: 96, width: 64, count: 3 * 96 * 64,
      quality: 50, error: .unsupportedSize(height: 96, width: 64)),
    BadInput(
      label: "zero width", height: 64, width: 0, count: 0, quality: 50,
      error: .unsupportedSize(height: 64, width: 0)),
    BadInput(
      label: "grey planes", height: 64, width: 64, count: 64 * 64, quality: 50,
      error: .planeCountMismatch(expected: 3 * 64 * 64, actual: 64 * 64)),
    BadInput(
      label: "quality 101", height: 64, width: 64, count: 3 * 64 * 64, quality: 101,
      error: .qualityOutOfRange(101)),
  ]

  @Test(arguments: badInputs) func badInputsThrowTheirError(_ bad: BadInput) throws {
    let codec = try PhotoFixtures.codec()
    let planes = [Float](repeating: 0.5, count: bad.count)
    #expect(throws: bad.error) {
      try codec.compress(planes: planes, height: bad.height, width: bad.width, quality: bad.quality)
    }
  }

  /// Damaged bytes must end in an error or some image, never in a trap.
  @Test func damagedBitstreamsNeverTrap() throws {
    let codec = try PhotoFixtures.codec()
    let planes = PhotoFixtures.image(height: 64, width: 64, seed: 24)
    let bytes = try codec.compress(planes: planes, height: 64, width: 64, quality: 50).bytes
    var generator = SeededGenerator(seed: 25)
    var failures = 0
    for trial in 0..<40 {
      var damaged = bytes
      if trial % 4 == 0 {
        damaged = Array(damaged.prefix(generator.nextIndex(below: damaged.count)))
      } else {
        let index = generator.nextIndex(below: damaged.count)
        damaged[index] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
      }
      do {
        let decoded = try codec.decompress(damaged, height: 64, width: 64, quality: 50)
        #expect(decoded.count == 3 * 64 * 64)
      } catch {
        failures += 1
      }
    }
    #expect(failures > 0, "truncations must be detected")
  }
}
