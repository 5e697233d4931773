import CommandLineKit

/// One of `count` slices of a batch's input list, so that several machines can share a data
/// set with no coordination: slice `index` holds inputs `index`, `index + count`,
/// `index + 2 * count` and so on of the list.
///
/// The list is the same on every machine given the same arguments (folders are listed in
/// name order), so the slices `0/N` to `N-1/N` hold every input exactly once. Taking every
/// `count`-th input, rather than a block, shares a list sorted by kind (such as one folder
/// of large images after another of small ones) evenly.
struct Shard: Sendable, Equatable {
  /// The slice, from 0 to `count - 1`.
  var index: Int
  /// The number of slices, at least 1.
  var count: Int

  /// Reads `I/N` as given to `--shard`, as in `0/4` for the first of four slices.
  ///
  /// - Throws: `UsageError.invalidUsage` naming the text when it is not two whole numbers
  ///   with `0 <= I < N`.
  init(parsing text: String) throws(UsageError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw .invalidUsage(
        "--shard takes I/N, the slice I (from 0) of N, as in '--shard 0/4', not '\(text)'")
    }
    guard count >= 1 else { throw .invalidUsage("--shard \(text): N must be at least 1") }
    guard index >= 0, index < count else {
      throw .invalidUsage("--shard \(text): the slice must be from 0 to \(count - 1)")
    }
    self.index = index
    self.count = count
  }

  /// The inputs of this slice, in list order.
  ///
  /// - Complexity: O(n).
  func select<Element>(_ items: [Element]) -> [Element] {
    stride(from: index, to: items.count, by: count).map { items[$0] }
  }
}
