import Foundation
import Testing

@testable import Decoder

@Suite("Temporary files removed on demand")
struct TemporaryFileRegistryTests {
  @Test("removing all deletes every open temporary file and refuses new ones")
  func removeAll() throws {
    try AtomicFileTests.withFolder(checkRemoveAll)
  }

  private func checkRemoveAll(in folder: String) throws {
    let registry = TemporaryFileRegistry()
    var descriptors: [Int32] = []
    defer { for descriptor in descriptors { close(descriptor) } }
    for name in ["a.partial", "b.partial", "c.partial"] {
      let creation = registry.create(folder + "/" + name)
      guard case .created(let descriptor) = creation else {
        Issue.record("could not create \(name): \(creation)")
        return
      }
      descriptors.append(descriptor)
    }
    // One is finished normally before the stop: it is no longer the registry's.
    registry.release(folder + "/c.partial", remove: false)
    #expect(registry.create(folder + "/a.partial") == .failed(errno: EEXIST))

    #expect(registry.removeAll() == 2)
    #expect(try AtomicFileTests.listing(folder) == ["c.partial"])
    #expect(registry.create(folder + "/d.partial") == .closed)
    #expect(try AtomicFileTests.listing(folder) == ["c.partial"])
  }
}
