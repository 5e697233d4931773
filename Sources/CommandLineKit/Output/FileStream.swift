import Glibc

/// A text sink that writes straight to a file descriptor, unbuffered, such as standard error.
public struct FileStream: TextSink {
  /// The file descriptor written to.
  public let descriptor: Int32

  /// Standard output, file descriptor 1.
  public static let standardOutput = FileStream(descriptor: STDOUT_FILENO)

  /// Standard error, file descriptor 2.
  public static let standardError = FileStream(descriptor: STDERR_FILENO)

  /// Wraps an open file descriptor, which the caller keeps open and closes.
  public init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Writes the text's UTF-8 bytes with `write(2)`, retrying partial and interrupted writes.
  ///
  /// A failure to write (for example a closed pipe) drops the rest of the text: there is
  /// nowhere left to report it.
  public func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      guard let start = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(descriptor, start + offset, bytes.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0 && errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
  }

  /// Whether the descriptor is a terminal, as `isatty(3)` says.
  public var isTerminal: Bool { isatty(descriptor) == 1 }

  /// The terminal's width from the `TIOCGWINSZ` request, or `nil` when it is not a terminal.
  public var terminalWidth: Int? {
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
