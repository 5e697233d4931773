/// The colours and markers that charts give to series, slot by slot.
///
/// The colours are the Okabe–Ito set, chosen because they stay distinguishable for the
/// common forms of colour blindness, ordered so that the first few are the most distinct on
/// white; the pale yellow of the original set is darkened to stay readable as a thin line.
/// Markers cycle on a different period from colours, so slot 8 (the first repeated colour)
/// still differs from slot 0 in its marker.
public enum ChartPalette {
  /// Line and marker colours as `#rrggbb`, slot 0 first.
  public static let colors: [String] = [
    "#0072b2",  // blue
    "#d55e00",  // vermilion
    "#009e73",  // bluish green
    "#cc79a7",  // reddish purple
    "#e69f00",  // orange
    "#56b4e9",  // sky blue
    "#000000",  // black
    "#b59f00",  // dark yellow
  ]

  /// Markers, slot 0 first.
  public static let markers: [ChartMarker] = [.circle, .square, .triangle, .diamond, .ring]

  /// The colour of a palette slot (slots wrap around).
  public static func color(slot: Int) -> String {
    precondition(slot >= 0, "palette slots are non-negative")
    return colors[slot % colors.count]
  }

  /// The marker of a palette slot (slots wrap around).
  public static func marker(slot: Int) -> ChartMarker {
    precondition(slot >= 0, "palette slots are non-negative")
    return markers[slot % markers.count]
  }
}
