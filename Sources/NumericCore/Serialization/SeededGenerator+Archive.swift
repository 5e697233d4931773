/// Saving and restoring a random generator, so a resumed run draws the same numbers.
extension SeededGenerator {
  /// Writes the four state words into `archive` as integers `name.0` to `name.3`.
  public func save(into archive: inout TensorArchive, named name: String) {
    for (index, word) in [state.0, state.1, state.2, state.3].enumerated() {
      archive.setInteger(Int64(bitPattern: word), named: "\(name).\(index)")
    }
  }

  /// Restores a generator saved by `save(into:named:)`.
  ///
  /// - Throws: `ArchiveError.missingInteger`, or `ArchiveError.invalidGeneratorState` when the
  ///   saved state is all zero.
  public init(from archive: TensorArchive, named name: String) throws(ArchiveError) {
    var words: [UInt64] = []
    for index in 0..<4 {
      words.append(UInt64(bitPattern: try archive.integer(named: "\(name).\(index)")))
    }
    guard words.contains(where: { $0 != 0 }) else { throw .invalidGeneratorState(name: name) }
    self.init(state: (words[0], words[1], words[2], words[3]))
  }
}
