import CommandLineKit
import Models
import Testing

@testable import CLI

/// What a bench sweeps: the codecs' names, `--qualities`, and aez's models and qualities.
struct BenchSweepTests {
  struct QualityCase: CustomTestStringConvertible, Sendable {
    var values: [String]
    var codec: BenchCodec
    var expected: [Double]?
    var testDescription: String { "\(values) for \(codec.name)" }
  }

  @Test(arguments: [
    QualityCase(values: [], codec: .classical(.jpeg), expected: nil),
    QualityCase(values: ["50,10, 30"], codec: .classical(.webp), expected: [10, 30, 50]),
    QualityCase(values: ["10,20", "jpeg=5,5,95"], codec: .classical(.jpeg), expected: [5, 95]),
    QualityCase(values: ["10,20", "jpeg=5,95"], codec: .classical(.webp), expected: [10, 20]),
    QualityCase(values: ["jxl=30,60"], codec: .classical(.jpegXL), expected: [30, 60]),
    QualityCase(values: ["jpeg-xl=30"], codec: .classical(.jpegXL), expected: [30]),
    QualityCase(values: ["aez=12.5,90"], codec: .aez, expected: [12.5, 90]),
  ])
  func qualitiesAreReadPerCodec(_ test: QualityCase) throws {
    let qualities = try BenchQualities(parsing: test.values)
    #expect(try qualities.qualities(for: test.codec) == test.expected)
  }

  @Test(arguments: [
    (["png=10"], "unknown codec 'png'"),
    (["jpeg=ten"], "'ten' is not a number"),
    (["webp="], "lists no quality"),
  ])
  func badQualityListsAreUsageErrors(_ values: [String], message: String) {
    #expect {
      try BenchQualities(parsing: values)
    } throws: { error in
      (error as? UsageError).map { "\($0)".contains(message) } ?? false
    }
  }

  @Test(arguments: [
    (BenchCodec.classical(.jpegXL), "jxl=2", "JPEG XL quality 2 is outside 5...100"),
    (BenchCodec.classical(.jpeg), "jpeg=50.5", "JPEG takes whole qualities, not 50.5"),
    (BenchCodec.aez, "101", "aez quality 101 is outside 0...100"),
  ])
  func qualitiesAreCheckedAgainstTheCodec(_ codec: BenchCodec, value: String, message: String)
    throws
  {
    let qualities = try BenchQualities(parsing: [value])
    #expect(throws: UsageError.invalidUsage(message)) {
      try qualities.qualities(for: codec)
    }
  }

  @Test func codecNamesRoundTrip() {
    for codec in BenchCodec.all {
      #expect(BenchCodec(name: codec.name) == codec)
    }
    #expect(BenchCodec(name: "JPEG-XL") == .classical(.jpegXL))
    #expect(BenchCodec(name: "png") == nil)
    #expect(BenchCodec.names == ["aez", "jpeg", "webp", "avif", "jxl"])
  }

  @Test func aFixedRateFamilySweepsItsMembersOrTheNearestOnes() throws {
    let models = AEZModels(members: try BenchFixtures.familyCatalog().families[0].members)
    #expect(!models.isContinuous)
    #expect(models.sweep(qualities: nil).map(\.quality) == [20, 40, 60, 80])
    // Qualities pick the nearest member; two that pick the same member measure it once.
    let chosen = models.sweep(qualities: [0, 25, 45, 100])
    #expect(chosen.map { $0.model?.name } == ["tiny-q20", "tiny-q40", "tiny-q80"])
    #expect(chosen.map(\.quality) == [20, 40, 80])
  }

  /// A catalog entry whose architecture lists rate points, as a continuous-quality model's
  /// does; sweeping never builds the network, so no weights are needed.
  private func continuousModel(ratePoints: [Double]) -> CatalogModel {
    let points = ratePoints.map { JSONValue.object(["quality": .number($0), "lambda": 0.01]) }
    let file = ModelFile(
      architecture: ["name": "photo", "ratePoints": .array(points)], entries: [:])
    return CatalogModel(name: "photo-test", file: file, isEmbedded: false)
  }

  @Test func aContinuousModelSweepsQualitiesOverItsRatePoints() {
    let models = AEZModels(members: [continuousModel(ratePoints: [0, 20, 40, 60, 80, 100])])
    #expect(models.isContinuous)
    let sweep = models.sweep(qualities: nil)
    #expect(sweep.map(\.quality) == [0, 17, 33, 50, 67, 83, 100])
    #expect(sweep.allSatisfy { $0.model?.name == "photo-test" })
    #expect(models.sweep(qualities: [30, 72.5]).map(\.quality) == [30, 72.5])

    let narrow = AEZModels(members: [continuousModel(ratePoints: [50])])
    #expect(narrow.sweep(qualities: nil).map(\.quality) == AEZModels.fallbackContinuousQualities)
  }

  @Test func aModelWithoutAQualityIsOnePoint() throws {
    let file = try BenchFixtures.codec(latent: 4, seed: 1).modelFile()
    let models = AEZModels(members: [CatalogModel(name: "m.aezm", file: file, isEmbedded: false)])
    let sweep = models.sweep(qualities: nil)
    #expect(sweep.count == 1)
    #expect(sweep[0].quality == nil)
    #expect(sweep[0].qualityText == "-")
    // Asked qualities do not multiply a fixed-rate model that stands for none.
    #expect(models.sweep(qualities: [10, 90]).count == 1)
  }
}
