import EntropyCoding

/// The hyperparameters of a photo codec: its widths, its rate points and its scale table.
///
/// The network is Ballé et al.'s (2018) scale hyperprior: four 5x5 stride-2 convolutions take
/// an RGB image to `latentChannels` planes at 1/16 of its size, and a hyper-analysis takes
/// those to `featureChannels` planes at 1/64. One model serves every rate: each rate point is
/// a quality (the user's scale, 0 to 100) with the λ it was trained for (see ``PhotoCodec``).
public struct PhotoArchitecture: Sendable, Equatable {
  /// One trained operating point: a quality and the rate-distortion trade-off behind it.
  public struct RatePoint: Sendable, Equatable {
    /// The quality this point stands for, in 0...100.
    public var quality: Double
    /// The weight `λ` of the distortion in the loss `λ · 255² · MSE + bits per pixel`.
    public var lambda: Double

    /// A rate point with the given quality and `λ`.
    public init(quality: Double, lambda: Double) {
      self.quality = quality
      self.lambda = lambda
    }
  }

  /// The channels `N` between the layers of every transform, and of the hyper-latent `z`.
  public var featureChannels: Int
  /// The channels `M` of the latent `y`.
  public var latentChannels: Int
  /// The trained operating points, qualities strictly increasing.
  public var ratePoints: [RatePoint]
  /// The number of Gaussian coding tables.
  public var scaleCount: Int
  /// The smallest table scale.
  public var minimumScale: Double
  /// The largest table scale.
  public var maximumScale: Double

  /// The factor by which the analysis shrinks each side of the image.
  public static let latentStride = 16
  /// The factor by which analysis and hyper-analysis together shrink each side of the image;
  /// images must be a multiple of it in both dimensions.
  public static let hyperLatentStride = 64

  /// The default: `N = 64`, `M = 128`, six rate points from about 0.1 to 2 bits per pixel and
  /// 64 log-spaced scales from 0.11 to 256.
  ///
  /// `N = 64` keeps the analysis and the synthesis near 4.5 billion multiply-adds each for a
  /// 768x512 image. `M = 128` rather than 96 costs about 3% more of that but gives the high
  /// rate points room: at 2 bits per pixel each latent carries about 4 bits on average.
  public static let standard = PhotoArchitecture(
    featureChannels: 64, latentChannels: 128,
    ratePoints: [
      RatePoint(quality: 0, lambda: 0.0018), RatePoint(quality: 20, lambda: 0.0045),
      RatePoint(quality: 40, lambda: 0.011), RatePoint(quality: 60, lambda: 0.027),
      RatePoint(quality: 80, lambda: 0.066), RatePoint(quality: 100, lambda: 0.16),
    ])

  /// An architecture with the given hyperparameters.
  ///
  /// - Parameters:
  ///   - featureChannels: `N`, in 1...1024.
  ///   - latentChannels: `M`, in 1...1024.
  ///   - ratePoints: one to 16 points, qualities strictly increasing in 0...100, each `λ`
  ///     positive and finite.
  ///   - scaleCount: the number of table scales, 2...256.
  ///   - minimumScale: the smallest scale, positive.
  ///   - maximumScale: the largest scale, above the smallest and at most 65,536.
  public init(
    featureChannels: Int, latentChannels: Int, ratePoints: [RatePoint], scaleCount: Int = 64,
    minimumScale: Double = 0.11, maximumScale: Double = 256
  ) {
    self.featureChannels = featureChannels
    self.latentChannels = latentChannels
    self.ratePoints = ratePoints
    self.scaleCount = scaleCount
    self.minimumScale = minimumScale
    self.maximumScale = maximumScale
    if let problem = validationProblem() { preconditionFailure(problem.reason) }
  }

  /// The table scales, log-spaced from ``minimumScale`` to ``maximumScale``.
  public var scales: [Double] {
    GaussianConditional.logSpacedScales(
      count: scaleCount, minimum: minimumScale, maximum: maximumScale)
  }

