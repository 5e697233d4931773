import Foundation

/// Writes `error: <message>` and a line break, to standard error unless told otherwise.
///
/// - Parameters:
///   - message: The message, without the `error:` prefix.
///   - output: Where to write; standard error by default.
public func printError(_ message: String, to output: some TextSink = FileStream.standardError) {
  output.write("error: \(message)\n")
}

/// Writes `warning: <message>` and a line break, to standard error unless told otherwise.
///
/// - Parameters:
///   - message: The message, without the `warning:` prefix.
///   - output: Where to write; standard error by default.
public func printWarning(_ message: String, to output: some TextSink = FileStream.standardError) {
  output.write("warning: \(message)\n")
}

/// Prints an error as `error: <message>` and returns the exit code it calls for.
///
/// The message is the error's `LocalizedError.errorDescription` when it has one, else its
/// `description`. A `UsageError` gives `ExitCode.usage` (64), an `InterruptedError`
/// `ExitCode.interrupted` (130); any other error gives `ExitCode.failure` (1).
///
/// - Parameters:
///   - error: The error that ended the command.
///   - output: Where to write; standard error by default.
public func reportError(
  _ error: any Error, to output: some TextSink = FileStream.standardError
) -> ExitCode {
  let message = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
  printError(message, to: output)
  if error is UsageError { return .usage }
  if error is InterruptedError { return .interrupted }
  return .failure
}
