import EntropyCoding
import NumericCore

extension PhotoCodec {
  /// Derives the integer entropy model from the current weights and keeps it in
  /// ``entropyModel``: the prior's tables, the Gaussian tables, their thresholds, the
  /// fixed-point gains and the integer hyper-synthesis.
  ///
  /// Call it after training changes the weights and before coding; exporting a model file
  /// calls it too.
  ///
  /// - Throws: `PhotoEntropyModelError` when a table cannot be built or the hyper-synthesis
  ///   cannot run in exact integers.
  /// - Complexity: Builds `N` prior tables and one Gaussian table per scale: tens of
  ///   milliseconds.
  public func updateEntropyModel() throws(PhotoEntropyModelError) {
    let hyperLatentTables: [FrequencyTable]
    let gaussian: GaussianConditional
    do {
      hyperLatentTables = try prior.tables()
      gaussian = try GaussianConditional(scales: architecture.scales)
    } catch let error as EntropyCodingError {
      throw .tableConstruction(error)
    } catch {
      preconditionFailure("table construction throws only EntropyCodingError, not \(error)")
    }
    let integerNetwork = try IntegerHyperSynthesis(
      deriving: hyperSynthesisLayers, rectified: [true, true, false])
    let fractionBits = integerNetwork.outputFractionBits
    entropyModel = PhotoEntropyModel(
      hyperLatentTables: hyperLatentTables, gaussian: gaussian,
      scaleThresholds: PhotoEntropyModel.thresholds(
        for: gaussian.scales, fractionBits: fractionBits),
      logGains: PhotoEntropyModel.fixedLogGains(
        logGain.value.scalars, fractionBits: fractionBits),
      latentChannels: architecture.latentChannels, hyperSynthesis: integerNetwork)
  }

  /// The transposed convolutions of the float hyper-synthesis, first to last.
  var hyperSynthesisLayers: [TransposedConv2D] {
    hyperSynthesis.layers.compactMap { $0 as? TransposedConv2D }
  }
}
