#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole-file reads and writes through the C library, reporting failures as `PNGError`.
///
/// The C stdio calls are used instead of Foundation so the module, and the binaries built on
/// it, carry no Foundation dependency.
enum BinaryFile {
  /// Size of each read; files are read in chunks so pipes and special files work too.
  private static let chunkSize = 1 << 20

  /// Reads every byte of the file at `path`.
  ///
  /// - Throws: `PNGError.unreadable` with the system's reason.
  /// - Complexity: O(file size).
  static func read(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else {
      throw PNGError.unreadable(file: path, reason: systemReason())
    }
    defer { fclose(file) }

    var bytes = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      bytes.append(contentsOf: chunk[0..<count])
      if count < chunkSize {
        break
      }
    }
    if ferror(file) != 0 {
      throw PNGError.unreadable(file: path, reason: systemReason())
    }
    return bytes
  }

  /// Replaces the file at `path` with `bytes`, creating it if needed.
  ///
  /// - Throws: `PNGError.unwritable` with the system's reason.
  /// - Complexity: O(bytes).
  static func write(_ bytes: [UInt8], to path: String) throws {
    guard let file = fopen(path, "wb") else {
      throw PNGError.unwritable(file: path, reason: systemReason())
    }
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    let writeFailed = written != bytes.count
    let writeReason = writeFailed ? systemReason() : ""
    // fclose flushes the stdio buffer, so a full disk may only show up here.
    if fclose(file) != 0 && !writeFailed {
      throw PNGError.unwritable(file: path, reason: systemReason())
    }
    if writeFailed {
      throw PNGError.unwritable(file: path, reason: writeReason)
    }
  }

  /// The C library's text for the current `errno`.
  private static func systemReason() -> String {
    String(cString: strerror(errno))
  }
}
