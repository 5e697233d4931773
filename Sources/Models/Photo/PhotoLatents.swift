/// The integer latents of one image, as the decoder recovers them.
public struct PhotoLatents: Sendable, Equatable {
  /// `ẑ`, `[N, height/64, width/64]`.
  public let hyperLatents: [Int32]
  /// `round(y · g)`, `[M, height/16, width/16]`.
  public let latents: [Int32]
  /// The shape of `latents`.
  public let latentShape: [Int]
}
