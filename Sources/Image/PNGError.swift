/// A failure to read, decode, encode or write a PNG, naming the file and the reason.
///
/// `description` is a single line meant to follow the command line's `error: ` prefix, e.g.
/// `photo.png: not a PNG file (bad signature)`. `file` is the path given by the caller, or the
/// `source` label passed to `PNG.decode` for data that did not come from a file.
public enum PNGError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file holds zero bytes.
  case empty(file: String)
  /// The data does not start with the 8-byte PNG signature.
  case notPNG(file: String)
  /// The data ends before the image is complete; `reason` is libpng's or the reader's account.
  case truncated(file: String, reason: String)
  /// libpng rejected the data; `reason` is its message, e.g. `IDAT: CRC error`.
  case corrupt(file: String, reason: String)
  /// The image has more pixels than the decoder accepts.
  case tooLarge(file: String, width: Int, height: Int, limit: Int)
  /// The header declares more pixels than the file's bytes could hold compressed.
  case sizeExceedsData(file: String, width: Int, height: Int, byteCount: Int)
  /// Memory for decoding or encoding could not be allocated.
  case outOfMemory(file: String)
  /// The file could not be opened or read; `reason` is the system's message.
  case unreadable(file: String, reason: String)
  /// The file could not be created or written; `reason` is the system's message.
  case unwritable(file: String, reason: String)
  /// A PNG cannot store this layout at this bit depth (1, 2 and 4 bits are for grey only).
  case unsupportedBitDepth(bitDepth: Int, layout: PixelBuffer.Layout)
  /// libpng refused to write the image; `reason` is its message.
  case encodingFailed(reason: String)

  /// One line naming the file and what went wrong.
  public var description: String {
    switch self {
    case .empty(let file):
      "\(file): file is empty (0 bytes), not a PNG image"
    case .notPNG(let file):
      "\(file): not a PNG file (bad signature)"
    case .truncated(let file, let reason):
      "\(file): truncated PNG (\(reason))"
    case .corrupt(let file, let reason):
      "\(file): corrupt PNG (\(reason))"
    case .tooLarge(let file, let width, let height, let limit):
      "\(file): image is \(width)x\(height) pixels, more than the limit of \(limit) pixels"
    case .sizeExceedsData(let file, let width, let height, let byteCount):
      "\(file): corrupt PNG (its header declares \(width)x\(height) pixels, more than "
        + "\(byteCount) bytes can hold)"
    case .outOfMemory(let file):
      "\(file): out of memory while processing the PNG"
    case .unreadable(let file, let reason):
      "\(file): cannot read file (\(reason))"
    case .unwritable(let file, let reason):
      "\(file): cannot write file (\(reason))"
    case .unsupportedBitDepth(let bitDepth, let layout):
      "cannot write a \(layout) PNG at \(bitDepth) bits per sample; "
        + "use 8 or 16 (1, 2 and 4 bits are for grey images only)"
    case .encodingFailed(let reason):
      "cannot encode PNG (\(reason))"
    }
  }
}
