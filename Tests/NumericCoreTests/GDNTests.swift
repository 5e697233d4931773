import Testing

@testable import NumericCore

@Suite struct GDNTests {
  /// GDN or its inverse by definition, in Double, including the reparametrization of the
  /// stored `beta` and `gamma`.
  static func reference(channels: Int, pixels: Int, inverse: Bool) -> ReferenceForward {
    { x, parameters in
      let pedestal = 0x1p-36
      let betaBound = (1e-6 + pedestal).squareRoot()
      let gammaBound = pedestal.squareRoot()
      let beta = parameters[0].map { max($0, betaBound) * max($0, betaBound) - pedestal }
      let gamma = parameters[1].map { max($0, gammaBound) * max($0, gammaBound) - pedestal }
      var y = x
      for n in 0..<(x.count / (channels * pixels)) {
        for i in 0..<channels {
          for p in 0..<pixels {
            var norm = beta[i]
            for j in 0..<channels {
              let xj = x[(n * channels + j) * pixels + p]
              norm += gamma[i * channels + j] * xj * xj
            }
            let index = (n * channels + i) * pixels + p
            y[index] = inverse ? x[index] * norm.squareRoot() : x[index] / norm.squareRoot()
          }
        }
      }
      return y
    }
  }

  @Test(arguments: [false, true])
  func gradientsMatchFiniteDifferences(inverse: Bool) {
    var generator = SeededGenerator(seed: 51)
    let layer = GDN(channels: 3, inverse: inverse)
    // Stored values well above the bounds, where the reparametrization is smooth.
    layer.beta.value = .uniform(shape: [3], in: 0.5..<1.5, using: &generator)
    layer.gamma.value = .uniform(shape: [3, 3], in: 0.05..<0.8, using: &generator)
    checkGradients(
      of: layer, inputShape: [2, 3, 2, 3],
      reference: Self.reference(channels: 3, pixels: 6, inverse: inverse), seed: 52,
      inputRange: -2..<2)
  }

  @Test func startsAsBetaOneGammaTenthIdentity() {
    let layer = GDN(channels: 2)
    expectClose(
      layer.effectiveBeta.scalars.map(Double.init), [1, 1], tolerance: 1e-6, what: "beta")
    expectClose(
      layer.effectiveGamma.scalars.map(Double.init), [0.1, 0, 0, 0.1], tolerance: 1e-6,
      what: "gamma")
    let output = layer.infer(Tensor(shape: [1, 2, 1, 1], scalars: [3, 0]))
    expectClose(
      output.scalars.map(Double.init), [3 / (1 + 0.9).squareRoot(), 0], tolerance: 1e-6,
      what: "output")
  }

  /// GDN divides by the same norm that inverse GDN multiplies by: `GDN(x) · IGDN(x) = x²`.
  @Test func inverseMultipliesByTheSameNorm() {
    var generator = SeededGenerator(seed: 53)
    let normalization = GDN(channels: 4)
    let inverse = GDN(channels: 4, inverse: true)
    inverse.beta.value = .uniform(shape: [4], in: 0.5..<1.5, using: &generator)
    inverse.gamma.value = .uniform(shape: [4, 4], in: 0.05..<0.8, using: &generator)
    normalization.beta.value = inverse.beta.value
    normalization.gamma.value = inverse.gamma.value
    let x = Tensor.uniform(shape: [2, 4, 3, 3], in: -2..<2, using: &generator)

    let product = normalization.infer(x) * inverse.infer(x)

    expectClose(
      product.scalars.map(Double.init), (x * x).scalars.map(Double.init), tolerance: 1e-6,
      what: "GDN(x) · IGDN(x)")
  }

  /// At its bound a stored parameter gets a gradient only when descent would raise it.
  @Test(arguments: [(upstreamSign: Float(1), passes: true), (-1, false)])
  func boundPassesGradientOnlyUpward(upstreamSign: Float, passes: Bool) {
    let layer = GDN(channels: 1)
    layer.beta.value = Tensor(shape: [1], scalars: [0])  // below sqrt(1e-6 + ε)
    let input = Tensor(shape: [1, 1, 1, 2], scalars: [0.5, 1])
    _ = layer.forward(input)
    layer.zeroGradients()
    // dL/dβ = Σ −g x / (2 r³): negative for a positive upstream gradient and positive input.
    _ = layer.backward(Tensor(shape: [1, 1, 1, 2], repeating: upstreamSign))
    let gradient = layer.beta.gradient.scalars[0]
    if passes {
      #expect(gradient < 0)
    } else {
      #expect(gradient == 0)
    }
  }
}
