import NumericCore

/// A rectangle of a grid (of pixels or of latents): its rows and its columns.
public struct GridRegion: Sendable, Equatable {
  /// The rows, top to bottom.
  public var rows: Range<Int>
  /// The columns, left to right.
  public var columns: Range<Int>

  /// A region with the given rows and columns.
  public init(rows: Range<Int>, columns: Range<Int>) {
    self.rows = rows
    self.columns = columns
  }

  /// The region with every bound multiplied by `factor`.
  func scaled(by factor: Int) -> GridRegion {
    GridRegion(
      rows: rows.lowerBound * factor..<rows.upperBound * factor,
      columns: columns.lowerBound * factor..<columns.upperBound * factor)
  }
}

extension PhotoCodec {
  /// The largest side, in latents, of the part of the latent grid one tile produces: 48
  /// latents are 768 pixels, so a 768x512 image is a single tile.
  public static let maximumTileLatents = 48

  /// The latents of context a tile reads beyond the part it produces, on each side that is not
  /// the image's edge.
  ///
  /// An analysis latent sees 61x61 pixels (four 5x5 stride-2 convolutions), at most 30 pixels
  /// beyond its own 16x16 block, and a synthesis pixel depends on latents at most two away
  /// (four 5x5 stride-2 transposed convolutions). Four latents, 64 pixels, cover both, so the
  /// produced part of a tile is what the whole image would give (up to float rounding) and
  /// tiles meet without seams.
  public static let tileMarginLatents = 4

  /// Splits `count` latents into the fewest runs of at most `tileLatents`, of nearly equal
  /// length (they differ by at most one), in order.
  static func tileRuns(count: Int, tileLatents: Int) -> [Range<Int>] {
    precondition(tileLatents > 0, "a tile holds at least one latent")
    let tiles = max(1, (count + tileLatents - 1) / tileLatents)
    return (0..<tiles).map { tile in
      (tile * count / tiles)..<((tile + 1) * count / tiles)
    }
  }

  /// The tiles of a latent grid: the regions each tile produces, and the regions it reads
  /// (the produced region widened by ``tileMarginLatents`` within the grid), row by row.
  static func tiles(latentHeight: Int, latentWidth: Int, tileLatents: Int) -> [(
    produced: GridRegion, read: GridRegion
  )] {
    func widened(_ run: Range<Int>, within count: Int) -> Range<Int> {
      max(0, run.lowerBound - tileMarginLatents)..<min(count, run.upperBound + tileMarginLatents)
    }
    return tileRuns(count: latentHeight, tileLatents: tileLatents).flatMap { rows in
      tileRuns(count: latentWidth, tileLatents: tileLatents).map { columns in
        (
          produced: GridRegion(rows: rows, columns: columns),
          read: GridRegion(
            rows: widened(rows, within: latentHeight),
            columns: widened(columns, within: latentWidth))
        )
      }
    }
  }

  /// Runs the analysis `g_a` tile by tile, so that memory stays bounded whatever the image's
  /// size.
  ///
  /// - Parameters:
  ///   - height: The image height, a positive multiple of 16.
  ///   - width: The image width, a positive multiple of 16.
  ///   - tileLatents: The largest side of the latents a tile produces.
  ///   - planes: Returns the RGB planes in [0, 1], `[3, rows, columns]`, of a region of the
  ///     image.
  /// - Returns: The latent `y`, `[M, height/16, width/16]`.
  /// - Complexity: The analysis of the image, plus up to about 40% for the tiles' margins
  ///   when the image is larger than one tile; memory for the latents plus one tile.
  public func tiledAnalysis(
    height: Int, width: Int, tileLatents: Int = maximumTileLatents,
    planes: (GridRegion) throws -> [Float]
  ) rethrows -> [Float] {
    let stride = PhotoArchitecture.latentStride
    let m = architecture.latentChannels
    let latentHeight = height / stride
    let latentWidth = width / stride
    var latents = [Float](repeating: 0, count: m * latentHeight * latentWidth)
    for tile in Self.tiles(
      latentHeight: latentHeight, latentWidth: latentWidth, tileLatents: tileLatents)
    {
      let pixels = tile.read.scaled(by: stride)
      let input = Tensor(
        shape: [1, 3, pixels.rows.count, pixels.columns.count], scalars: try planes(pixels))
      let output = analysis.infer(input)
      Self.copy(
        output, region: tile.read, part: tile.produced, channels: m,
        into: &latents, gridWidth: latentWidth, gridHeight: latentHeight)
    }
    return latents
  }