  /// The rate point of `quality`, or nil when it is not one of the trained qualities.
  public func ratePointIndex(ofQuality quality: Double) -> Int? {
    ratePoints.firstIndex { $0.quality == quality }
  }

  /// The first broken rule, as the field and a reason, or nil when the values are usable.
  func validationProblem() -> (field: String, reason: String)? {
    guard (1...1024).contains(featureChannels) else {
      return ("featureChannels", "\(featureChannels) is not in 1...1024")
    }
    guard (1...1024).contains(latentChannels) else {
      return ("latentChannels", "\(latentChannels) is not in 1...1024")
    }
    guard (1...16).contains(ratePoints.count) else {
      return ("ratePoints", "\(ratePoints.count) rate points, expected 1...16")
    }
    for (index, point) in ratePoints.enumerated() {
      guard point.quality >= 0 && point.quality <= 100 else {
        return ("ratePoints", "quality \(point.quality) is not in 0...100")
      }
      guard index == 0 || point.quality > ratePoints[index - 1].quality else {
        return ("ratePoints", "qualities must increase, \(point.quality) does not")
      }
      guard point.lambda > 0 && point.lambda.isFinite else {
        return ("ratePoints", "lambda \(point.lambda) is not positive and finite")
      }
    }
    guard (2...256).contains(scaleCount) else {
      return ("scaleCount", "\(scaleCount) is not in 2...256")
    }
    guard minimumScale > 0 && maximumScale > minimumScale && maximumScale <= 65_536 else {
      return ("scales", "\(minimumScale)...\(maximumScale) is not a range within (0, 65536]")
    }
    return nil
  }
}

extension PhotoArchitecture {
  /// The architecture's JSON form, as stored in model files, with the name `"photo"`.
  public var json: [String: JSONValue] {
    [
      "name": "photo",
      "featureChannels": .number(Double(featureChannels)),
      "latentChannels": .number(Double(latentChannels)),
      "ratePoints": .array(
        ratePoints.map { .object(["quality": .number($0.quality), "lambda": .number($0.lambda)]) }
      ),
      "scaleCount": .number(Double(scaleCount)),
      "minimumScale": .number(minimumScale),
      "maximumScale": .number(maximumScale),
    ]
  }

  /// Reads an architecture from its JSON form.
  ///
  /// - Throws: `ModelFileError.unknownArchitecture` when the name is not `"photo"`, and
  ///   `ModelFileError.malformed` naming the first missing or invalid key.
  public init(json: [String: JSONValue]) throws {
    let name = json["name"]?.string ?? ""
    guard name == "photo" else { throw ModelFileError.unknownArchitecture(name) }
    func number(_ key: String) throws -> Double {
      guard let value = json[key]?.number, value.isFinite else {
        throw ModelFileError.malformed(field: "architecture.\(key)", reason: "not a number")
      }
      return value
    }
    func size(_ key: String) throws -> Int {
      let value = try number(key)
      guard value == value.rounded(), abs(value) < 1e6 else {
        throw ModelFileError.malformed(field: "architecture.\(key)", reason: "not an integer")
      }
      return Int(value)
    }
    guard let points = json["ratePoints"]?.array else {
      throw ModelFileError.malformed(field: "architecture.ratePoints", reason: "not an array")
    }
    var ratePoints: [RatePoint] = []
    for point in points {
      guard let quality = point.object?["quality"]?.number,
        let lambda = point.object?["lambda"]?.number
      else {
        throw ModelFileError.malformed(
          field: "architecture.ratePoints", reason: "a point lacks quality or lambda")
      }
      ratePoints.append(RatePoint(quality: quality, lambda: lambda))
    }
    featureChannels = try size("featureChannels")
    latentChannels = try size("latentChannels")
    self.ratePoints = ratePoints
    scaleCount = try size("scaleCount")
    minimumScale = try number("minimumScale")
    maximumScale = try number("maximumScale")
    if let problem = validationProblem() {
      throw ModelFileError.malformed(field: "architecture.\(problem.field)", reason: problem.reason)
    }
  }
}
