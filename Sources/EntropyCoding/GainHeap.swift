/// A binary max-heap of symbol indices ordered by a gain, ties broken by the lower index.
///
/// Layout: `entries` is the usual implicit tree, children of `i` at `2i + 1` and `2i + 2`.
/// Breaking ties by index makes the order, and so the tables built with it, independent of
/// insertion history.
struct GainHeap {
  private var entries: [(gain: Double, symbol: Int)] = []

  /// Creates a heap holding `entries`.
  ///
  /// - Complexity: O(n).
  init(_ entries: [(gain: Double, symbol: Int)]) {
    self.entries = entries
    for index in stride(from: entries.count / 2 - 1, through: 0, by: -1) {
      siftDown(from: index)
    }
  }

  /// The entry with the largest gain, if any.
  var top: (gain: Double, symbol: Int)? { entries.first }

  /// Replaces the top entry's gain and restores the heap order.
  ///
  /// - Complexity: O(log n).
  mutating func replaceTopGain(with gain: Double) {
    precondition(!entries.isEmpty, "replacing the top of an empty heap")
    entries[0].gain = gain
    siftDown(from: 0)
  }

  private func precedes(_ first: Int, _ second: Int) -> Bool {
    let a = entries[first]
    let b = entries[second]
    return a.gain > b.gain || (a.gain == b.gain && a.symbol < b.symbol)
  }

  private mutating func siftDown(from start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < entries.count else { return }
      var best = left
      if left + 1 < entries.count && precedes(left + 1, left) {
        best = left + 1
      }
      guard precedes(best, parent) else { return }
      entries.swapAt(parent, best)
      parent = best
    }
  }
}