  /// Runs the synthesis `g_s` tile by tile and hands each tile's pixels to `emit`.
  ///
  /// - Parameters:
  ///   - input: The scaled latents `ŷ · h`, `[M, latentHeight, latentWidth]`.
  ///   - latentHeight: Rows of latents.
  ///   - latentWidth: Columns of latents.
  ///   - tileLatents: The largest side of the latents whose pixels a tile produces.
  ///   - emit: Receives a region of the image, `16 · latentHeight` by `16 · latentWidth`
  ///     pixels, and its RGB planes clamped to [0, 1], `[3, rows, columns]`. The regions
  ///     cover the image exactly once.
  /// - Complexity: The synthesis of the image, plus up to about 40% for the tiles' margins;
  ///   memory for one tile.
  public func tiledSynthesis(
    _ input: [Float], latentHeight: Int, latentWidth: Int,
    tileLatents: Int = maximumTileLatents, emit: (GridRegion, [Float]) throws -> Void
  ) rethrows {
    let stride = PhotoArchitecture.latentStride
    let m = architecture.latentChannels
    precondition(input.count == m * latentHeight * latentWidth, "latents do not fill the grid")
    for tile in Self.tiles(
      latentHeight: latentHeight, latentWidth: latentWidth, tileLatents: tileLatents)
    {
      let read = tile.read
      let tileInput = Tensor(shape: [1, m, read.rows.count, read.columns.count]) { buffer in
        var index = 0
        for channel in 0..<m {
          for row in read.rows {
            let start = (channel * latentHeight + row) * latentWidth
            for column in read.columns {
              buffer[index] = input[start + column]
              index += 1
            }
          }
        }
      }
      let output = synthesis.infer(tileInput)
      let produced = tile.produced.scaled(by: stride)
      var planes: [Float] = []
      planes.reserveCapacity(3 * produced.rows.count * produced.columns.count)
      Self.copy(
        output, region: read.scaled(by: stride), part: produced, channels: 3, into: &planes)
      try emit(produced, planes.map { $0.isNaN ? 0 : min(max($0, 0), 1) })
    }
  }

  /// Copies `part` of `tensor`, a `[1, channels, rows, columns]` tensor covering `region` of a
  /// grid, into `grid`, a `[channels, gridHeight, gridWidth]` array, at its place.
  private static func copy(
    _ tensor: Tensor, region: GridRegion, part: GridRegion, channels: Int,
    into grid: inout [Float], gridWidth: Int, gridHeight: Int
  ) {
    let values = tensor.scalars
    let tileWidth = region.columns.count
    let tileHeight = region.rows.count
    let columnOffset = part.columns.lowerBound - region.columns.lowerBound
    for channel in 0..<channels {
      for row in part.rows {
        let source =
          (channel * tileHeight + row - region.rows.lowerBound) * tileWidth + columnOffset
        let target = (channel * gridHeight + row) * gridWidth + part.columns.lowerBound
        for offset in 0..<part.columns.count {
          grid[target + offset] = values[source + offset]
        }
      }
    }
  }

  /// Appends `part` of `tensor`, a `[1, channels, rows, columns]` tensor covering `region`, to
  /// `planes` as `[channels, part rows, part columns]`.
  private static func copy(
    _ tensor: Tensor, region: GridRegion, part: GridRegion, channels: Int,
    into planes: inout [Float]
  ) {
    let values = tensor.scalars
    let tileWidth = region.columns.count
    let tileHeight = region.rows.count
    let columnOffset = part.columns.lowerBound - region.columns.lowerBound
    for channel in 0..<channels {
      for row in part.rows {
        let source =
          (channel * tileHeight + row - region.rows.lowerBound) * tileWidth + columnOffset
        planes += values[source..<source + part.columns.count]
      }
    }
  }
}
