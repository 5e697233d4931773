extension PixelBuffer {
  /// Creates a buffer by quantizing planar floats in `[0, 1]`.
  ///
  /// Layout of `floatPlanes`: channel-first, `[channel][row][column]`, so the value for channel
  /// `c` at `(x, y)` is `floatPlanes[(c * height + y) * width + x]`. Each value becomes
  /// `round(clamp(v, 0, 1) * maximumValue)` (ties away from zero); NaN becomes 0.
  ///
  /// - Parameters:
  ///   - floatPlanes: `layout.channelCount * height * width` values.
  ///   - width: width in pixels, at least 1.
  ///   - height: height in pixels, at least 1.
  ///   - layout: channels per pixel, in plane order.
  ///   - sampleDepth: range of the quantized samples.
  ///   - sourceBitDepth: precision of the origin; defaults to the stored depth.
  ///   - sourceIsPalette: whether the origin was a palette PNG.
  /// - Complexity: O(samples).
  public init(
    floatPlanes: [Float], width: Int, height: Int, layout: Layout, sampleDepth: SampleDepth,
    sourceBitDepth: Int? = nil, sourceIsPalette: Bool = false
  ) {
    let channels = layout.channelCount
    let planeSize = width * height
    precondition(
      floatPlanes.count == channels * planeSize,
      "\(floatPlanes.count) floats do not fill \(channels) planes of \(width)x\(height)")
    let scale = Float(sampleDepth.maximumValue)
    var samples = [UInt16](repeating: 0, count: channels * planeSize)
    for channel in 0..<channels {
      for pixel in 0..<planeSize {
        let value = floatPlanes[channel * planeSize + pixel]
        let clamped = value.isNaN ? 0 : Swift.min(Swift.max(value, 0), 1)
        samples[pixel * channels + channel] = UInt16((clamped * scale).rounded())
      }
    }
    self.init(
      width: width, height: height, layout: layout, sampleDepth: sampleDepth, samples: samples,
      sourceBitDepth: sourceBitDepth, sourceIsPalette: sourceIsPalette)
  }

  /// The samples as planar floats in `[0, 1]`, each `sample / maximumValue`.
  ///
  /// Layout: channel-first, `[channel][row][column]`; see `init(floatPlanes:...)`.
  /// - Complexity: O(samples).
  public func floatPlanes() -> [Float] {
    let channels = channelCount
    let planeSize = pixelCount
    // Division rather than multiplication by the reciprocal, so each value is the correctly
    // rounded quotient (51 / 255 gives exactly the Float nearest 0.2).
    let maximum = Float(sampleDepth.maximumValue)
    var planes = [Float](repeating: 0, count: channels * planeSize)
    for pixel in 0..<planeSize {
      for channel in 0..<channels {
        planes[channel * planeSize + pixel] = Float(samples[pixel * channels + channel]) / maximum
      }
    }
    return planes
  }

  /// The alpha samples in row-major order, or nil when the layout has no alpha.
  /// - Complexity: O(pixels).
  public func alphaPlane() -> [UInt16]? {
    guard layout.hasAlpha else { return nil }
    let channels = channelCount
    return (0..<pixelCount).map { samples[$0 * channels + channels - 1] }
  }

  /// The image without its alpha channel (grey+alpha becomes grey, RGBA becomes RGB).
  ///
  /// Colour samples are kept as they are; they are not composited over a background.
  /// Returns `self` when there is no alpha.
  /// - Complexity: O(samples).
  public func removingAlpha() -> PixelBuffer {
    guard layout.hasAlpha else { return self }
    let channels = channelCount
    let kept = layout.colourChannelCount
    var result = [UInt16]()
    result.reserveCapacity(pixelCount * kept)
    for pixel in 0..<pixelCount {
      result.append(contentsOf: samples[(pixel * channels)..<(pixel * channels + kept)])
    }
    return replacing(layout: layout.withoutAlpha, samples: result)
  }

  /// The image with an alpha channel appended to every pixel.
  ///
  /// - Parameter alpha: row-major alpha samples (`width * height`, each within the sample
  ///   depth), or nil for fully opaque (`maximumValue`) everywhere.
  /// - Returns: grey+alpha or RGBA. The layout must not already have alpha.
  /// - Complexity: O(samples).
  public func addingAlpha(_ alpha: [UInt16]? = nil) -> PixelBuffer {
    precondition(!layout.hasAlpha, "the image already has an alpha channel")
    if let alpha {
      precondition(alpha.count == pixelCount, "one alpha sample per pixel is needed")
      precondition(
        alpha.allSatisfy { $0 <= sampleDepth.maximumValue }, "alpha exceeds the sample depth")
    }
    let channels = channelCount
    var result = [UInt16]()
    result.reserveCapacity(pixelCount * (channels + 1))
    for pixel in 0..<pixelCount {
      result.append(contentsOf: samples[(pixel * channels)..<(pixel * channels + channels)])
      result.append(alpha?[pixel] ?? sampleDepth.maximumValue)
    }
    return replacing(layout: layout.withAlpha, samples: result)
  }

  /// The image with grey replicated into red, green and blue; alpha is kept.
  ///
  /// Returns `self` for RGB and RGBA.
  /// - Complexity: O(samples).
  public func convertedToRGB() -> PixelBuffer {
    guard layout == .grey || layout == .greyAlpha else { return self }
    let hasAlpha = layout.hasAlpha
    let channels = channelCount
    var result = [UInt16]()
    result.reserveCapacity(pixelCount * (hasAlpha ? 4 : 3))
    for pixel in 0..<pixelCount {
      let grey = samples[pixel * channels]
      result.append(contentsOf: [grey, grey, grey])
      if hasAlpha {
        result.append(samples[pixel * channels + 1])
      }
    }
    return replacing(layout: hasAlpha ? .rgba : .rgb, samples: result)
  }

  /// The image reduced to luminance with the ITU-R BT.601 weights; alpha is kept.
  ///
  /// Formula, in integers: `Y = (299 R + 587 G + 114 B + 500) / 1000`, which rounds
  /// `0.299 R + 0.587 G + 0.114 B` to the nearest sample (no gamma linearisation, as in
  /// JPEG's and most tools' grey conversion). Returns `self` for grey and grey+alpha.
  /// - Complexity: O(samples).
  public func convertedToGrey() -> PixelBuffer {
    guard layout == .rgb || layout == .rgba else { return self }
    let hasAlpha = layout.hasAlpha
    let channels = channelCount
    var result = [UInt16]()
    result.reserveCapacity(pixelCount * (hasAlpha ? 2 : 1))
    for pixel in 0..<pixelCount {
      let base = pixel * channels
      let red = Int(samples[base])
      let green = Int(samples[base + 1])
      let blue = Int(samples[base + 2])
      result.append(UInt16((299 * red + 587 * green + 114 * blue + 500) / 1000))
      if hasAlpha {
        result.append(samples[base + 3])
      }
    }
    return replacing(layout: hasAlpha ? .greyAlpha : .grey, samples: result)
  }

  /// The image with samples rescaled to `depth`.
  ///
  /// 8 to 16 bits: `v * 257`, which maps 255 to 65535 exactly. 16 to 8 bits:
  /// `(v + 128) / 257`, the nearest integer to `v * 255 / 65535` (never a tie, since 257 is
  /// odd), so expanding and then reducing gives back the original values. `sourceBitDepth`
  /// becomes the smaller of itself and the new depth. Returns `self` when the depth matches.
  /// - Complexity: O(samples).
  public func converted(to depth: SampleDepth) -> PixelBuffer {
    guard depth != sampleDepth else { return self }
    let converted: [UInt16]
    switch depth {
    case .sixteen:
      converted = samples.map { $0 * 257 }
    case .eight:
      converted = samples.map { UInt16((UInt32($0) + 128) / 257) }
    }
    return PixelBuffer(
      width: width, height: height, layout: layout, sampleDepth: depth, samples: converted,
      sourceBitDepth: Swift.min(sourceBitDepth, depth.rawValue), sourceIsPalette: sourceIsPalette)
  }

  /// A buffer with the same size, depth and origin but new layout and samples.
  func replacing(
    layout newLayout: Layout, samples newSamples: [UInt16], width newWidth: Int? = nil,
    height newHeight: Int? = nil
  ) -> PixelBuffer {
    PixelBuffer(
      width: newWidth ?? width, height: newHeight ?? height, layout: newLayout,
      sampleDepth: sampleDepth, samples: newSamples, sourceBitDepth: sourceBitDepth,
      sourceIsPalette: sourceIsPalette)
  }
}
