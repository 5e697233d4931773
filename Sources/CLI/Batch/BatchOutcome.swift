import Decoder
import Image

/// What became of one input of a batch.
enum BatchOutcome<Value: Sendable>: Sendable {
  /// The input was processed; `Value` says what came of it.
  case done(Value)
  /// Its output existed and `--skip-existing` was given.
  case skipped
  /// It could not be processed; the message names the file and the reason.
  case failed(String)

  /// Runs `body` for one input and turns an error it throws into `.failed`: errors that
  /// name their file already (a file that cannot be read, a bad PNG, an output that cannot
  /// be written) as they are, others after the input's path.
  static func of(_ path: String, _ body: () throws -> BatchOutcome) -> BatchOutcome {
    do {
      return try body()
    } catch let error as InputFileError {
      return .failed(error.description)
    } catch let error as PNGError {
      return .failed(error.description)
    } catch let error as AtomicFileError {
      return .failed(error.description)
    } catch {
      return .failed("\(path): \(error)")
    }
  }
}
