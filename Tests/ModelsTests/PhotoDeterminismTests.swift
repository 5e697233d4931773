import CKernels
import EntropyCoding
import Foundation
import NumericCore
import Testing

@testable import Models

@Suite struct PhotoDeterminismTests {
  /// Decodes one bitstream under every thread count and kernel path and requires the same
  /// latents bit for bit.
  ///
  /// It runs in a child process, because switching the kernel path changes the rounding of
  /// every float kernel, which would disturb tests running alongside. The architecture is
  /// large enough (`N = 32`, `M = 48`, a 512x512 image) for the exact kernel to split its
  /// work across threads, and the bitstream is built from random latents so that no slow
  /// analysis runs in a debug build.
  @Test func decodingIsIdenticalOnEveryPathAndThreadCount() async {
    await #expect(processExitsWith: .success) {
      let architecture = PhotoArchitecture(
        featureChannels: 32, latentChannels: 48,
        ratePoints: [.init(quality: 0, lambda: 0.01), .init(quality: 100, lambda: 0.1)])
      var generator = SeededGenerator(seed: 51)
      let codec = PhotoCodec(architecture: architecture, generator: &generator)
      do {
        try codec.updateEntropyModel()
        guard let model = codec.entropyModel else { exit(2) }
        let bitstream = PhotoDeterminismTests.randomBitstream(
          codec: codec, model: model, height: 512, width: 512, quality: 40,
          generator: &generator)

        let reference = try codec.decodeLatents(bitstream, quality: 40)
        var configurations = 0
        for path in [AEZ_KERNEL_PATH_PORTABLE, AEZ_KERNEL_PATH_AVX2, AEZ_KERNEL_PATH_AVX512]
        where aez_kernel_path_is_supported(path) != 0 {
          _ = aez_kernel_path_set(path)
          for threads in [1, 2] {
            aez_thread_count_set(Int32(threads))
            let latents = try codec.decodeLatents(bitstream, quality: 40)
            guard latents == reference else {
              FileHandle.standardError.write(Data("path \(path) threads \(threads)\n".utf8))
              exit(1)
            }
            configurations += 1
          }
        }
        exit(configurations >= 2 ? 0 : 3)
      } catch {
        exit(4)
      }
    }
  }

  /// A bitstream of random hyper-latents and latents coded with the model's own tables and
  /// its exact table selection, as an encoder would write it.
  static func randomBitstream(
    codec: PhotoCodec, model: PhotoEntropyModel, height: Int, width: Int, quality: Double,
    generator: inout SeededGenerator
  ) -> PhotoBitstream {
    let hyperShape = codec.hyperLatentShape(height: height, width: width)
    let shape = codec.latentShape(height: height, width: width)
    let hyperPlane = hyperShape[1] * hyperShape[2]
    let hyperLatents = (0..<hyperShape.reduce(1, *)).map { _ in
      Int32(generator.nextIndex(below: 9)) - 4
    }
    let hyperBytes = LatentStream.encode(
      values: hyperLatents, tableIndices: hyperLatents.indices.map { $0 / hyperPlane },
      tables: model.hyperLatentTables)
    let logScales = model.hyperSynthesis.logScales(
      hyperLatents: hyperLatents, height: hyperShape[1], width: hyperShape[2])
    let blend = try? QualityBlend(quality: quality, ratePoints: codec.architecture.ratePoints)
    let indices = model.tableIndices(
      logScales: logScales,
      blendedLogGains: blend.map { model.blendedLogGains($0) }
        ?? [Int64](repeating: 0, count: shape[0]))
    let latents = indices.map { index in
      Int32(generator.nextIndex(below: 2 * index + 1)) - Int32(index)
    }
    let latentBytes = LatentStream.encode(
      values: latents, tableIndices: indices, tables: model.gaussian.tables)
    return PhotoBitstream(
      hyperLatentBytes: hyperBytes, latentBytes: latentBytes, hyperLatentShape: hyperShape,
      latentShape: shape)
  }
}
