/// The quality-independent part of compressing one image: the networks' outputs, computed
/// once so that a search for a target size only re-runs quantization and entropy coding.
public struct PhotoAnalysis: Sendable {
  /// The image height in pixels.
  public let height: Int
  /// The image width in pixels.
  public let width: Int
  /// The latent `y`, `[M, height/16, width/16]`, before any gain.
  public let latents: [Float]
  /// The rounded and clamped hyper-latents `ẑ`, `[N, height/64, width/64]`.
  public let hyperLatents: [Int32]
  /// `ẑ` range-coded with the factorized prior's tables.
  public let hyperLatentBytes: [UInt8]
  /// The exact fixed-point base-2 log scales of `y`, `[M, height/16, width/16]`.
  public let logScales: [Int64]
}
