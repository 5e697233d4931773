/// The status a command exits with, following the BSD `sysexits.h` convention for usage.
public enum ExitCode: Int32, Sendable {
  /// The command did what was asked.
  case success = 0
  /// The command failed, for example on an unreadable file.
  case failure = 1
  /// The command was invoked wrongly (`EX_USAGE`).
  case usage = 64
  /// The command was stopped by SIGINT or SIGTERM (128 + 2, as shells report Ctrl-C).
  case interrupted = 130
}
