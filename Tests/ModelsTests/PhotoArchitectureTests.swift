import Testing

@testable import Models

@Suite struct PhotoArchitectureTests {
  @Test func jsonRoundTripKeepsEveryField() throws {
    let architecture = PhotoArchitecture.standard
    let decoded = try PhotoArchitecture(json: architecture.json)
    #expect(decoded == architecture)
    #expect(architecture.json["name"] == "photo")
  }

  @Test func standardSizesAreTheDocumentedOnes() {
    let architecture = PhotoArchitecture.standard
    #expect(architecture.featureChannels == 64 && architecture.latentChannels == 128)
    #expect(architecture.ratePoints.count == 6)
    #expect(architecture.scales.count == 64)
    #expect(architecture.scales.first == 0.11 && architecture.scales.last == 256)
  }

  struct BadJSON: CustomTestStringConvertible, Sendable {
    var label: String
    var key: String
    var value: JSONValue
    var testDescription: String { label }
  }

  static let badValues: [BadJSON] = [
    BadJSON(label: "zero channels", key: "featureChannels", value: 0),
    BadJSON(label: "fractional channels", key: "latentChannels", value: 12.5),
    BadJSON(label: "too many channels", key: "latentChannels", value: 5000),
    BadJSON(label: "one scale", key: "scaleCount", value: 1),
    BadJSON(label: "negative minimum scale", key: "minimumScale", value: -1),
    BadJSON(label: "missing rate points", key: "ratePoints", value: .null),
    BadJSON(label: "empty rate points", key: "ratePoints", value: .array([])),
    BadJSON(
      label: "decreasing qualities", key: "ratePoints",
      value: .array([
        .object(["quality": 50, "lambda": 0.01]), .object(["quality": 10, "lambda": 0.02]),
      ])),
    BadJSON(
      label: "quality above 100", key: "ratePoints",
      value: .array([.object(["quality": 101, "lambda": 0.01])])),
    BadJSON(
      label: "zero lambda", key: "ratePoints",
      value: .array([.object(["quality": 10, "lambda": 0])])),
  ]

  @Test(arguments: badValues) func invalidJSONIsRefusedNamingTheField(_ bad: BadJSON) {
    var json = PhotoArchitecture.standard.json
    json[bad.key] = bad.value
    #expect(throws: ModelFileError.self) { try PhotoArchitecture(json: json) }
  }

  @Test func anotherArchitectureNameIsUnknown() {
    var json = PhotoArchitecture.standard.json
    json["name"] = "conv"
    #expect(throws: ModelFileError.unknownArchitecture("conv")) {
      try PhotoArchitecture(json: json)
    }
  }
}
