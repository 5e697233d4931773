import Testing

@testable import NumericCore

/// A forward pass in Double: the input's values and each parameter's values (in the layer's
/// `parameters` order) to the output's values, all row-major.
typealias ReferenceForward = (_ input: [Double], _ parameters: [[Double]]) -> [Double]

/// Checks a layer against a Double reference of its forward pass.
///
/// Draws an input and an upstream gradient `w` from `seed`, then checks that:
/// - the Float forward matches the reference within `forwardTolerance` times the largest
///   reference output, and `infer` gives the same bits as `forward`;
/// - the input gradient and every parameter gradient from `backward(w)` match central
///   differences, in Double with step 1e-6, of `L = Σ w · reference(input, parameters)`,
///   within `gradientTolerance` times the largest magnitude of that numeric gradient.
///
/// `inputRange` lets a test keep inputs away from an activation's kink.
func checkGradients(
  of layer: any Layer, inputShape: [Int], reference: ReferenceForward, seed: UInt64,
  inputRange: Range<Float> = -1..<1, forwardTolerance: Double = 1e-5,
  gradientTolerance: Double = 1e-4, sourceLocation: SourceLocation = #_sourceLocation
) {
  var generator = SeededGenerator(seed: seed)
  let input = Tensor.uniform(shape: inputShape, in: inputRange, using: &generator)
  let inputValues = input.scalars.map(Double.init)
  let parameterValues = layer.parameters.map { $0.parameter.value.scalars.map(Double.init) }

  let output = layer.forward(input)
  let expectedOutput = reference(inputValues, parameterValues)
  expectClose(
    output.scalars.map(Double.init), expectedOutput, tolerance: forwardTolerance,
    what: "forward output", sourceLocation: sourceLocation)
  #expect(
    layer.infer(input) == output, "infer differs from forward", sourceLocation: sourceLocation)

  let upstream = Tensor.uniform(shape: output.shape, in: -1..<1, using: &generator)
  let weights = upstream.scalars.map(Double.init)
  layer.zeroGradients()
  let inputGradient = layer.backward(upstream)
  #expect(inputGradient.shape == input.shape, sourceLocation: sourceLocation)

  func objective(_ input: [Double], _ parameters: [[Double]]) -> Double {
    zip(weights, reference(input, parameters)).reduce(0) { $0 + $1.0 * $1.1 }
  }
  let numericInputGradient = centralDifferences(of: inputValues) { objective($0, parameterValues) }
  expectClose(
    inputGradient.scalars.map(Double.init), numericInputGradient, tolerance: gradientTolerance,
    what: "input gradient", sourceLocation: sourceLocation)

  for (index, (name, parameter)) in layer.parameters.enumerated() {
    let numeric = centralDifferences(of: parameterValues[index]) { values in
      var perturbed = parameterValues
      perturbed[index] = values
      return objective(inputValues, perturbed)
    }
    expectClose(
      parameter.gradient.scalars.map(Double.init), numeric, tolerance: gradientTolerance,
      what: "gradient of \(name)", sourceLocation: sourceLocation)
  }
}

/// The central-difference gradient of `function` at `point`, with step `h`.
func centralDifferences(
  of point: [Double], step h: Double = 1e-6, _ function: ([Double]) -> Double
) -> [Double] {
  var gradient = [Double](repeating: 0, count: point.count)
  var perturbed = point
  for index in point.indices {
    perturbed[index] = point[index] + h
    let above = function(perturbed)
    perturbed[index] = point[index] - h
    let below = function(perturbed)
    perturbed[index] = point[index]
    gradient[index] = (above - below) / (2 * h)
  }
  return gradient
}

/// Expects `actual` and `expected` to have equal counts and to differ elementwise by at most
/// `tolerance` times the largest magnitude in `expected` (taken as at least 1e-3), and reports
/// the worst element.
func expectClose(
  _ actual: [Double], _ expected: [Double], tolerance: Double, what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
  let scale = max(expected.map(abs).max() ?? 0, 1e-3)
  var worst = (index: -1, error: 0.0)
  for (index, (a, e)) in zip(actual, expected).enumerated() where abs(a - e) > worst.error {
    worst = (index, abs(a - e))
  }
  #expect(
    worst.error <= tolerance * scale,
    """
    \(what): element \(worst.index) is \(worst.index >= 0 ? actual[worst.index] : 0), \
    expected \(worst.index >= 0 ? expected[worst.index] : 0) (error \(worst.error), \
    allowed \(tolerance * scale))
    """,
    sourceLocation: sourceLocation)
}

/// Replaces every parameter value of `layer` with uniform draws from `range`.
func randomizeParameters(
  of layer: any Layer, in range: Range<Float>, using generator: inout SeededGenerator
) {
  for (_, parameter) in layer.parameters {
    parameter.value = .uniform(shape: parameter.shape, in: range, using: &generator)
  }
}
