import Codec
import Decoder
import Foundation
import Models
import Reports
import Testing

@testable import CLI

/// The bench core: planning, sweeping, running in parallel, summarising and the deltas.
struct BenchTests {
  static let jpegAndWebP = BenchFixtures.toolsAvailable([.jpeg, .webp])
  static let jpeg = BenchFixtures.toolsAvailable([.jpeg])

  @Test func aFamilyIsSweptMemberByMember() throws {
    let bench = try Benchmark(
      images: try BenchFixtures.inputs(count: 2), codecs: [.aez],
      qualities: try BenchQualities(parsing: []), reference: .classical(.webp),
      catalog: try BenchFixtures.familyCatalog(), modelChoice: "tiny", aezIsRequired: true,
      runner: ClassicalCodecRunner())
    let result = try bench.run(jobs: 1)

    #expect(result.curves.map(\.codec) == ["aez"])
    let points = result.curves[0].points
    #expect(points.map(\.quality) == [20, 40, 60, 80])
    #expect(points.map(\.model) == ["tiny-q20", "tiny-q40", "tiny-q60", "tiny-q80"])
    for point in points {
      #expect(point.images.count == 2)
      let payload = try #require(point.payloadBitsPerPixel)
      // The single-image file adds its header to the payload.
      #expect(payload > 0 && payload < point.bitsPerPixel)
      #expect(point.psnr > 0 && point.psnr < ImageMeasurement.psnrCap)
      #expect(point.msSSIM > -1 && point.msSSIM <= 1)
    }
    // Twice the latents, more bits: 2, 4, 8 and 16 latents per image.
    let payloads = points.compactMap(\.payloadBitsPerPixel)
    #expect(payloads == payloads.sorted())
    // No reference was measured, so the one curve has a delta that says why.
    #expect(
      result.deltas.map(\.reason) == [
        "the reference webp was not measured; add it to --codecs"
      ])
  }

  @Test(.enabled(if: BenchTests.jpeg))
  func measurementsDoNotDependOnTheJobCount() throws {
    let bench = try Benchmark(
      images: try BenchFixtures.inputs(count: 3), codecs: [.aez, .classical(.jpeg)],
      qualities: try BenchQualities(parsing: ["jpeg=20,60,90"]), reference: .classical(.jpeg),
      catalog: try BenchFixtures.familyCatalog(), modelChoice: "tiny", aezIsRequired: true,
      runner: ClassicalCodecRunner())
    let serial = try bench.run(jobs: 1)
    let parallel = try bench.run(jobs: 3)

    func withoutTimes(_ result: BenchResult) -> [[[ImageMeasurement]]] {
      result.curves.map { curve in
        curve.points.map { point in
          point.images.map { image in
            var image = image
            image.encodeSeconds = 0
            image.decodeSeconds = 0
            return image
          }
        }
      }
    }
    #expect(withoutTimes(serial) == withoutTimes(parallel))
    #expect(serial.deltas == parallel.deltas)
    // Images stay in input order whichever thread coded them.
    #expect(parallel.curves[1].points[0].images.map(\.file) == serial.images)
  }

  @Test(.enabled(if: BenchTests.jpeg))
  func aCodecWithoutItsToolsIsSkippedAndTheRestRuns() throws {
    // A search path that holds JPEG's tools and nothing else.
    let folder = try BenchFolder()
    defer { folder.remove() }
    let runner = ClassicalCodecRunner()
    for tool in ["cjpeg", "djpeg"] {
      let found = try #require(ExternalTool.locate(tool, searchPath: runner.searchPath))
      try FileManager.default.createSymbolicLink(
        atPath: folder.file(tool), withDestinationPath: found.path)
    }
    let bench = try Benchmark(
      images: try BenchFixtures.inputs(count: 1),
      codecs: [.classical(.jpeg), .classical(.webp)],
      qualities: try BenchQualities(parsing: ["50"]), reference: .classical(.webp),
      catalog: ModelCatalog(models: []), modelChoice: nil, aezIsRequired: false,
      runner: ClassicalCodecRunner(searchPath: folder.path))

    #expect(bench.plans.map(\.codec) == [.classical(.jpeg)])
    #expect(bench.skipped.map(\.codec) == ["webp"])
    #expect(bench.skipped[0].reason.contains("cwebp and dwebp not found"))
    let result = try bench.run(jobs: 1)
    #expect(result.curves.map(\.codec) == ["jpeg"])
    #expect(result.deltas.count == 1)
    #expect(result.deltas[0].reason?.hasPrefix("the reference webp was skipped") == true)
  }

  @Test func aezIsSkippedWithoutAModelOnlyWhenNotAskedFor() throws {
    let images = try BenchFixtures.inputs(count: 1)
    let empty = ModelCatalog(models: [])
    let quiet = try Benchmark(
      images: images, codecs: [.aez], qualities: try BenchQualities(parsing: []),
      reference: .aez, catalog: empty, modelChoice: nil, aezIsRequired: false,
      runner: ClassicalCodecRunner(searchPath: ""))
    #expect(quiet.plans.isEmpty)
    #expect(quiet.skipped.map(\.codec) == ["aez"])
    #expect(quiet.skipped[0].reason.contains("no model called 'digits'"))

    #expect(throws: CodingError.self) {
      try Benchmark(
        images: images, codecs: [.aez], qualities: try BenchQualities(parsing: []),
        reference: .aez, catalog: empty, modelChoice: nil, aezIsRequired: true,
        runner: ClassicalCodecRunner(searchPath: ""))
    }
  }

  @Test(.enabled(if: BenchTests.jpegAndWebP))
  func deltasNeedFourOverlappingPointsPerCurve() throws {
    let bench = try Benchmark(
      images: try BenchFixtures.inputs(count: 2),
      codecs: [.aez, .classical(.jpeg), .classical(.webp)],
      qualities: try BenchQualities(parsing: ["30,50,70,90,95,100"]),
      reference: .classical(.webp), catalog: try BenchFixtures.familyCatalog(),
      modelChoice: "tiny-q40", aezIsRequired: true, runner: ClassicalCodecRunner())
    let result = try bench.run(jobs: 2)

    // An exact model name sweeps that model alone, however many qualities are asked for.
    #expect(result.curves[0].points.map(\.model) == ["tiny-q40"])
    #expect(result.deltas.map(\.codec) == ["aez", "jpeg"])
    let aez = result.deltas[0]
    #expect(aez.rate == nil && aez.psnr == nil)
    #expect(aez.reason == "this codec has 1 point, 4 needed")

    let jpeg = result.deltas[1]
    #expect(jpeg.reason == nil)
    let rate = try #require(jpeg.rate)
    let psnr = try #require(jpeg.psnr)
    // On these smooth rings JPEG needs far more bits than WebP at equal PSNR.
    #expect(rate > 0 && psnr < 0)
    let psnrRange = try #require(jpeg.psnrRange)
    let curves = result.curves
    let shared = max(
      curves[1].points.map(\.psnr).min() ?? 0, curves[2].points.map(\.psnr).min() ?? 0)
    #expect(abs(psnrRange[0] - shared) < 1e-12)
  }

  @Test func pointsAverageImagesAndTakeMedianSpeeds() {
    func image(_ bitsPerPixel: Double, _ psnr: Double, seconds: Double) -> ImageMeasurement {
      ImageMeasurement(
        file: "x.png", pixels: 1_000_000, bitsPerPixel: bitsPerPixel, payloadBitsPerPixel: nil,
        psnr: psnr, msSSIM: 0.5, encodeSeconds: seconds, decodeSeconds: seconds * 2)
    }
    let point = BenchPoint(
      setting: BenchSetting(codec: .classical(.webp), quality: 50, model: nil),
      images: [image(1, 30, seconds: 1), image(2, 40, seconds: 4), image(3, 20, seconds: 2)])
    #expect(point.bitsPerPixel == 2)
    #expect(point.psnr == 30)
    #expect(point.payloadBitsPerPixel == nil)
    // Speeds 1, 0.25 and 0.5 megapixels per second: the median is 0.5.
    #expect(point.encodeMegapixelsPerSecond == 0.5)
    #expect(point.decodeMegapixelsPerSecond == 0.25)
    #expect(BenchPoint.median([4, 1, 3, 2]) == 2.5)
  }

  @Test func parallelTasksKeepOrderAndReportTheFirstFailure() throws {
    let squares = try ParallelTasks.map(
      count: 50, jobs: 4, makeWorker: { 7 }, task: { worker, index in index * index + worker })
    #expect(squares == (0..<50).map { $0 * $0 + 7 })

    struct Failure: Error, Equatable { var index: Int }
    #expect(throws: Failure(index: 3)) {
      _ = try ParallelTasks.map(
        count: 40, jobs: 4, makeWorker: { 0 },
        task: { _, index in
          if index % 10 == 3 { throw Failure(index: index) }
          return index
        })
    }
  }
}
