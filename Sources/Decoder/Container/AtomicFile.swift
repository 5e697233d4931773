#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output file that appears complete or not at all.
///
/// Bytes go to a hidden temporary file in the output's folder (`.NAME.XXXXXXXXXXXXXXXX.partial`),
/// which is flushed to disk (`fsync`) and then moved into place in one step (`rename(2)`, or
/// `link(2)` when an existing file must not be replaced). If the value is dropped before
/// `commit()`, for example because an error was thrown, the temporary file is removed and the
/// output path is untouched. An existing output is replaced only with `force`, and never when it
/// is one of the given inputs.
///
/// A program that stops on a signal calls `abandonAll()` to remove every temporary file still
/// open. Limitation: a process killed outright (`SIGKILL`, or a signal the program does not
/// handle) runs no cleanup, so the hidden temporary file may remain; the output path itself
/// never holds a partial file.
public struct AtomicFile: ~Copyable {
  /// The output path.
  public let path: String
  private let temporaryPath: String
  private let force: Bool
  private var descriptor: Int32
  private var isFinished = false

  /// Checks the output path and opens a temporary file next to it.
  ///
  /// - Parameters:
  ///   - path: The output file.
  ///   - force: Whether an existing output may be replaced.
  ///   - inputs: Files that must not be overwritten, compared by identity (device and inode),
  ///     so another spelling of the same path or a link to it is refused too.
  /// - Throws: `AtomicFileError.outputIsDirectory`, `.outputIsInput`, `.outputExists`
  ///   (without `force`), `.cannotCreate`, or `.abandoned` after `abandonAll()`.
  public init(path: String, force: Bool = false, inputs: [String] = []) throws(AtomicFileError) {
    precondition(!path.isEmpty, "an output path is required")
    if let output = Self.identity(of: path) {
      if output.isDirectory { throw .outputIsDirectory(path: path) }
      if let input = inputs.first(where: { Self.identity(of: $0) == output }) {
        throw .outputIsInput(path: path, input: input)
      }
      if !force { throw .outputExists(path: path) }
    }
    if path.hasSuffix("/") { throw .outputIsDirectory(path: path) }

    let (folder, name) = Self.split(path)
    var attempt = 0
    while true {
      let suffix = String(UInt64.random(in: .min ... .max), radix: 16)
      let candidate = "\(folder)/.\(name.prefix(32)).\(suffix).partial"
      switch TemporaryFileRegistry.shared.create(candidate) {
      case .created(let opened):
        self.path = path
        self.temporaryPath = candidate
        self.force = force
        self.descriptor = opened
        return
      case .closed:
        throw .abandoned(path: path)
      case .failed(let code):
        attempt += 1
        // A name collision is the only failure worth another try.
        guard code == EEXIST && attempt < 8 else {
          throw .cannotCreate(path: path, reason: String(cString: strerror(code)))
        }
      }
    }
  }

  deinit {
    if !isFinished {
      if descriptor >= 0 { close(descriptor) }
      TemporaryFileRegistry.shared.release(temporaryPath, remove: true)
    }
  }

  /// Removes the temporary file of every `AtomicFile` still open in the process, and makes
  /// every later one fail with `AtomicFileError.abandoned`; for a program about to exit on a
  /// signal. Outputs already committed stay; the others never appear.
  ///
  /// - Returns: The number of temporary files removed.
  @discardableResult
  public static func abandonAll() -> Int {
    TemporaryFileRegistry.shared.removeAll()
  }

  /// Appends `bytes` to the output.
  ///
  /// - Throws: `AtomicFileError.writeFailed`; the output path is untouched.
  public mutating func write(_ bytes: [UInt8]) throws(AtomicFileError) {
    precondition(descriptor >= 0, "write after commit")
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { buffer in
        writeBytes(descriptor, buffer[written...])
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw .writeFailed(path: path, reason: Self.lastErrorText())
      }
      written += result
    }
  }

  /// Flushes the output to disk and moves it into place.
  ///
  /// - Throws: `AtomicFileError.writeFailed` when flushing fails, `.outputExists` when an
  ///   output appeared meanwhile and `force` was not given, `.cannotReplace` when the move
  ///   fails. In every case the temporary file is removed and the output path is untouched.
  public consuming func commit() throws(AtomicFileError) {
    // The data must be on disk before its name is: otherwise a crash after the rename could
    // leave a complete-looking but empty or partial output.
    if fsync(descriptor) != 0 {
      let reason = Self.lastErrorText()
      close(descriptor)
      descriptor = -1
      throw .writeFailed(path: path, reason: reason)
    }
    let closed = close(descriptor) == 0
    descriptor = -1
    guard closed else { throw .writeFailed(path: path, reason: Self.lastErrorText()) }

    if force {
      guard rename(temporaryPath, path) == 0 else {
        throw .cannotReplace(path: path, reason: Self.lastErrorText())
      }
      TemporaryFileRegistry.shared.release(temporaryPath, remove: false)
    } else if link(temporaryPath, path) == 0 {
      // The output now names the complete file; drop the temporary name.
      TemporaryFileRegistry.shared.release(temporaryPath, remove: true)
    } else if errno == EEXIST {
      throw .outputExists(path: path)
    } else {
      // Limitation: without hard links (some file systems) the check and the move are two
      // steps, so an output created between them by another process would be replaced.
      guard access(path, F_OK) != 0 else { throw .outputExists(path: path) }
      guard rename(temporaryPath, path) == 0 else {
        throw .cannotReplace(path: path, reason: Self.lastErrorText())
      }
      TemporaryFileRegistry.shared.release(temporaryPath, remove: false)
    }
    isFinished = true
    Self.syncFolder(of: path)
  }

  /// Writes `bytes` to `path` in one step: `init`, `write(_:)`, `commit()`.
  ///
  /// - Throws: `AtomicFileError`, as those do.
  public static func write(
    _ bytes: [UInt8], to path: String, force: Bool = false, inputs: [String] = []
  ) throws(AtomicFileError) {
    var file = try AtomicFile(path: path, force: force, inputs: inputs)
    try file.write(bytes)
    try file.commit()
  }

  /// The folder and the file name of `path`; the folder is `.` for a bare name.
  private static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = String(path[..<slash])
    return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
  }

  /// What `stat(2)` says identifies a file: its device and inode.
  private struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var isDirectory: Bool
  }

  /// The identity of the file at `path`, following links; `nil` when there is none.
  private static func identity(of path: String) -> FileIdentity? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return FileIdentity(
      device: UInt64(status.st_dev), inode: UInt64(status.st_ino),
      isDirectory: status.st_mode & S_IFMT == S_IFDIR)
  }

  /// Makes the rename itself durable; some file systems cannot sync a folder, which only
  /// weakens durability after a power loss, so failures are ignored.
  private static func syncFolder(of path: String) {
    let folder = split(path).folder
    let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard handle >= 0 else { return }
    fsync(handle)
    close(handle)
  }

  private static func lastErrorText() -> String {
    String(cString: strerror(errno))
  }
}

/// `write(2)` of a buffer; outside the type so that the C function is not shadowed by
/// `AtomicFile.write(_:)`.
private func writeBytes(_ descriptor: Int32, _ buffer: Slice<UnsafeRawBufferPointer>) -> Int {
  let rebased = UnsafeRawBufferPointer(rebasing: buffer)
  guard let base = rebased.baseAddress else { return 0 }
  return write(descriptor, base, rebased.count)
}
