import Foundation

@testable import Codec
import Decoder
import Image
import Models
import Testing

@Suite struct RateTargetTests {
  static func fileBits(_ entry: ContainerEntry, _ model: LoadedModel) throws -> Int {
    try ContainerWriter.single(
      header: entry.header, payload: entry.payload, modelFingerprint: model.entry.fingerprint
    ).count * 8
  }

  static func psnr(_ entry: ContainerEntry, _ image: PixelBuffer, _ model: LoadedModel) throws
    -> Double
  {
    let decoded = try ImageDecoder.decode(entry, with: model).image
    return ImageQuality.peakSignalToNoiseRatio(
      meanSquaredError: try ImageQuality.meanSquaredError(image, decoded))
  }

  /// With a size that grows smoothly with the quality, the search lands within 3% of any
  /// size in range and at the nearest end outside it.
  @Test(arguments: [1_000.0, 2_345.0, 7_777.0, 10.0, 50_000.0])
  func theSizeSearchFindsTheNearestSize(goal: Double) throws {
    func size(_ hundredths: Int) -> Int { 800 + Int(pow(Double(hundredths), 1.1)) }
    let entry = try RateSearch.nearestSize(
      bits: goal, candidate: Self.placeholder, size: { size($0.header.qualityHundredths) })
    let reached = Double(size(entry.header.qualityHundredths))
    if goal < 800 {
      #expect(entry.header.qualityHundredths == 0)
    } else if goal > Double(size(10_000)) {
      #expect(entry.header.qualityHundredths == 10_000)
    } else {
      #expect(abs(reached / goal - 1) <= 0.03, "aimed at \(goal), got \(reached)")
    }
  }

  @Test(arguments: [20.0, 31.4, 38.0, 45.0])
  func thePSNRSearchFindsTheLowestQualityReachingIt(goal: Double) throws {
    func psnr(_ hundredths: Int) -> Double { 20 + 18 * sqrt(Double(hundredths) / 10_000) }
    let entry = try RateSearch.lowestReaching(
      goal, candidate: Self.placeholder, measure: { psnr($0.header.qualityHundredths) })
    let found = entry.header.qualityHundredths
    if goal > psnr(10_000) {
      #expect(found == 10_000)
    } else {
      #expect(psnr(found) >= goal)
      #expect(found == 0 || psnr(max(0, found - 25)) < goal, "\(found) is not the lowest")
    }
  }

  /// An entry that records only the quality it was made at.
  static func placeholder(_ hundredths: Int) -> ContainerEntry {
    ContainerEntry(
      header: ContainerImageHeader(
        pixelFormat: ContainerPixelFormat(colorModel: .rgb, alpha: .absent, bitDepth: 8),
        width: 1, height: 1, qualityHundredths: hundredths),
      name: nil, payload: [])
  }

  /// Through a real model, the size search ends at a quality whose size is at least as near
  /// the goal as its neighbours'.
  @Test func aTargetSizeEndsAtALocallyNearestQuality() throws {
    let model = try TestModels.photo()
    let image = photoImage(width: 128, height: 96, seed: 3)
    let pixels = Double(image.pixelCount)
    let low = try Self.fileBits(try ImageEncoder.encode(image, model: model, quality: 0), model)
    let high = try Self.fileBits(
      try ImageEncoder.encode(image, model: model, quality: 100), model)
    let goal = (Double(low) + 0.4 * Double(high - low)) / pixels
    let entry = try ImageEncoder.encode(image, model: model, target: .bitsPerPixel(goal))
    let found = entry.header.qualityHundredths
    let reached = Double(try Self.fileBits(entry, model))
    // The search ends with two neighbouring qualities whose sizes straddle the goal and
    // returns the nearer.
    let partner = reached <= goal * pixels ? found + 1 : found - 1
    let other = try ImageEncoder.encode(image, model: model, quality: Double(partner) / 100)
    let otherBits = Double(try Self.fileBits(other, model))
    #expect((reached <= goal * pixels) != (otherBits <= goal * pixels))
    #expect(abs(reached - goal * pixels) <= abs(otherBits - goal * pixels))
  }

  @Test func aReachablePSNRIsReached() throws {
    let model = try TestModels.photo()
    let image = photoImage(width: 128, height: 64, seed: 5)
    let best = try Self.psnr(
      try ImageEncoder.encode(image, model: model, quality: 100), image, model)
    let entry = try ImageEncoder.encode(image, model: model, target: .psnr(best - 0.001))
    #expect(try Self.psnr(entry, image, model) >= best - 0.001)
  }

  /// The header keeps hundredths, so the encoder must code at the quality it records.
  @Test func aFractionalQualityDecodesAsTheFileRecordsIt() throws {
    let model = try TestModels.photo()
    let image = photoImage(width: 64, height: 64, seed: 6)
    let entry = try ImageEncoder.encode(image, model: model, quality: 33.337)
    #expect(entry.header.qualityHundredths == 3334)
    let rounded = try ImageEncoder.encode(image, model: model, quality: 33.34)
    #expect(entry.payload == rounded.payload)
  }

  @Test func largeImagesCodeTileByTileWithoutSeams() throws {
    let model = try TestModels.photo()
    // 784 pixels wide: 49 latents, two tiles side by side.
    let image = photoImage(width: 784, height: 40, seed: 8)
    let entry = try ImageEncoder.encode(image, model: model, quality: 100)
    let decoded = try ImageDecoder.decode(entry, with: model).image
    #expect(decoded.width == 784 && decoded.height == 40 && decoded.layout == .rgb)
    // Columns on both sides of the tiles' boundary (pixel 384) are as close to the original as
    // the rest of the image.
    func columnError(_ column: Int) -> Double {
      var total = 0.0
      for row in 0..<40 {
        for channel in 0..<3 {
          let index = (row * 784 + column) * 3 + channel
          let difference = Double(image.samples[index]) - Double(decoded.samples[index])
          total += difference * difference
        }
      }
      return total / 120
    }
    let overall = (0..<784).map(columnError).reduce(0, +) / 784
    let seam = (380..<388).map(columnError).reduce(0, +) / 8
    #expect(seam < 2 * overall + 1, "seam \(seam), overall \(overall)")
  }

  @Test func greyPhotosDecodeAsGrey() throws {
    let model = try TestModels.photo()
    let image = photoImage(width: 96, height: 64, seed: 9).convertedToGrey()
    let entry = try ImageEncoder.encode(image, model: model, quality: 50)
    #expect(entry.header.pixelFormat.colorModel == .gray)
    let decoded = try ImageDecoder.decode(entry, with: model).image
    #expect(decoded.layout == .grey && decoded.width == 96 && decoded.height == 64)
  }
}
