import Foundation
import Image

/// A side-by-side comparison of an original and its reconstructions as a self-contained SVG.
///
/// Each panel shows one image fitted to `panelWidth` with the detail region outlined, the
/// detail region below it enlarged by an integer factor with nearest-neighbour sampling (so
/// every block is one real pixel, whatever the viewer's smoothing), and above it the label,
/// bits per pixel and PSNR as SVG text. Images are embedded as base64 PNG data URIs, so the
/// file needs nothing else to display.
public struct ComparisonFigure: Sendable {
  /// The title above the panels; empty for none.
  public var title: String
  /// The original image, shown first.
  public var original: PixelBuffer
  /// The reconstructions, shown after the original in order.
  public var entries: [ComparisonEntry]
  /// The region to enlarge; `nil` picks the most detailed region of the original.
  public var detail: PixelRegion?
  /// Panels per row, at least 1.
  public var columns: Int
  /// The width of each panel in pixels: images fit in `panelWidth` by `1.5 × panelWidth`,
  /// larger ones shrinking and smaller ones growing by the largest whole factor that fits.
  public var panelWidth: Double

  /// Creates a figure.
  ///
  /// - Parameters:
  ///   - title: The title; empty for none.
  ///   - original: The original image.
  ///   - entries: The reconstructions.
  ///   - detail: The region to enlarge, or `nil` to choose one automatically.
  ///   - columns: Panels per row; `nil` for up to three.
  ///   - panelWidth: The width of each panel, at least 64 pixels.
  public init(
    title: String, original: PixelBuffer, entries: [ComparisonEntry], detail: PixelRegion? = nil,
    columns: Int? = nil, panelWidth: Double = 360
  ) {
    precondition(panelWidth >= 64, "panels narrower than 64 pixels cannot show a detail")
    precondition((columns ?? 1) >= 1, "a figure needs at least one column")
    self.title = title
    self.original = original
    self.entries = entries
    self.detail = detail
    self.columns = columns ?? min(entries.count + 1, 3)
    self.panelWidth = panelWidth
  }

  // Layout constants, in pixels.
  private let margin = 16.0
  private let headerHeight = 44.0
  private let gap = 10.0
  private let outlineColor = "#d55e00"

