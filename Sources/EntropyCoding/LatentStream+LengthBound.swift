extension LatentStream {
  /// The fewest bytes a stream of `symbolCount` values coded with `tables` can have, so that
  /// a length declared elsewhere can be checked before anything of that length is allocated.
  ///
  /// Every symbol costs at least `b = log2(2^p / f_max)` bits, where `f_max` is the largest
  /// frequency of any table (escapes only add raw bits). The decoder starts with 7 bytes in
  /// its window and a width of 2^56; each symbol divides the width by at least `2^b` and each
  /// byte read multiplies it by 2^8, and it stays at or above 2^48. After `n` symbols it has
  /// therefore read at least `(n · b + 48) / 8` bytes, of which at most 7 lie past the end of
  /// the input: a complete stream holds at least `n · b / 8 - 1` bytes. The bound returned
  /// is one byte lower still, so that rounding in `b` can never refuse a valid stream.
  ///
  /// - Parameters:
  ///   - symbolCount: The number of values in the stream.
  ///   - tables: The tables the values may be coded with.
  /// - Returns: A lower bound on the stream's length in bytes; 0 when there are no tables.
  /// - Complexity: O(total table size).
  public static func minimumByteCount(symbolCount: Int, tables: [FrequencyTable]) -> Int {
    precondition(symbolCount >= 0, "a stream holds no negative number of values")
    var fewestBits = Double.infinity
    for table in tables {
      var largest: UInt32 = 0
      for symbol in 0..<table.symbolCount {
        largest = max(largest, table.frequency(ofSymbol: symbol))
      }
      let bits = Double(table.precision) - ElementaryFunctions.binaryLogarithm(Double(largest))
      fewestBits = min(fewestBits, bits)
    }
    guard fewestBits.isFinite, fewestBits > 0 else { return 0 }
    let bytes = (Double(symbolCount) * fewestBits / 8).rounded(.down) - 2
    return bytes > 0 ? Int(bytes) : 0
  }
}
