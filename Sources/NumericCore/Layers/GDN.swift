/// Generalized divisive normalization across channels (Ballé, Laparra and Simoncelli), or its
/// inverse, for NCHW batches.
///
/// With `x` of shape `[batch, channels, height, width]`, at every sample and pixel:
/// - GDN: `y_i = x_i / sqrt(β_i + Σ_j γ_ij x_j²)`
/// - inverse GDN: `y_i = x_i · sqrt(β_i + Σ_j γ_ij x_j²)`
///
/// The channel sum is a `[channels, channels]` by `[channels, height · width]` matrix product
/// per sample. `β` and `γ` must stay positive, so the stored parameters `beta` (`[channels]`)
/// and `gamma` (`[channels, channels]`, row `i` for output channel `i`) are lower-bounded and
/// squared: `β = max(beta, sqrt(βmin + ε))² − ε` and `γ = max(gamma, sqrt(ε))² − ε`, with
/// pedestal `ε = 2⁻³⁶` and `βmin = 1e-6`, which keeps `β ≥ βmin` and `γ ≥ 0`. Through the
/// bound the gradient passes when the stored value is above it or when gradient descent would
/// raise the value, so a parameter held at its bound can leave it. The layer starts at
/// `β = 1`, `γ = 0.1 · I`.
///
/// - Complexity: Forward costs `batch · height · width · channels²` multiply-adds; backward
///   twice that. Forward keeps one extra tensor of the input's size for backward, and backward
///   uses three more as scratch.
public final class GDN: Layer {
  /// The number of channels normalized together.
  public let channels: Int

  /// Whether this is the inverse transform (multiplying instead of dividing), used in decoders.
  public let inverse: Bool

  /// The stored `beta`, `[channels]`; the effective `β` is derived from it as described above.
  public let beta: Parameter

  /// The stored `gamma`, `[channels, channels]`; the effective `γ` is derived from it.
  public let gamma: Parameter

  /// The pedestal `ε` added before the square root of the reparametrization.
  static let pedestal: Float = 0x1p-36

  /// The bound on the stored `beta`, `sqrt(βmin + ε)` with `βmin = 1e-6`.
  static let betaBound: Float = (1e-6 + pedestal).squareRoot()

  /// The bound on the stored `gamma`, `sqrt(ε)`.
  static let gammaBound: Float = pedestal.squareRoot()

  /// The input and `r = sqrt(β + γ x²)` of the last forward pass.
  private var cache: (input: Tensor, root: Tensor)?

  /// Creates a GDN or inverse GDN layer with `β = 1` and `γ = 0.1 · I`.
  ///
  /// - Parameters:
  ///   - channels: The number of channels.
  ///   - inverse: Whether to multiply by the norm (inverse GDN) instead of dividing.
  public init(channels: Int, inverse: Bool = false) {
    precondition(channels > 0, "GDN needs at least one channel")
    self.channels = channels
    self.inverse = inverse
    let pedestal = GDN.pedestal
    beta = Parameter(
      Tensor(shape: [channels], repeating: (1 + pedestal).squareRoot()), appliesWeightDecay: false)
    var initialGamma = Tensor(shape: [channels, channels], repeating: GDN.gammaBound)
    initialGamma.withUnsafeMutableBufferPointer { values in
      for channel in 0..<channels {
        values[channel * channels + channel] = (0.1 + pedestal).squareRoot()
      }
    }
    gamma = Parameter(initialGamma, appliesWeightDecay: false)
  }

  /// The parameters `beta` and `gamma`.
  public var parameters: [(name: String, parameter: Parameter)] {
    [("beta", beta), ("gamma", gamma)]
  }

  /// The effective `β`, computed from the stored `beta`.
  public var effectiveBeta: Tensor {
    GDN.boundedSquare(beta.value, bound: GDN.betaBound)
  }

  /// The effective `γ`, computed from the stored `gamma`.
  public var effectiveGamma: Tensor {
    GDN.boundedSquare(gamma.value, bound: GDN.gammaBound)
  }

  /// `max(stored, bound)² − ε`, elementwise.
  private static func boundedSquare(_ stored: Tensor, bound: Float) -> Tensor {
    stored.mapped { Swift.max($0, bound) * Swift.max($0, bound) - pedestal }
  }

  /// Normalizes an NCHW input and caches it with its norms.
  public func forward(_ input: Tensor) -> Tensor {
    let root = self.root(of: input)
    cache = (input, root)
    return output(input, root: root)
  }

  /// Normalizes an NCHW input.
  public func infer(_ input: Tensor) -> Tensor {
    output(input, root: root(of: input))
  }

