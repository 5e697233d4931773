/// The tables of one stream gathered into two flat arrays, so that the per-symbol loop
/// copies no table (and so touches no reference count) and reads one contiguous block.
///
/// Layout: table `t` has its cumulative frequencies at
/// `cumulative[entries[t].cumulativeOffset...]` and its search index at
/// `searchIndex[entries[t].searchOffset...]`, each exactly as in the table.
struct PackedTables {
  /// Where one table's data lies in the shared arrays, with its scalar fields.
  struct Entry {
    var cumulativeOffset: Int
    var searchOffset: Int
    var escapeSymbol: Int
    var precision: Int
    var minimum: Int32
    var maximum: Int32
  }

  let entries: [Entry]
  let cumulative: [UInt32]
  let searchIndex: [UInt16]

  /// Gathers `tables`.
  ///
  /// - Complexity: O(total symbols); about 28,000 entries for 64 Gaussian tables.
  init(_ tables: [FrequencyTable]) {
    var entries: [Entry] = []
    var cumulative: [UInt32] = []
    var searchIndex: [UInt16] = []
    entries.reserveCapacity(tables.count)
    cumulative.reserveCapacity(tables.reduce(0) { $0 + $1.cumulativeFrequencies.count })
    searchIndex.reserveCapacity(tables.reduce(0) { $0 + $1.searchIndex.count })
    for table in tables {
      entries.append(
        Entry(
          cumulativeOffset: cumulative.count, searchOffset: searchIndex.count,
          escapeSymbol: table.escapeSymbol, precision: table.precision,
          minimum: table.minimum, maximum: table.maximum))
      cumulative.append(contentsOf: table.cumulativeFrequencies)
      searchIndex.append(contentsOf: table.searchIndex)
    }
    self.entries = entries
    self.cumulative = cumulative
    self.searchIndex = searchIndex
  }
}
