/// An axis-aligned rectangle in SVG pixel coordinates (y grows downwards).
struct PlotRect: Equatable {
  var minX: Double
  var minY: Double
  var width: Double
  var height: Double

  var maxX: Double { minX + width }
  var maxY: Double { minY + height }
  var midX: Double { minX + width / 2 }
  var midY: Double { minY + height / 2 }

  /// The rectangle grown by `amount` on every side (shrunk for a negative amount).
  func insetBy(_ amount: Double) -> PlotRect {
    PlotRect(
      minX: minX + amount, minY: minY + amount, width: width - 2 * amount,
      height: height - 2 * amount)
  }

  func contains(x: Double, y: Double) -> Bool {
    x >= minX && x <= maxX && y >= minY && y <= maxY
  }

  func intersects(_ other: PlotRect) -> Bool {
    minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
  }

  /// Whether the segment from `(x0, y0)` to `(x1, y1)` touches the rectangle.
  ///
  /// Liang–Barsky clipping: the segment is `p(t) = p0 + t (p1 - p0)` for t in [0, 1]; each
  /// of the four edges narrows the interval of t inside the rectangle, and the segment
  /// touches it if the interval stays non-empty.
  func intersectsSegment(x0: Double, y0: Double, x1: Double, y1: Double) -> Bool {
    let dx = x1 - x0
    let dy = y1 - y0
    var enter = 0.0
    var exit = 1.0
    let edges: [(p: Double, q: Double)] = [
      (-dx, x0 - minX), (dx, maxX - x0), (-dy, y0 - minY), (dy, maxY - y0),
    ]
    for (p, q) in edges {
      if p == 0 {
        if q < 0 { return false }
        continue
      }
      let t = q / p
      if p < 0 {
        enter = max(enter, t)
      } else {
        exit = min(exit, t)
      }
      if enter > exit { return false }
    }
    return true
  }
}

/// Estimates how wide text renders, since an SVG file cannot measure its own text.
///
/// Widths are per character as a fraction of the font size, close to Helvetica and Arial
/// and rounded up, so boxes sized from them hold the text in common sans-serif fonts.
enum TextMetrics {
  static func width(of text: String, fontSize: Double) -> Double {
    var ems = 0.0
    for character in text {
      ems += emWidth(character)
    }
    return ems * fontSize * 1.05
  }

  private static func emWidth(_ character: Character) -> Double {
    switch character {
    case "i", "l", "j", ".", ",", ":", ";", "|", "!", "'": return 0.28
    case "f", "t", "r", "I", "(", ")", "[", "]", " ", "-": return 0.36
    case "m", "w", "M", "W", "%", "@": return 0.87
    case "0"..."9": return 0.56
    default:
      if character.isUppercase { return 0.70 }
      if character.isASCII { return 0.56 }
      // CJK and other wide scripts take about a full em.
      return 1.0
    }
  }
}
