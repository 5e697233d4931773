/// Finds the candidate a mistyped word most likely meant, for "did you mean" hints.
///
/// The distance is the optimal string alignment distance (insertions, deletions,
/// substitutions and swaps of neighbours each cost 1), compared without regard to case.
/// A candidate is suggested only when the distance is at most a third of the word's length
/// (rounded up), so that short unrelated words are not suggested.
///
/// - Parameters:
///   - word: The text the user typed, without dashes.
///   - candidates: The known names, in order of preference on ties.
/// - Returns: The closest candidate, or `nil` when none is close enough.
/// - Complexity: O(*w* · *c*) per candidate of length *c*, for a word of length *w*.
func closestMatch(to word: String, among candidates: [String]) -> String? {
  let limit = max(1, (word.count + 2) / 3)
  var best: (candidate: String, distance: Int)?
  for candidate in candidates {
    let distance = editDistance(word.lowercased(), candidate.lowercased())
    if distance <= limit, distance < (best?.distance ?? .max) {
      best = (candidate, distance)
    }
  }
  return best?.candidate
}

/// The optimal string alignment distance between two strings, counted in characters.
///
/// `d[i][j]` is the distance between the first `i` characters of `a` and the first `j` of
/// `b`; three rows are kept because a swap looks two rows back.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  guard !a.isEmpty else { return b.count }
  guard !b.isEmpty else { return a.count }

  var twoBack = [Int](repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let substitution = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        current[j] = min(current[j], twoBack[j - 2] + 1)
      }
    }
    (twoBack, previous, current) = (previous, current, twoBack)
  }
  return previous[b.count]
}
