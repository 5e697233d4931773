// Benchmarks for the numeric core and the codec.
//
// Usage: Benchmarks [group ...]   (no argument runs every group)
// Each group lives in its own file and registers here; results go to stdout, one line each.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A named set of benchmarks.
struct BenchmarkGroup {
  let name: String
  let summary: String
  let run: () -> Void
}

let groups: [BenchmarkGroup] = [
  BenchmarkGroup(
    name: "kernels", summary: "sgemm and 5x5 stride-2 convolutions on every dispatch path",
    run: KernelBenchmarks.run)
]

let requested = Array(CommandLine.arguments.dropFirst())
if requested.contains("--help") || requested.contains("-h") {
  print("usage: Benchmarks [group ...]\n\ngroups:")
  for group in groups { print("  \(group.name): \(group.summary)") }
} else {
  let unknown = requested.filter { name in !groups.contains { $0.name == name } }
  if !unknown.isEmpty {
    let known = groups.map(\.name).joined(separator: ", ")
    BenchmarkOutput.standardError(
      "error: unknown benchmark group \(unknown.joined(separator: ", ")); known: \(known)")
    exit(64)
  }
  for group in groups where requested.isEmpty || requested.contains(group.name) {
    print("== \(group.name)")
    group.run()
  }
}
