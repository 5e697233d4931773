import Foundation
import Testing

@testable import Decoder

@Suite("Atomic file")
struct AtomicFileTests {
  struct Simulated: Error {}

  /// Runs `body` with a fresh empty folder, removed afterwards.
  static func withFolder(_ body: (String) throws -> Void) throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("atomic-file-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    try body(url.path)
  }

  static func contents(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
  }

  /// Every name in `folder`, hidden ones included.
  static func listing(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  @Test("writes a new file and leaves nothing else")
  func writesNewFile() throws {
    try Self.withFolder { folder in
      let path = folder + "/out.aez"
      try AtomicFile.write([1, 2, 3], to: path)
      #expect(Self.contents(path) == [1, 2, 3])
      #expect(try Self.listing(folder) == ["out.aez"])
    }
  }

  @Test("writes in pieces")
  func writesInPieces() throws {
    try Self.withFolder { folder in
      var file = try AtomicFile(path: folder + "/pieces.bin")
      try file.write([1])
      try file.write([])
      try file.write(Array(repeating: 9, count: 100_000))
      try file.commit()
      #expect(Self.contents(folder + "/pieces.bin")?.count == 100_001)
    }
  }

  @Test("refuses an existing output without force and keeps it intact")
  func refusesExisting() throws {
    try Self.withFolder { folder in
      let path = folder + "/out.aez"
      try AtomicFile.write([1], to: path)
      #expect(throws: AtomicFileError.outputExists(path: path)) {
        try AtomicFile.write([2, 2], to: path)
      }
      #expect(Self.contents(path) == [1])
      #expect(try Self.listing(folder) == ["out.aez"])
    }
  }

  @Test("refuses an output created after it was opened, without force")
  func refusesRacingOutput() throws {
    try Self.withFolder { (folder: String) throws in
      let path = folder + "/late.aez"
      func writeLate() throws {
        var file = try AtomicFile(path: path)
        try file.write([5])
        try AtomicFile.write([6], to: path)
        try file.commit()
      }
      #expect(throws: AtomicFileError.outputExists(path: path)) { try writeLate() }
      #expect(Self.contents(path) == [6])
      #expect(try Self.listing(folder) == ["late.aez"])
    }
  }

  @Test("replaces an existing output with force")
  func replacesWithForce() throws {
    try Self.withFolder { folder in
      let path = folder + "/out.aez"
      try AtomicFile.write([1], to: path)
      try AtomicFile.write([2, 2], to: path, force: true)
      #expect(Self.contents(path) == [2, 2])
      #expect(try Self.listing(folder) == ["out.aez"])
    }
  }

  @Test("refuses to write over an input, even with force and under another spelling")
  func refusesInput() throws {
    try Self.withFolder { folder in
      let input = folder + "/in.png"
      try AtomicFile.write([7, 7, 7], to: input)
      let link = folder + "/link.png"
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)

      for output in [input, folder + "/./in.png", link] {
        #expect(throws: AtomicFileError.outputIsInput(path: output, input: input)) {
          try AtomicFile.write([0], to: output, force: true, inputs: [input])
        }
      }
      #expect(Self.contents(input) == [7, 7, 7])
      #expect(try Self.listing(folder) == ["in.png", "link.png"])
    }
  }

  @Test("leaves no file when the producer fails before commit")
  func noPartialFileOnFailure() throws {
    try Self.withFolder { (folder: String) throws in
      let path = folder + "/out.aez"
      func failingWrite() throws {
        var file = try AtomicFile(path: path)
        try file.write(Array(repeating: 1, count: 4096))
        throw Simulated()
      }
      #expect(throws: Simulated.self) { try failingWrite() }
      #expect(try Self.listing(folder).isEmpty)
    }
  }

  @Test("keeps the old output intact when a forced replacement fails")
  func keepsOldOutputOnFailure() throws {
    try Self.withFolder { (folder: String) throws in
      let path = folder + "/out.aez"
      try AtomicFile.write([1, 2, 3], to: path)
      func failingWrite() throws {
        var file = try AtomicFile(path: path, force: true)
        try file.write([9, 9])
        throw Simulated()
      }
      #expect(throws: Simulated.self) { try failingWrite() }
      #expect(Self.contents(path) == [1, 2, 3])
      #expect(try Self.listing(folder) == ["out.aez"])
    }
  }

  @Test("reports a missing folder and a folder given as output")
  func badPaths() throws {
    try Self.withFolder { (folder: String) throws in
      let missing = folder + "/no/such/out.aez"
      #expect(
        throws: AtomicFileError.cannotCreate(path: missing, reason: "No such file or directory")
      ) { try AtomicFile.write([1], to: missing) }
      #expect(throws: AtomicFileError.outputIsDirectory(path: folder)) {
        try AtomicFile.write([1], to: folder, force: true)
      }
      #expect(try Self.listing(folder).isEmpty)
    }
  }
}