  /// Renders the figure.
  ///
  /// - Throws: `ComparisonFigureError` when an image's size differs from the original's or
  ///   the detail region leaves the image; `PNGError` if embedding an image fails.
  /// - Complexity: O(total pixels) to encode the embedded PNGs.
  public func svg() throws -> String {
    for entry in entries
    where entry.image.width != original.width || entry.image.height != original.height {
      throw ComparisonFigureError.sizeMismatch(
        label: entry.label, expectedWidth: original.width, expectedHeight: original.height,
        width: entry.image.width, height: entry.image.height)
    }
    let region = detail ?? Self.mostDetailedRegion(in: original, maximumWidth: Int(panelWidth / 3))
    guard region.fits(width: original.width, height: original.height) else {
      throw ComparisonFigureError.detailOutsideImage(
        region: region, width: original.width, height: original.height)
    }

    // Images fit in panelWidth × 1.5·panelWidth. Those that would grow do so by a whole
    // factor, so that every source pixel becomes an equal square block; larger ones shrink.
    let naturalWidth = Double(original.width)
    let fit = min(panelWidth / naturalWidth, 1.5 * panelWidth / Double(original.height))
    let scale = fit >= 1 ? fit.rounded(.down) : fit
    let imageWidth = naturalWidth * scale
    let imageHeight = Double(original.height) * scale
    let imageInset = (panelWidth - imageWidth) / 2
    let factor = max(1, Int(imageWidth) / region.width)
    let detailWidth = Double(region.width * factor)
    let detailHeight = Double(region.height * factor)
    let cellWidth = panelWidth + margin
    let cellHeight = headerHeight + imageHeight + gap + detailHeight + margin
    let titleHeight = title.isEmpty ? 0.0 : 32.0

    let panels =
      [ComparisonEntry(label: "Original", image: original)] + entries
    let rows = (panels.count + columns - 1) / columns
    let width = margin + Double(min(columns, panels.count)) * cellWidth
    let height = margin + titleHeight + Double(rows) * cellHeight

    var writer = SVGWriter()
    if !title.isEmpty {
      writer.text(
        title,
        [
          "x": SVGWriter.number(width / 2), "y": SVGWriter.number(margin + 16),
          "text-anchor": "middle", "font-size": "16", "font-weight": "bold", "fill": "#111111",
        ])
    }
    for (index, panel) in panels.enumerated() {
      let left = margin + Double(index % columns) * cellWidth + imageInset
      let top = margin + titleHeight + Double(index / columns) * cellHeight
      writer.open("g", ["class": "comparison-panel", "data-label": panel.label])
      header(for: panel, isOriginal: index == 0, left: left, top: top, into: &writer)

      let imageTop = top + headerHeight
      try embed(
        panel.image, x: left, y: imageTop, width: imageWidth, height: imageHeight,
        pixelated: scale > 1, role: "full", into: &writer)
      outline(
        x: left + Double(region.x) * scale, y: imageTop + Double(region.y) * scale,
        width: Double(region.width) * scale, height: Double(region.height) * scale,
        into: &writer)

      let detailLeft = left + (imageWidth - detailWidth) / 2
      let detailTop = imageTop + imageHeight + gap
      let crop = panel.image.cropped(
        x: region.x, y: region.y, width: region.width, height: region.height)
      try embed(
        crop.magnified(by: factor), x: detailLeft, y: detailTop, width: detailWidth,
        height: detailHeight, pixelated: false, role: "detail", into: &writer)
      outline(x: detailLeft, y: detailTop, width: detailWidth, height: detailHeight, into: &writer)
      writer.close("g")
    }
    return writer.document(width: width, height: height, title: title)
  }

  /// The label in bold and, below it, the rate and quality (or the size, for the original).
  private func header(
    for panel: ComparisonEntry, isOriginal: Bool, left: Double, top: Double,
    into writer: inout SVGWriter
  ) {
    writer.text(
      panel.label,
      [
        "class": "panel-label", "x": SVGWriter.number(left), "y": SVGWriter.number(top + 16),
        "font-size": "14", "font-weight": "bold", "fill": "#111111",
      ])
    var facts: [String] = []
    if isOriginal {
      facts.append("\(original.width)×\(original.height) pixels")
    }
    if let bitsPerPixel = panel.bitsPerPixel {
      facts.append(String(format: "%.3f bpp", bitsPerPixel))
    }
    if let psnr = panel.psnr {
      facts.append(psnr.isFinite ? String(format: "PSNR %.2f dB", psnr) : "lossless")
    }
    writer.text(
      facts.joined(separator: " · "),
      [
        "class": "panel-facts", "x": SVGWriter.number(left), "y": SVGWriter.number(top + 34),
        "font-size": "12", "fill": "#333333",
      ])
  }

  private func embed(
    _ image: PixelBuffer, x: Double, y: Double, width: Double, height: Double, pixelated: Bool,
    role: String, into writer: inout SVGWriter
  ) throws {
    writer.element(
      "image",
      [
        "class": role, "x": SVGWriter.number(x), "y": SVGWriter.number(y),
        "width": SVGWriter.number(width), "height": SVGWriter.number(height),
        "preserveAspectRatio": "none",
        "style": pixelated ? "image-rendering:pixelated" : "image-rendering:auto",
        "xlink:href": try image.pngDataURI(),
      ])
  }

  private func outline(
    x: Double, y: Double, width: Double, height: Double, into writer: inout SVGWriter
  ) {
    writer.element(
      "rect",
      [
        "class": "detail-outline", "x": SVGWriter.number(x), "y": SVGWriter.number(y),
        "width": SVGWriter.number(width), "height": SVGWriter.number(height), "fill": "none",
        "stroke": outlineColor, "stroke-width": "1.5",
      ])
  }
}
