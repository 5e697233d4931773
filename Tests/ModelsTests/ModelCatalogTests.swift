import Testing

@testable import Models

/// A catalog model with notes giving its quality (and family, when given).
private func member(_ name: String, quality: Double?, family: String? = nil) -> CatalogModel {
  var notes: [String: JSONValue] = [:]
  if let quality { notes["quality"] = .number(quality) }
  if let family { notes["family"] = .string(family) }
  let file = ModelFile(
    architecture: ["name": "dense", "id": .string(name)], entries: [:], notes: notes)
  return CatalogModel(name: name, file: file, isEmbedded: false)
}

@Suite("Model catalog")
struct ModelCatalogTests {
  @Test("the embedded models load, with fingerprints of their stored content")
  func embeddedCatalog() throws {
    let catalog = try ModelCatalog.embedded()
    #expect(catalog.models.count == EmbeddedModels.all.count)
    #expect(catalog.models.map(\.name) == catalog.models.map(\.name).sorted())
    for model in catalog.models {
      #expect(model.isEmbedded)
      #expect(model.fingerprint == model.file.fingerprint)
      #expect(model.fingerprintText.count == 16)
      #expect(model.fingerprintText == model.fingerprintText.lowercased())
    }
    // The digits family is what `aez compress digit.png` uses without --model.
    let digits = catalog.model(named: "digits", quality: 30)
    #expect(digits?.family == "digits")
    #expect(digits?.quality == 30)
  }

  @Test("the family is the name before -qNN, unless the notes name it")
  func families() {
    #expect(member("digits-q50", quality: 50).family == "digits")
    #expect(member("photo-hyperprior-q7", quality: 7).family == "photo-hyperprior")
    #expect(member("plain", quality: nil).family == "plain")
    #expect(member("odd-qx", quality: nil).family == "odd-qx")
    #expect(member("whatever", quality: 3, family: "set").family == "set")
  }

  @Test("a family name picks the member of the nearest quality, else the middle one")
  func nearestQuality() throws {
    let catalog = ModelCatalog(models: [
      member("f-q10", quality: 10), member("f-q50", quality: 50), member("f-q90", quality: 90),
      member("g-q1", quality: 1),
    ])
    #expect(catalog.model(named: "f", quality: 0)?.name == "f-q10")
    #expect(catalog.model(named: "f", quality: 35)?.name == "f-q50")
    #expect(catalog.model(named: "f", quality: 75)?.name == "f-q90")
    #expect(catalog.model(named: "f", quality: nil)?.name == "f-q50")
    #expect(catalog.model(named: "f-q90", quality: 0)?.name == "f-q90")
    #expect(catalog.model(named: "h", quality: 50) == nil)
    #expect(catalog.families.map(\.name) == ["f", "g"])
    #expect(catalog.families[0].members.map(\.name) == ["f-q10", "f-q50", "f-q90"])

    let fingerprint = try #require(catalog.model(named: "g-q1", quality: nil)).fingerprint
    #expect(catalog.model(fingerprint: fingerprint)?.name == "g-q1")
  }
}
