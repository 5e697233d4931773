import Testing

@testable import Models

/// The digest as lowercase hexadecimal, the form test vectors are published in.
private func hex(_ digest: [UInt8]) -> String {
  digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// `count` bytes following `(7 i + 3) mod 256`, a pattern with every byte value.
private func patternBytes(_ count: Int) -> [UInt8] {
  (0..<count).map { UInt8((7 * $0 + 3) % 256) }
}

@Suite("SHA-256")
struct SHA256Tests {
  struct Vector: CustomTestStringConvertible, Sendable {
    var name: String
    var message: [UInt8]
    var digest: String
    var testDescription: String { name }
  }

  /// The examples of FIPS 180-4 (NIST's "SHA256.pdf" and "SHA2_Additional.pdf").
  static let fipsVectors: [Vector] = [
    Vector(
      name: "empty message", message: [],
      digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    Vector(
      name: "abc", message: Array("abc".utf8),
      digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    Vector(
      name: "448-bit message",
      message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
      digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    Vector(
      name: "896-bit message",
      message: Array(
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
          + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8),
      digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
  ]

  @Test("FIPS 180-4 examples", arguments: fipsVectors)
  func fipsExample(_ vector: Vector) {
    #expect(hex(SHA256.hash(vector.message)) == vector.digest)
  }

  @Test("one million repetitions of 'a' (FIPS 180-4)")
  func millionA() {
    var digest = SHA256()
    let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { digest.update(block) }
    #expect(
      hex(digest.finalize())
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Lengths on each side of the padding boundaries (55 and 56 bytes need one and two
  /// final blocks) and a multi-block message. Digests computed with `sha256sum` and
  /// Python's `hashlib` over `patternBytes(n)`.
  @Test(
    "padding boundaries",
    arguments: [
      (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
      (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
      (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
      (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
      (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
      (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
      (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
    ])
  func paddingBoundary(length: Int, digest: String) {
    #expect(hex(SHA256.hash(patternBytes(length))) == digest)
  }

  @Test("pieces of any size give the digest of the whole")
  func incrementalUpdates() {
    let message = patternBytes(1000)
    let whole = SHA256.hash(message)
    for pieceSize in [1, 3, 63, 64, 65, 999] {
      var digest = SHA256()
      var start = 0
      while start < message.count {
        let end = min(message.count, start + pieceSize)
        digest.update(message[start..<end])
        start = end
      }
      #expect(digest.finalize() == whole, "pieces of \(pieceSize) bytes")
    }
  }

  @Test("finalize leaves the digest open for more input")
  func finalizeDoesNotConsume() {
    var digest = SHA256()
    digest.update(Array("ab".utf8))
    let early = digest.finalize()
    #expect(early == digest.finalize())
    digest.update(Array("c".utf8))
    #expect(hex(digest.finalize()) == Self.fipsVectors[1].digest)
  }
}
