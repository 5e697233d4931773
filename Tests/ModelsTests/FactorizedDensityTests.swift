import Foundation
import NumericCore
import Testing

@testable import Models

/// A density with Balle's initialisation, then every parameter moved by seeded noise, so
/// that no factor is zero and channels differ.
private func perturbedDensity(channels: Int, seed: UInt64) -> FactorizedDensity {
  var generator = SeededGenerator(seed: seed)
  var density = FactorizedDensity(channels: channels) {
    Double(generator.nextUnitFloat())
  }
  for layer in density.matrices.indices {
    density.matrices[layer] = density.matrices[layer].map {
      $0 + generator.uniform(in: -0.5..<0.5)
    }
    density.biases[layer] = density.biases[layer].map { $0 + generator.uniform(in: -1..<1) }
  }
  for layer in density.factors.indices {
    density.factors[layer] = density.factors[layer].map { _ in
      generator.uniform(in: -1.5..<1.5)
    }
  }
  return density
}

/// The rate of `latents` alone, without gradients.
private func rate(_ density: FactorizedDensity, _ latents: [Float], spatial: Int) -> Double {
  var latentGradient = [Float](repeating: 0, count: latents.count)
  var gradients = FactorizedDensityGradients(zeroFor: density)
  return density.rate(
    latents: latents, spatial: spatial, scale: 1, latentGradient: &latentGradient,
    gradients: &gradients)
}

@Suite("Factorized density")
struct FactorizedDensityTests {
  @Test("probabilities of all integers sum to 1 in every channel", arguments: [1, 2] as [UInt64])
  func probabilitiesSumToOne(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let initial = FactorizedDensity(channels: 3) { Double(generator.nextUnitFloat()) }
    for density in [initial, perturbedDensity(channels: 3, seed: seed)] {
      for channel in 0..<3 {
        var sum = 0.0
        for value in -400...400 {
          let probability = density.probability(of: Double(value), channel: channel)
          #expect(probability >= 0)
          sum += probability
        }
        // The tails beyond ±400 of a spread of about 10 hold far less than 1e-9.
        #expect(abs(sum - 1) < 1e-9, "channel \(channel): sum \(sum)")
      }
    }
  }

  @Test("the cumulative function is increasing whatever the parameters")
  func logitIncreases() {
    let density = perturbedDensity(channels: 2, seed: 7)
    for channel in 0..<2 {
      var previous = -Double.infinity
      for step in -300...300 {
        let logit = density.logit(Double(step) / 10, channel: channel)
        #expect(logit > previous)
        previous = logit
      }
    }
  }

  @Test("the rate is the sum of −log2 p over the latents, channel by NCHW position")
  func rateMatchesProbabilities() {
    let density = perturbedDensity(channels: 2, seed: 3)
    // Two images, two channels, three positions: channel (i / 3) % 2.
    let latents: [Float] = [0, 1, -1, 2, 0, 5, -3, 0, 1, 0, 0, -7]
    var expected = 0.0
    for (index, value) in latents.enumerated() {
      expected -= log2(density.probability(of: Double(value), channel: (index / 3) % 2))
    }
    #expect(abs(rate(density, latents, spatial: 3) - expected) < 1e-9)
  }

  /// Gradients of the rate against central differences of the Double rate, for noisy
  /// (non-integer) latents of two channels at three positions in two images.
  ///
  /// Tolerance: 2e-4 absolute plus 1e-3 relative. The analytic gradient is accumulated in
  /// Float (relative error near 1e-6); the difference quotient's truncation error at a
  /// step of 1e-3 is near 1e-6 for these smooth functions.
  @Test("the analytic gradient matches finite differences for latents and every parameter")
  func gradientMatchesFiniteDifferences() {
    let density = perturbedDensity(channels: 2, seed: 11)
    var generator = SeededGenerator(seed: 12)
    let latents = generator.floats(12, in: -6..<6)
    let scale = 0.75

    var latentGradient = [Float](repeating: 0, count: latents.count)
    var gradients = FactorizedDensityGradients(zeroFor: density)
    _ = density.rate(
      latents: latents, spatial: 3, scale: scale, latentGradient: &latentGradient,
      gradients: &gradients)

    func check(_ analytic: Float, _ numeric: Double, _ label: String) {
      let scaled = scale * numeric
      #expect(
        isClose(Double(analytic), scaled, absolute: 2e-4, relative: 1e-3),
        "\(label): analytic \(analytic), numeric \(scaled)")
    }
    for index in latents.indices {
      let numeric = centralDifference(at: latents[index]) { value in
        var moved = latents
        moved[index] = value
        return rate(density, moved, spatial: 3)
      }
      check(latentGradient[index], numeric, "latent \(index)")
    }

