import Testing

@testable import NumericCore

@Suite struct OptimizerTests {
  /// A weight `[1, −2]` (decayed) and a bias `[3]` (not decayed).
  static func makeParameters() -> [(name: String, parameter: Parameter)] {
    [
      ("weight", Parameter(Tensor(shape: [2], scalars: [1, -2]), appliesWeightDecay: true)),
      ("bias", Parameter(Tensor(shape: [1], scalars: [3]), appliesWeightDecay: false)),
    ]
  }

  static func setGradients(
    _ parameters: [(name: String, parameter: Parameter)], weight: [Float], bias: [Float]
  ) {
    parameters[0].parameter.gradient = Tensor(shape: [2], scalars: weight)
    parameters[1].parameter.gradient = Tensor(shape: [1], scalars: bias)
  }

  static func expectValues(
    _ parameter: Parameter, _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    expectClose(
      parameter.value.scalars.map(Double.init), expected, tolerance: 1e-6, what: "values",
      sourceLocation: sourceLocation)
  }

  /// Expected values worked through by hand from the update rule with β₁ = 0.9, β₂ = 0.999,
  /// ε = 1e-8 and η = 0.1. Step 1 (bias-corrected moments m̂ = g, v̂ = g²) moves each value by
  /// η sign(g). Step 2 with g = [−0.25, 2]: m = [0.02, 0.11], v = [3.1225e-4, 4.999e-3], and
  /// the corrections 1 − 0.9² = 0.19 and 1 − 0.999² = 1.999e-3 give the values below.
  @Test func adamMatchesHandComputedSteps() {
    let parameters = Self.makeParameters()
    let adam = Adam(parameters: parameters, schedule: .constant(0.1))

    Self.setGradients(parameters, weight: [0.5, -1], bias: [0])
    adam.step()
    Self.expectValues(parameters[0].parameter, [0.9, -1.9])
    Self.expectValues(parameters[1].parameter, [3])

    Self.setGradients(parameters, weight: [-0.25, 2], bias: [0])
    adam.step()
    Self.expectValues(parameters[0].parameter, [0.873_366_30, -1.936_610_35])
    #expect(adam.stepCount == 2)
  }

  /// With decoupled decay λ = 0.5, each step first scales decayed values by 1 − ηλ = 0.95;
  /// the bias, which does not decay, follows plain Adam.
  @Test func adamWDecaysOnlyWeights() {
    let parameters = Self.makeParameters()
    let adam = Adam(parameters: parameters, schedule: .constant(0.1), weightDecay: 0.5)

    Self.setGradients(parameters, weight: [0.5, -1], bias: [1])
    adam.step()
    Self.expectValues(parameters[0].parameter, [0.85, -1.8])
    Self.expectValues(parameters[1].parameter, [2.9])

    Self.setGradients(parameters, weight: [-0.25, 2], bias: [1])
    adam.step()
    Self.expectValues(parameters[0].parameter, [0.780_866_30, -1.746_610_35])
    Self.expectValues(parameters[1].parameter, [2.8])
  }

  /// η = 0.1, μ = 0.9, g = 0.5 twice: u = 0.5 then 0.95, θ = 1 − 0.05 − 0.095.
  @Test func sgdWithMomentumMatchesHandComputedSteps() {
    let parameters = Self.makeParameters()
    let sgd = SGD(parameters: parameters, schedule: .constant(0.1), momentum: 0.9)

    Self.setGradients(parameters, weight: [0.5, -1], bias: [2])
    sgd.step()
    Self.expectValues(parameters[0].parameter, [0.95, -1.9])
    Self.expectValues(parameters[1].parameter, [2.8])

    sgd.step()
    Self.expectValues(parameters[0].parameter, [0.855, -1.71])
    Self.expectValues(parameters[1].parameter, [2.42])
  }

  @Test func optimizerFollowsItsSchedule() {
    let parameters = Self.makeParameters()
    let sgd = SGD(parameters: parameters, schedule: .step(initial: 1, factor: 0.5, interval: 1))
    Self.setGradients(parameters, weight: [1, 1], bias: [0])
    sgd.step()
    sgd.step()
    Self.expectValues(parameters[0].parameter, [1 - 1 - 0.5, -2 - 1 - 0.5])
  }

  @Test func clippingScalesToTheGlobalNorm() {
    let parameters = Self.makeParameters()
    Self.setGradients(parameters, weight: [3, 0], bias: [-4])

    let norm = clipGradientNorm(parameters, maxNorm: 1)

    #expect(norm == 5)
    expectClose(
      parameters[0].parameter.gradient.scalars.map(Double.init), [0.6, 0], tolerance: 1e-6,
      what: "weight gradient")
    expectClose(
      parameters[1].parameter.gradient.scalars.map(Double.init), [-0.8], tolerance: 1e-6,
      what: "bias gradient")
  }

  @Test func clippingLeavesSmallGradientsAlone() {
    let parameters = Self.makeParameters()
    Self.setGradients(parameters, weight: [0.3, 0], bias: [-0.4])
    #expect(clipGradientNorm(parameters, maxNorm: 1) == 0.5)
    #expect(parameters[0].parameter.gradient.scalars == [0.3, 0])
    #expect(parameters[1].parameter.gradient.scalars == [-0.4])
  }

  @Test func clippingReportsANonFiniteNormWithoutScaling() {
    let parameters = Self.makeParameters()
    Self.setGradients(parameters, weight: [.infinity, 1], bias: [1])
    #expect(!clipGradientNorm(parameters, maxNorm: 1).isFinite)
    #expect(parameters[0].parameter.gradient.scalars[1] == 1)
  }
}
