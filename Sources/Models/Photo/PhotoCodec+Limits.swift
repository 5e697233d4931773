import EntropyCoding

extension PhotoCodec {
  /// The fewest bytes a valid bitstream (``PhotoBitstream/bytes``) for a coded size of
  /// `height` by `width` can have.
  ///
  /// It is the sum of ``LatentStream/minimumByteCount(symbolCount:tables:)`` for `ẑ` with
  /// the prior's tables and for `ŷ` with the Gaussian tables. A decoder compares it with the
  /// length it was given before it lays out anything the size of the image, so that a short
  /// file cannot claim a huge image.
  ///
  /// - Parameters:
  ///   - height: The coded (padded) height.
  ///   - width: The coded (padded) width.
  /// - Returns: A lower bound in bytes; 0 before the entropy model exists.
  /// - Complexity: O(total table size).
  public func minimumBitstreamByteCount(height: Int, width: Int) -> Int {
    guard let model = entropyModel else { return 0 }
    let hyperLatents = hyperLatentShape(height: height, width: width).reduce(1, *)
    let latents = latentShape(height: height, width: width).reduce(1, *)
    return LatentStream.minimumByteCount(
      symbolCount: hyperLatents, tables: model.hyperLatentTables)
      + LatentStream.minimumByteCount(symbolCount: latents, tables: model.gaussian.tables)
  }
}