    typealias Parameters = WritableKeyPath<FactorizedDensity, [[Float]]>
    let groups: [(String, Parameters, [[Float]])] = [
      ("matrix", \.matrices, gradients.matrices), ("bias", \.biases, gradients.biases),
      ("factor", \.factors, gradients.factors),
    ]
    var checked = 0
    for (name, path, analytic) in groups {
      for layer in density[keyPath: path].indices {
        for index in density[keyPath: path][layer].indices {
          let numeric = centralDifference(at: density[keyPath: path][layer][index]) { value in
            var moved = density
            moved[keyPath: path][layer][index] = value
            return rate(moved, latents, spatial: 3)
          }
          check(analytic[layer][index], numeric, "\(name) \(layer)[\(index)]")
          checked += 1
        }
      }
    }
    // Per channel: matrices 3 + 9 + 9 + 3, biases 3 + 3 + 3 + 1, factors 3 + 3 + 3.
    #expect(checked == 2 * (24 + 10 + 9))
  }

  @Test("gradients are added to what the buffers hold")
  func gradientsAccumulate() {
    let density = perturbedDensity(channels: 1, seed: 5)
    let latents: [Float] = [0.3, -2.2]
    var once = [Float](repeating: 0, count: 2)
    var onceParameters = FactorizedDensityGradients(zeroFor: density)
    _ = density.rate(
      latents: latents, spatial: 1, scale: 1, latentGradient: &once,
      gradients: &onceParameters)
    var twice = [Float](repeating: 0, count: 2)
    var twiceParameters = FactorizedDensityGradients(zeroFor: density)
    for _ in 0..<2 {
      _ = density.rate(
        latents: latents, spatial: 1, scale: 1, latentGradient: &twice,
        gradients: &twiceParameters)
    }
    // Float sums in another order: equal to a relative 1e-5.
    let pairs =
      zip(twice, once).map { ($0, $1) }
      + zip(twiceParameters.biases.joined(), onceParameters.biases.joined()).map { ($0, $1) }
    for (accumulated, single) in pairs {
      #expect(abs(accumulated - 2 * single) <= 1e-5 * abs(2 * single))
    }
  }

  @Test("a value beyond the floor costs about 30 bits and has no gradient")
  func probabilityFloor() {
    let density = perturbedDensity(channels: 1, seed: 9)
    var latentGradient: [Float] = [0]
    var gradients = FactorizedDensityGradients(zeroFor: density)
    let bits = density.rate(
      latents: [50_000], spatial: 1, scale: 1, latentGradient: &latentGradient,
      gradients: &gradients)
    #expect(abs(bits - -log2(1e-9)) < 1e-12)
    #expect(latentGradient == [0])
    #expect(gradients.biases.allSatisfy { $0.allSatisfy { $0 == 0 } })
  }

  @Test("the trainable prior adds the density's gradients to its parameters")
  func priorUsesDensityGradients() {
    var generator = SeededGenerator(seed: 21)
    let prior = FactorizedPrior(channels: 2, generator: &generator)
    // NCHW [1, 2, 1, 2]: channel 0 holds the first two values.
    let latents = Tensor(shape: [1, 2, 1, 2], scalars: [0.4, -1.3, 2.2, 0.1])
    let (bits, gradient) = prior.rate(latents: latents, scale: 0.5)

    var latentGradient = [Float](repeating: 0, count: 4)
    var gradients = FactorizedDensityGradients(zeroFor: prior.density)
    let expectedBits = prior.density.rate(
      latents: latents.scalars, spatial: 2, scale: 0.5, latentGradient: &latentGradient,
      gradients: &gradients)
    #expect(bits == expectedBits)
    #expect(gradient.scalars == latentGradient)
    #expect(prior.matrices.map(\.gradient.scalars) == gradients.matrices)
    #expect(prior.biases.map(\.gradient.scalars) == gradients.biases)
    #expect(prior.factors.map(\.gradient.scalars) == gradients.factors)
    #expect(
      prior.parameters.map(\.name) == [
        "matrix.0", "matrix.1", "matrix.2", "matrix.3", "bias.0", "bias.1", "bias.2", "bias.3",
        "factor.0", "factor.1", "factor.2",
      ])
  }

  @Test("the integer tables agree with the density")
  func tablesFollowDensity() throws {
    var generator = SeededGenerator(seed: 4)
    let prior = FactorizedPrior(channels: 2, generator: &generator)
    let tables = try prior.tables()
    #expect(tables.count == 2)
    let density = prior.density
    for (channel, table) in tables.enumerated() {
      #expect(table.precision == 16)
      // The most probable value gets about its share of the 2^16 total.
      let mode = try #require(
        (Int(table.minimum)...Int(table.maximum)).max {
          density.probability(of: Double($0), channel: channel)
            < density.probability(of: Double($1), channel: channel)
        })
      let share =
        Double(table.frequency(ofSymbol: mode - Int(table.minimum))) / Double(table.total)
      let probability = density.probability(of: Double(mode), channel: channel)
      #expect(abs(share - probability) < 0.01, "channel \(channel)")
    }
  }
}
