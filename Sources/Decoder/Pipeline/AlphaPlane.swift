import Image

/// The lossless coding of an alpha plane: a grey PNG of the alpha samples.
///
/// PNG's filters and deflate code typical alpha planes (flat regions, soft edges) compactly
/// and exactly, and the decoder already reads PNG.
public enum AlphaPlane {
  /// Codes `samples` (row-major, at `depth`) losslessly.
  public static func encode(
    _ samples: [UInt16], width: Int, height: Int, depth: PixelBuffer.SampleDepth
  ) throws -> [UInt8] {
    let plane = PixelBuffer(
      width: width, height: height, layout: .grey, sampleDepth: depth, samples: samples)
    return try PNG.encode(plane)
  }

  /// Decodes an alpha plane written by `encode`.
  ///
  /// - Throws: `CodingError.corruptStream` when the stream is not such a plane.
  static func decode(
    _ stream: [UInt8], width: Int, height: Int, depth: PixelBuffer.SampleDepth
  ) throws -> [UInt16] {
    let plane: PixelBuffer
    do {
      plane = try PNG.decode(stream)
    } catch {
      throw CodingError.corruptStream("alpha", reason: "\(error)")
    }
    guard plane.width == width, plane.height == height, plane.layout == .grey else {
      throw CodingError.corruptStream(
        "alpha", reason: "it holds a \(plane.width)x\(plane.height) \(plane.layout) image")
    }
    return plane.converted(to: depth).samples
  }
}
