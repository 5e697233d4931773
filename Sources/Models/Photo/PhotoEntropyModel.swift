import EntropyCoding
import Foundation

/// Everything that decides how the photo codec's latents are entropy-coded, in integers, so
/// that encoder and decoder agree bit for bit on every machine.
///
/// - `z` (hyper-latent) element `i` of channel `c` is coded with `hyperLatentTables[c]`.
/// - `y` (latent) element of channel `m` with fixed-point log scale `a` (from
///   ``IntegerHyperSynthesis``) is coded, at a quality whose blended log gain for channel `m`
///   is `G_m` (``blendedLogGains(_:)``), with the Gaussian table ``tableIndex(logScale:)`` of
///   `a + G_m`: the log of `σ · g`, the scale of the gained latent.
/// - Table `i`'s scale is `s_i`; the thresholds are the geometric midpoints
///   `T_i = round(log2(sqrt(s_i · s_{i+1})) · 2^F)`, so each latent gets the table nearest its
///   scale in log terms.
///
/// All values with fractional bits share `F` = `hyperSynthesis.outputFractionBits`.
public struct PhotoEntropyModel: Sendable, Equatable {
  /// One table per hyper-latent channel.
  public let hyperLatentTables: [FrequencyTable]
  /// The zero-mean Gaussian tables of the latents, by increasing scale.
  public let gaussian: GaussianConditional
  /// `T_i` for `i` in `0..<scales.count − 1`, strictly increasing.
  public let scaleThresholds: [Int64]
  /// `round(log2 g_k[m] · 2^F)`, `[rate points, latentChannels]`, row-major.
  public let logGains: [Int64]
  /// The number of latent channels `M`.
  public let latentChannels: Int
  /// The exact hyper-synthesis that predicts the log scales.
  public let hyperSynthesis: IntegerHyperSynthesis

  /// A model of the given parts; their counts must agree.
  public init(
    hyperLatentTables: [FrequencyTable], gaussian: GaussianConditional,
    scaleThresholds: [Int64], logGains: [Int64], latentChannels: Int,
    hyperSynthesis: IntegerHyperSynthesis
  ) {
    precondition(scaleThresholds.count == gaussian.scales.count - 1, "one threshold per gap")
    precondition(latentChannels > 0 && logGains.count % latentChannels == 0, "gains are [K, M]")
    self.hyperLatentTables = hyperLatentTables
    self.gaussian = gaussian
    self.scaleThresholds = scaleThresholds
    self.logGains = logGains
    self.latentChannels = latentChannels
    self.hyperSynthesis = hyperSynthesis
  }

  /// The thresholds between consecutive `scales` in fixed point with `fractionBits` bits.
  ///
  /// They are computed once in floating point and stored; only the stored integers decide.
  public static func thresholds(for scales: [Double], fractionBits: Int) -> [Int64] {
    let unit = Double(1 << fractionBits)
    return (0..<(scales.count - 1)).map { index in
      Int64(((log2(scales[index]) + log2(scales[index + 1])) / 2 * unit).rounded())
    }
  }

  /// The fixed-point base-2 logs of natural-log gains `[rate points, M]`.
  public static func fixedLogGains(_ naturalLogs: [Float], fractionBits: Int) -> [Int64] {
    let unit = Double(1 << fractionBits)
    return naturalLogs.map { Int64((Double($0) / M_LN2 * unit).rounded()) }
  }

  /// The per-channel fixed-point log gain at `blend`, interpolated linearly between the two
  /// rate points (geometrically in the gain).
  public func blendedLogGains(_ blend: QualityBlend) -> [Int64] {
    (0..<latentChannels).map { channel in
      blend.mix(
        logGains[blend.lower * latentChannels + channel],
        logGains[blend.upper * latentChannels + channel])
    }
  }

  /// The index of the Gaussian table for a gained latent of fixed-point log scale `logScale`:
  /// the number of thresholds strictly below it.
  ///
  /// - Complexity: O(log scales).
  public func tableIndex(logScale: Int64) -> Int {
    var low = 0
    var high = scaleThresholds.count
    // Invariant: thresholds below `low` are < logScale, those at `high` and above are not.
    while low < high {
      let middle = (low + high) / 2
      if scaleThresholds[middle] < logScale { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The table index of every latent of one image.
  ///
  /// - Parameters:
  ///   - logScales: `a`, `[M, height, width]`, from ``IntegerHyperSynthesis/logScales``.
  ///   - blendedLogGains: `G`, one per channel.
  /// - Returns: Indices in the layout of `logScales`.
  public func tableIndices(logScales: [Int64], blendedLogGains: [Int64]) -> [Int] {
    let planeSize = logScales.count / latentChannels
    var indices = [Int](repeating: 0, count: logScales.count)
    for channel in 0..<latentChannels {
      let gain = blendedLogGains[channel]
      for index in (channel * planeSize)..<((channel + 1) * planeSize) {
        indices[index] = tableIndex(logScale: logScales[index] + gain)
      }
    }
    return indices
  }
}
