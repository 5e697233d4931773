#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// The temporary files of the `AtomicFile`s still open in this process, so that a process
/// that must stop at once (on a signal) can remove them before it exits.
///
/// Creating, releasing and removing all happen under one lock, so a file is never created
/// without being recorded, and once `removeAll()` has run no new one is created.
final class TemporaryFileRegistry: Sendable {
  /// The registry `AtomicFile` uses.
  static let shared = TemporaryFileRegistry()

  private struct State {
    var paths: Set<String> = []
    var isClosed = false
  }

  private let state = Mutex(State())

  /// The outcome of `create(_:)`.
  enum Creation: Equatable {
    /// The file was created and opened for writing, with this descriptor.
    case created(Int32)
    /// `open(2)` failed with this `errno`.
    case failed(errno: Int32)
    /// `removeAll()` has run: no file is created any more.
    case closed
  }

  /// Creates `path`, which must not exist, opens it for writing and records it.
  func create(_ path: String) -> Creation {
    state.withLock { state in
      guard !state.isClosed else { return .closed }
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      guard descriptor >= 0 else { return .failed(errno: errno) }
      state.paths.insert(path)
      return .created(descriptor)
    }
  }

  /// Forgets `path`, first removing the file when `remove` is set.
  func release(_ path: String, remove: Bool) {
    state.withLock { state in
      if remove { unlink(path) }
      state.paths.remove(path)
    }
  }

  /// Removes every recorded file and refuses to create more.
  ///
  /// - Returns: The number of files removed.
  @discardableResult
  func removeAll() -> Int {
    state.withLock { state in
      state.isClosed = true
      let count = state.paths.count
      for path in state.paths { unlink(path) }
      state.paths.removeAll()
      return count
    }
  }
}
