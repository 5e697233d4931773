import Image
import Testing

/// A synthetic pair and the values independent implementations report for it.
///
/// References come from Fixtures/metric_references.py with numpy 2.4.6, scikit-image 0.26.0
/// and TensorFlow 2.21.0 (tensorflow-cpu), on the same integer-defined images:
/// - `mse`, `psnr`: `skimage.metrics.mean_squared_error(a, b)` and
///   `peak_signal_noise_ratio(a, b, data_range=255)` on float64 arrays;
/// - `ssim`: `skimage.metrics.structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
///   use_sample_covariance=False, data_range=255, channel_axis=-1)` (no `channel_axis` for
///   grey) on float64 arrays;
/// - `msssim`: `tf.image.ssim_multiscale(a, b, max_val=255.0, power_factors=w)` on float32
///   tensors `[1, h, w, c]`, with `w` the five published weights, or for fewer levels the first
///   ones divided by their sum. Only sides divisible by 2^(levels-1) are used, where
///   TensorFlow's padding never applies.
struct MetricReference: Sendable, CustomTestStringConvertible {
  let name: String
  let width: Int
  let height: Int
  let layout: PixelBuffer.Layout
  let distortion: MetricFixtures.Distortion
  let mse: Double
  let psnr: Double
  let ssim: Double
  /// MS-SSIM from TensorFlow and the number of levels it used, when the size suits it.
  let msssim: (value: Double, levels: Int)?

  var testDescription: String { name }
}

private let references: [MetricReference] = [
  MetricReference(
    name: "RGB 64x48 noisy", width: 64, height: 48, layout: .rgb, distortion: .noise,
    mse: 79.94118923611111, psnr: 29.103097561627504, ssim: 0.6783820311211343,
    msssim: (0.9441496729850769, 3)),
  MetricReference(
    name: "RGB 64x48 blurred", width: 64, height: 48, layout: .rgb, distortion: .boxBlur,
    mse: 11.948676215277779, psnr: 37.357605680729556, ssim: 0.9288590338404838,
    msssim: (0.9857661128044128, 3)),
  MetricReference(
    name: "grey 37x23 blurred", width: 37, height: 23, layout: .grey, distortion: .boxBlur,
    mse: 10.922444183313749, psnr: 37.74760526844581, ssim: 0.945093227513537, msssim: nil),
  MetricReference(
    name: "RGB 176x176 noisy", width: 176, height: 176, layout: .rgb, distortion: .noise,
    mse: 79.81272598140495, psnr: 29.11008216599173, ssim: 0.6242353082636347,
    msssim: (0.9479939341545105, 5)),
  MetricReference(
    name: "grey 192x176 blurred", width: 192, height: 176, layout: .grey,
    distortion: .boxBlur, mse: 11.846472537878787, psnr: 37.39491308867204,
    ssim: 0.9193192623676149, msssim: (0.9866986870765686, 5)),
]

@Suite("Image quality against reference implementations")
struct ImageQualityReferenceTests {
  /// scikit-image works in float64 like this code, so only summation order differs.
  private static let float64Tolerance = 1e-9
  /// TensorFlow converts to float32: its SSIM differs from scikit-image's by up to 1e-6 on
  /// these pairs, and its MS-SSIM from this code's by up to 7e-7.
  private static let float32Tolerance = 2e-6

  @Test("MSE, PSNR and SSIM match scikit-image", arguments: references)
  func scikitImage(_ reference: MetricReference) throws {
    let original = MetricFixtures.gradient(
      width: reference.width, height: reference.height, layout: reference.layout)
    let distorted = MetricFixtures.distorted(original, by: reference.distortion)

    let mse = try ImageQuality.meanSquaredError(original, distorted)
    let psnr = try ImageQuality.peakSignalToNoiseRatio(original, distorted)
    let ssim = try ImageQuality.structuralSimilarity(original, distorted)

    #expect(abs(mse - reference.mse) <= Self.float64Tolerance * reference.mse)
    #expect(abs(psnr - reference.psnr) <= Self.float64Tolerance * reference.psnr)
    #expect(abs(ssim - reference.ssim) <= Self.float64Tolerance, "got \(ssim)")
  }

  @Test("MS-SSIM matches TensorFlow", arguments: references.filter { $0.msssim != nil })
  func tensorFlow(_ reference: MetricReference) throws {
    let expected = try #require(reference.msssim)
    let original = MetricFixtures.gradient(
      width: reference.width, height: reference.height, layout: reference.layout)
    let distorted = MetricFixtures.distorted(original, by: reference.distortion)

    let levels = ImageQuality.multiScaleLevelCount(width: reference.width, height: reference.height)
    let msssim = try ImageQuality.multiScaleStructuralSimilarity(original, distorted)

    #expect(levels == expected.levels)
    #expect(abs(msssim - expected.value) <= Self.float32Tolerance, "got \(msssim)")
  }

  @Test("a 16-bit copy scores the same as the 8-bit original")
  func sixteenBitScale() throws {
    let original = MetricFixtures.gradient(width: 64, height: 48, layout: .rgb)
    let distorted = MetricFixtures.distorted(original, by: .noise)
    let wide = distorted.converted(to: .sixteen)

    #expect(
      abs(try ImageQuality.meanSquaredError(original, wide) - 79.94118923611111) <= 1e-9)
    #expect(
      abs(try ImageQuality.structuralSimilarity(original, wide) - 0.6783820311211343) <= 1e-9)
  }
}
