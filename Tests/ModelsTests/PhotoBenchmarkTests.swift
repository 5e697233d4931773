import Foundation
import NumericCore
import Testing

@testable import Models

/// Timings of the standard photo codec, run only when `AEZ_BENCHMARK` is set, in a release
/// build: `AEZ_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter
/// PhotoBenchmark`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["AEZ_BENCHMARK"] != nil))
struct PhotoBenchmarkTests {
  /// The best of `repeats` wall-clock times of `body`, in milliseconds.
  static func milliseconds(repeats: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return best
  }

  /// Multiply-adds of a chain of layers on one image of `height` by `width`.
  static func multiplyAdds(_ network: Sequential, channels: Int, height: Int, width: Int) -> Int {
    var (h, w, total) = (height, width, 0)
    for layer in network.layers {
      if let conv = layer as? Conv2D {
        (h, w) = conv.outputSize(height: h, width: w)
        total +=
          h * w * conv.outputChannels * conv.inputChannels * conv.kernelSize * conv.kernelSize
      } else if let conv = layer as? TransposedConv2D {
        total +=
          h * w * conv.outputChannels * conv.inputChannels * conv.kernelSize * conv.kernelSize
        (h, w) = conv.outputSize(height: h, width: w)
      } else if let gdn = layer as? GDN {
        total += h * w * gdn.channels * gdn.channels
      }
    }
    _ = channels
    return total
  }

  @Test func standardCodecOn768x512() throws {
    var generator = SeededGenerator(seed: 1)
    let codec = PhotoCodec(architecture: .standard, generator: &generator)
    let (height, width) = (512, 768)
    let planes = PhotoFixtures.image(height: height, width: width, seed: 2)
    let setup = try Self.milliseconds(repeats: 1) { try codec.updateEntropyModel() }
    let model = try #require(codec.entropyModel)

    let image = Tensor(shape: [1, 3, height, width], scalars: planes)
    var latents = Tensor(shape: [1])
    let analysisTime = Self.milliseconds { latents = codec.analysis.infer(image) }
    let synthesisTime = Self.milliseconds { _ = codec.synthesis.infer(latents) }
    var analysis: PhotoAnalysis?
    let encodeTime = try Self.milliseconds {
      analysis = try codec.analyze(planes: planes, height: height, width: width)
    }
    let prepared = try #require(analysis)
    let hyperTime = Self.milliseconds {
      _ = model.hyperSynthesis.logScales(
        hyperLatents: prepared.hyperLatents, height: height / 64, width: width / 64)
    }
    var bitstream: PhotoBitstream?
    let codingTime = try Self.milliseconds { bitstream = try codec.compress(prepared, quality: 60) }
    let bytes = try #require(bitstream).bytes
    var latentsDecoded: PhotoLatents?
    let entropyDecodeTime = try Self.milliseconds {
      latentsDecoded = try codec.decodeLatents(try #require(bitstream), quality: 60)
    }
    let decodeTime = try Self.milliseconds {
      _ = try codec.decompress(bytes, height: height, width: width, quality: 60)
    }
    _ = latentsDecoded

    let gigaAnalysis =
      Double(
        Self.multiplyAdds(codec.analysis, channels: 3, height: height, width: width)) * 2 / 1e9
    let gigaSynthesis =
      Double(
        Self.multiplyAdds(codec.synthesis, channels: 128, height: height / 16, width: width / 16))
      * 2 / 1e9
    let gigaHyperAnalysis =
      Double(
        Self.multiplyAdds(
          codec.hyperAnalysis, channels: 128, height: height / 16, width: width / 16))
      * 2 / 1e9
    let gigaHyperSynthesis =
      Double(
        Self.multiplyAdds(
          codec.hyperSynthesis, channels: 64, height: height / 64, width: width / 64))
      * 2 / 1e9
    print(
      """
      photo 768x512: analysis \(gigaAnalysis) GFLOP in \(analysisTime) ms, \
      synthesis \(gigaSynthesis) GFLOP in \(synthesisTime) ms, \
      hyper-analysis \(gigaHyperAnalysis) GFLOP, hyper-synthesis \(gigaHyperSynthesis) GFLOP \
      (integer: \(hyperTime) ms); \
      analyze (g_a + h_a + z coding + integer h_s) \(encodeTime) ms, \
      quantize + code y \(codingTime) ms, entropy decode + integer h_s \(entropyDecodeTime) ms, \
      full decode \(decodeTime) ms; \(bytes.count) bytes; entropy model setup \(setup) ms
      """)
  }

  @Test func standardTrainingStep() throws {
    var generator = SeededGenerator(seed: 3)
    let codec = PhotoCodec(architecture: .standard, generator: &generator)
    let optimizer = Adam(parameters: codec.parameters, schedule: .constant(1e-4))
    for (batch, crop) in [(8, 128), (8, 256)] {
      var values: [Float] = []
      for item in 0..<batch {
        values += PhotoFixtures.image(height: crop, width: crop, seed: UInt64(10 + item))
      }
      let images = Tensor(shape: [batch, 3, crop, crop], scalars: values)
      let time = Self.milliseconds(repeats: 3) {
        codec.parameters.forEach { $0.parameter.zeroGradient() }
        _ = codec.trainingStep(images: images, ratePoint: 2, generator: &generator)
        optimizer.step()
      }
      print("photo training: batch \(batch) of \(crop)x\(crop): \(time) ms per step")
    }
  }
}
