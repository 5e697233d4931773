extension FrequencyTable {
  /// Bits of a cumulative position that select a bucket of the search index.
  static let searchBits = 8

  /// Builds the search index: for each bucket `b` of width `2^(precision - k)`, with
  /// `k = min(precision, searchBits)`, the symbol that holds the bucket's first position,
  /// followed by one entry holding the last symbol. A position in bucket `b` then belongs to
  /// a symbol between entries `b` and `b + 1`, both included.
  ///
  /// - Complexity: O(symbolCount + 2^k); the index has `2^k + 1` entries (at most 257).
  static func makeSearchIndex(cumulativeFrequencies: [UInt32], precision: Int) -> [UInt16] {
    let bucketBits = min(precision, searchBits)
    let shift = precision - bucketBits
    var index: [UInt16] = []
    index.reserveCapacity((1 << bucketBits) + 1)
    var symbol = 0
    for bucket in 0..<(1 << bucketBits) {
      let position = UInt32(bucket << shift)
      while cumulativeFrequencies[symbol + 1] <= position {
        symbol += 1
      }
      index.append(UInt16(symbol))
    }
    // Symbols are below 2^16 because a table has at most 2^precision <= 2^16 of them.
    index.append(UInt16(cumulativeFrequencies.count - 2))
    return index
  }

  /// The symbol whose cumulative interval holds `target`, which must be below ``total``.
  ///
  /// - Complexity: O(log s) for the s symbols that share `target`'s bucket; one or two
  ///   steps for the values near a distribution's peak.
  @inline(__always)
  func symbol(forCumulative target: UInt32) -> Int {
    Self.symbol(
      forCumulative: target, cumulative: cumulativeFrequencies, cumulativeOffset: 0,
      searchIndex: searchIndex, searchOffset: 0, precision: precision)
  }

  /// The symbol of the table stored at `cumulativeOffset` and `searchOffset` of shared
  /// arrays whose interval holds `target`.
  ///
  /// Taking the arrays and offsets, rather than a table, lets a stream of many tables keep
  /// them all in two arrays (see `PackedTables`).
  @inline(__always)
  static func symbol(
    forCumulative target: UInt32, cumulative: [UInt32], cumulativeOffset: Int,
    searchIndex: [UInt16], searchOffset: Int, precision: Int
  ) -> Int {
    let shift = UInt32(precision - min(precision, searchBits))
    let bucket = searchOffset + Int(target >> shift)
    var low = Int(searchIndex[bucket])
    var high = Int(searchIndex[bucket + 1])
    // Invariant: cumulative[low] <= target < cumulative[high + 1] (offsets aside).
    while low < high {
      let middle = (low + high + 1) / 2
      if cumulative[cumulativeOffset + middle] <= target {
        low = middle
      } else {
        high = middle - 1
      }
    }
    return low
  }
}
