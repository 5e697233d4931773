import Testing

@testable import Models

/// A small model file with every kind of entry: tensors of rank 0 to 2, tables, empty bytes.
func sampleModelFile() -> ModelFile {
  ModelFile(
    architecture: [
      "name": "dense", "latent": 4, "hidden": .array([3, 2]), "activation": "relu",
      "scale": 0.125,
    ],
    entries: [
      "encoder.0.weight": .tensor(shape: [2, 3], values: [1, -2, 0.5, 3e-8, -0.0, 7]),
      "encoder.0.bias": .tensor(shape: [3], values: [0.25, -0.25, 1e10]),
      "scalar": .tensor(shape: [], values: [1.5]),
      "prior.tables": .bytes([0, 1, 2, 255]),
      "empty": .bytes([]),
    ],
    notes: ["description": "a test model", "quality": 50, "validation": .object(["psnr": 21.5])])
}

/// The content bytes of a serialized model file, located as the specification lays them out.
func storedContent(of bytes: [UInt8]) -> ArraySlice<UInt8> {
  let length = bytes[10..<14].reversed().reduce(0) { $0 << 8 | Int($1) }
  return bytes[14..<14 + length]
}

/// The fingerprint as the specification defines it, computed from the file's bytes.
func specifiedFingerprint(of bytes: [UInt8]) -> UInt64 {
  SHA256.hash(storedContent(of: bytes)).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
}

@Suite("Model file round trip and fingerprint")
struct ModelFileTests {
  @Test("bytes to model file to bytes is the identity")
  func roundTrip() throws {
    let original = sampleModelFile()
    let bytes = original.serialized()
    let read = try ModelFile(bytes: bytes)
    #expect(read.architecture == original.architecture)
    #expect(read.entries == original.entries)
    #expect(read.notes == original.notes)
    #expect(read.serialized() == bytes)
    #expect(read.fingerprint == original.fingerprint)

    // A model file made from the parsed parts (no stored bytes) is written identically too.
    let rebuilt = ModelFile(
      architecture: read.architecture, entries: read.entries, notes: read.notes)
    #expect(rebuilt.serialized() == bytes)
  }

  @Test("the layout starts as the specification says")
  func layout() {
    let bytes = sampleModelFile().serialized()
    #expect(Array(bytes[0..<8]) == Array("AEZMODEL".utf8))
    #expect(Array(bytes[8..<10]) == [1, 0])
    // The architecture is the first field of the content: compact JSON, keys sorted.
    let content = Array(storedContent(of: bytes))
    let architectureLength = content[0..<4].reversed().reduce(0) { $0 << 8 | Int($1) }
    let architecture = String(decoding: content[4..<4 + architectureLength], as: UTF8.self)
    #expect(
      architecture
        == #"{"activation":"relu","hidden":[3,2],"latent":4,"name":"dense","scale":0.125}"#)
  }

  @Test("every embedded model reads and writes back byte for byte")
  func embeddedModelsRoundTrip() throws {
    let embedded = EmbeddedModels.all
    #expect(!embedded.isEmpty)
    for (name, bytes) in embedded {
      let file = try ModelFile(bytes: bytes)
      #expect(file.serialized() == bytes, "\(name)")
      #expect(file.fingerprint == specifiedFingerprint(of: bytes), "\(name)")
    }
  }

  @Test("a file in another JSON style and entry order keeps its bytes and fingerprint")
  func foreignFormatting() throws {
    var builder = ModelFileBytes()
    builder.architecture = #"{ "name": "dense",  "latent": 4.0 }"#
    builder.entries = [
      .tensor("z", shape: [2], values: [1, 2]), .bytes("a", [9]),
    ]
    builder.notes = #"{"b": 1, "a": [true, null]}"#
    let bytes = builder.bytes
    let file = try ModelFile(bytes: bytes)
    #expect(file.architecture == ["name": "dense", "latent": 4])
    #expect(file.notes == ["b": 1, "a": .array([true, .null])])
    #expect(file.serialized() == bytes)
    #expect(file.fingerprint == specifiedFingerprint(of: bytes))

    // Once a field changes, the file is written in this writer's canonical form.
    var changed = file
    changed.architecture["latent"] = 5
    let canonical = ModelFile(
      architecture: ["name": "dense", "latent": 5], entries: file.entries, notes: file.notes)
    let changedBytes = changed.serialized()
    #expect(storedContent(of: changedBytes) == storedContent(of: canonical.serialized()))
    #expect(changed.fingerprint == canonical.fingerprint)
    // The notes, unchanged, keep their stored bytes.
    let notesBytes = Array(builder.notes.utf8)
    #expect(Array(changedBytes.suffix(notesBytes.count)) == notesBytes)
  }

  @Test("the fingerprint is the first 8 bytes of the content's SHA-256, big-endian")
  func fingerprintDefinition() {
    let bytes = sampleModelFile().serialized()
    #expect(sampleModelFile().fingerprint == specifiedFingerprint(of: bytes))
  }

  @Test("changing any single weight or table byte changes the fingerprint")
  func fingerprintCoversEveryWeight() {
    let original = sampleModelFile()
    var seen: Set<UInt64> = [original.fingerprint]
    var variants = 0
    for (name, entry) in original.entries {
      switch entry {
      case .tensor(let shape, let values):
        for index in values.indices {
          var changed = values
          changed[index] = changed[index].nextUp
          var file = original
          file.entries[name] = .tensor(shape: shape, values: changed)
          #expect(seen.insert(file.fingerprint).inserted, "\(name)[\(index)]")
          variants += 1
        }
      case .bytes(let data):
        for index in data.indices {
          var changed = data
          changed[index] ^= 1
          var file = original
          file.entries[name] = .bytes(changed)
          #expect(seen.insert(file.fingerprint).inserted, "\(name)[\(index)]")
          variants += 1
        }
      }
    }
    #expect(variants == 6 + 3 + 1 + 4)

    var reshaped = original
    reshaped.entries["encoder.0.weight"] = .tensor(
      shape: [3, 2], values: [1, -2, 0.5, 3e-8, -0.0, 7])
    #expect(seen.insert(reshaped.fingerprint).inserted, "a reshaped tensor")
    var hyperparameter = original
    hyperparameter.architecture["latent"] = 5
    #expect(seen.insert(hyperparameter.fingerprint).inserted, "a hyperparameter")
    var extraEntry = original
    extraEntry.entries["extra"] = .bytes([])
    #expect(seen.insert(extraEntry.fingerprint).inserted, "an added entry")
  }

  @Test("notes never change the fingerprint")
  func notesOutsideFingerprint() throws {
    let original = sampleModelFile()
    var annotated = original
    annotated.notes = ["description": "another text", "trainingCommand": "aez train x"]
    #expect(annotated.fingerprint == original.fingerprint)
    #expect(annotated.serialized() != original.serialized())
    #expect(try ModelFile(bytes: annotated.serialized()).fingerprint == original.fingerprint)
  }

  @Test("tensor and bytes accessors return the entries")
  func accessors() throws {
    let file = sampleModelFile()
    #expect(try file.tensor("encoder.0.bias", shape: [3]) == [0.25, -0.25, 1e10])
    #expect(try file.tensor("scalar", shape: []) == [1.5])
    #expect(try file.bytes("prior.tables") == [0, 1, 2, 255])
    #expect(file.architectureName == "dense")
    #expect(ModelFile(architecture: [:], entries: [:]).architectureName == "")
  }
}
