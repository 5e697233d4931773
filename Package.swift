// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "aez",
  products: [
    .executable(name: "aez", targets: ["aez"]),
    .library(name: "Decoder", targets: ["Decoder"]),
    .library(name: "Codec", targets: ["Codec"]),
  ],
  targets: [
    // System libraries from Debian, found through pkg-config.
    .systemLibrary(
      name: "CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    // C shims and kernels.
    .target(name: "PNGShim", dependencies: ["CLibPNG"]),
    .target(name: "CKernels"),
    .target(name: "CEmbeddedModels"),

    // Swift libraries, bottom to top.
    .target(name: "Image", dependencies: ["PNGShim"]),
    .target(name: "NumericCore", dependencies: ["CKernels"]),
    .target(name: "EntropyCoding"),
    .target(
      name: "Models", dependencies: ["NumericCore", "EntropyCoding", "CEmbeddedModels"]),
    .target(name: "Decoder", dependencies: ["Image", "Models", "EntropyCoding"]),
    .target(
      name: "Codec", dependencies: ["Decoder", "Models", "NumericCore", "EntropyCoding", "Image"]),
    .target(name: "Training", dependencies: ["Codec", "CZlib"]),
    .target(name: "Reports", dependencies: ["Image"]),
    .target(name: "CommandLineKit"),
    .target(name: "CLI", dependencies: ["Codec", "Training", "Reports", "CommandLineKit"]),
    .executableTarget(name: "aez", dependencies: ["CLI"]),
    .executableTarget(name: "Benchmarks", dependencies: ["CKernels", "NumericCore", "Training"]),

    .testTarget(name: "KernelsTests", dependencies: ["CKernels"]),
    .testTarget(name: "ImageTests", dependencies: ["Image"]),
    .testTarget(name: "NumericCoreTests", dependencies: ["NumericCore"]),
    .testTarget(name: "EntropyCodingTests", dependencies: ["EntropyCoding"]),
    .testTarget(name: "ModelsTests", dependencies: ["Models"]),
    .testTarget(name: "DecoderTests", dependencies: ["Decoder"]),
    .testTarget(name: "CodecTests", dependencies: ["Codec"]),
    .testTarget(name: "TrainingTests", dependencies: ["Training"]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
    .testTarget(name: "CommandLineKitTests", dependencies: ["CommandLineKit"]),
    .testTarget(name: "CLITests", dependencies: ["CLI"]),
  ]
)
