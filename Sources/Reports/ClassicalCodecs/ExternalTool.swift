import Foundation

/// A command-line program found on the search path, and a way to run it.
public struct ExternalTool: Sendable, Hashable {
  /// The executable's name, for example `cjpeg`.
  public let name: String
  /// The absolute path it was found at.
  public let path: String

  /// Looks for an executable file called `name` in each directory of `searchPath`.
  ///
  /// - Parameters:
  ///   - name: The program name.
  ///   - searchPath: Directories separated by `:`, like `PATH`; empty entries are skipped
  ///     (they would mean the current directory, which a report should not depend on).
  /// - Returns: The first match, or `nil` when there is none.
  public static func locate(_ name: String, searchPath: String) -> ExternalTool? {
    for directory in searchPath.split(separator: ":") where !directory.isEmpty {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name).path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
        !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate)
      {
        return ExternalTool(name: name, path: candidate)
      }
    }
    return nil
  }

  /// Runs the tool to completion in `directory` and returns the wall time in seconds.
  ///
  /// Standard input is empty; standard output and error go to files in `directory`, so a
  /// talkative tool cannot block on a full pipe. The time runs from launch to exit, so it
  /// includes process start-up (a few milliseconds).
  ///
  /// - Throws: `ClassicalCodecError.toolFailed` with the end of the tool's error output when
  ///   it exits with a non-zero status or is killed, `.toolTimedOut` when it runs longer
  ///   than `timeout` seconds (it is then terminated), `.fileSystem` if it cannot be started.
  func run(_ arguments: [String], in directory: URL, timeout: Double) throws -> Double {
    let outputURL = directory.appendingPathComponent("\(name).stdout")
    let errorURL = directory.appendingPathComponent("\(name).stderr")
    guard FileManager.default.createFile(atPath: outputURL.path, contents: nil),
      FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    else {
      throw ClassicalCodecError.fileSystem(
        path: directory.path, reason: "cannot create the tool's output files")
    }
    let outputHandle: FileHandle
    let errorHandle: FileHandle
    do {
      outputHandle = try FileHandle(forWritingTo: outputURL)
      errorHandle = try FileHandle(forWritingTo: errorURL)
    } catch {
      throw ClassicalCodecError.fileSystem(path: directory.path, reason: "\(error)")
    }
    defer {
      try? outputHandle.close()
      try? errorHandle.close()
    }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }

    let clock = ContinuousClock()
    let start = clock.now
    do {
      try process.run()
    } catch {
      throw ClassicalCodecError.fileSystem(path: path, reason: "cannot start: \(error)")
    }
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      // SIGTERM can be ignored, and an ignored signal stays ignored in children (a test
      // harness may ignore it); SIGKILL cannot be, so it follows after a grace period.
      if finished.wait(timeout: .now() + 2) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        finished.wait()
      }
      throw ClassicalCodecError.toolTimedOut(tool: name, seconds: timeout)
    }
    let elapsed = clock.now - start

    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let message = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
      throw ClassicalCodecError.toolFailed(
        tool: name, arguments: arguments, status: process.terminationStatus,
        message: Self.lastLines(of: message))
    }
    let (seconds, attoseconds) = elapsed.components
    return Double(seconds) + Double(attoseconds) * 1e-18
  }

  /// The last few non-empty lines of a tool's error output, which carry its complaint.
  private static func lastLines(of text: String, count: Int = 4) -> String {
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return lines.filter { !$0.isEmpty }.suffix(count).joined(separator: " | ")
  }
}