  /// Adds the gradients of `beta` and `gamma` and returns the input gradient.
  ///
  /// With `r_i = sqrt(β_i + Σ_j γ_ij x_j²)` and `g = dL/dy`, the gradient with respect to the
  /// norm `r_i²` is `q_i = −g_i x_i / (2 r_i³)` for GDN and `g_i x_i / (2 r_i)` for the
  /// inverse; then `dL/dβ_i = Σ q_i`, `dL/dγ_ij = Σ q_i x_j²` and
  /// `dL/dx_j = g_j / r_j (or g_j r_j) + 2 x_j Σ_i γ_ij q_i`, summing over samples and pixels.
  public func backward(_ outputGradient: Tensor) -> Tensor {
    guard let (input, root) = cache else {
      preconditionFailure("GDN.backward needs a preceding forward")
    }
    cache = nil
    precondition(
      outputGradient.shape == input.shape,
      "GDN output gradient must be \(input.shape), got \(outputGradient.shape)")
    let (batch, pixels) = (input.shape[0], input.shape[2] * input.shape[3])

    let scaled = outputGradient * input
    let normGradient =
      inverse
      ? scaled.combined(with: root) { 0.5 * $0 / $1 }
      : scaled.combined(with: root) { -0.5 * $0 / ($1 * $1 * $1) }
    let directGradient =
      inverse ? outputGradient * root : outputGradient.combined(with: root) { $0 / $1 }
    let squares = input * input

    // Per sample: dL/dγ += q (x²)ᵀ, and mixed = γᵀ q, the gradient with respect to each x_j².
    let gammaValues = effectiveGamma
    var gammaGradient = Tensor(shape: [channels, channels])
    var mixed = Tensor.uninitialized(shape: input.shape)
    normGradient.withPointer { q in
      squares.withPointer { s in
        gammaValues.withPointer { gammaPointer in
          gammaGradient.withMutablePointer { dGamma in
            mixed.withMutablePointer { mixed in
              for offset in stride(from: 0, to: input.count, by: channels * pixels) {
                Kernels.multiply(
                  rows: channels, columns: channels, inner: pixels,
                  q + offset, leadingA: pixels, s + offset, transposingB: true, leadingB: pixels,
                  into: dGamma, leadingC: channels, beta: 1)
                Kernels.multiply(
                  rows: channels, columns: pixels, inner: channels,
                  gammaPointer, transposingA: true, leadingA: channels, q + offset,
                  leadingB: pixels, into: mixed + offset, leadingC: pixels, beta: 0)
              }
            }
          }
        }
      }
    }

    // dL/dβ_i sums q over the samples and pixels of channel i.
    var betaGradient = [Float](repeating: 0, count: channels)
    normGradient.withUnsafeBufferPointer { q in
      for plane in 0..<(batch * channels) {
        let values = UnsafeBufferPointer(rebasing: q[(plane * pixels)..<((plane + 1) * pixels)])
        betaGradient[plane % channels] += Float(VectorMath.sum(values))
      }
    }

    accumulateBoundedSquareGradient(
      beta, effectiveGradient: Tensor(shape: [channels], scalars: betaGradient),
      bound: GDN.betaBound)
    accumulateBoundedSquareGradient(gamma, effectiveGradient: gammaGradient, bound: GDN.gammaBound)
    return directGradient + 2 * (input * mixed)
  }

  /// `r = sqrt(β_i + Σ_j γ_ij x_j²)` at every sample, channel and pixel of `input`.
  private func root(of input: Tensor) -> Tensor {
    precondition(
      input.shape.count == 4 && input.shape[1] == channels,
      "GDN expects [batch, \(channels), height, width], got \(input.shape)")
    let pixels = input.shape[2] * input.shape[3]
    let squares = input * input
    let betaValues = effectiveBeta
    let gammaValues = effectiveGamma

    let norm = Tensor(uninitializedShape: input.shape) { norm in
      squares.withPointer { s in
        betaValues.withPointer { betaPointer in
          gammaValues.withPointer { gammaPointer in
            for offset in stride(from: 0, to: input.count, by: channels * pixels) {
              // Each row starts at β_i; the product then adds Σ_j γ_ij x_j² (beta = 1).
              for channel in 0..<channels {
                (norm + offset + channel * pixels).initialize(
                  repeating: betaPointer[channel], count: pixels)
              }
              Kernels.multiply(
                rows: channels, columns: pixels, inner: channels,
                gammaPointer, leadingA: channels, s + offset, leadingB: pixels,
                into: norm + offset, leadingC: pixels, beta: 1)
            }
          }
        }
      }
    }
    return norm.mapped { $0.squareRoot() }
  }

  /// `x / r` for GDN, `x · r` for the inverse.
  private func output(_ input: Tensor, root: Tensor) -> Tensor {
    inverse ? input * root : input.combined(with: root) { $0 / $1 }
  }

  /// Adds to `parameter.gradient` the chain rule through `max(stored, bound)² − ε`, letting the
  /// gradient through the bound when the stored value is above it or would be raised.
  private func accumulateBoundedSquareGradient(
    _ parameter: Parameter, effectiveGradient: Tensor, bound: Float
  ) {
    let chained = parameter.value.combined(with: effectiveGradient) { stored, gradient in
      stored >= bound || gradient < 0 ? 2 * Swift.max(stored, bound) * gradient : 0
    }
    parameter.gradient += chained
  }
}
