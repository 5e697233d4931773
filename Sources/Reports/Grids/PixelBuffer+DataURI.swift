import Foundation
import Image

extension PixelBuffer {
  /// The image as a `data:image/png;base64,…` URI, for embedding in a self-contained SVG.
  ///
  /// The PNG is written at 8 bits per sample, which is all a browser shows.
  ///
  /// - Throws: `PNGError` if encoding fails (for example, out of memory).
  /// - Complexity: O(samples) for encoding, plus 4/3 of the PNG's size for base64.
  func pngDataURI() throws -> String {
    let bytes = try PNG.encode(converted(to: .eight), options: PNG.EncodeOptions(bitDepth: 8))
    return "data:image/png;base64," + Data(bytes).base64EncodedString()
  }
}
