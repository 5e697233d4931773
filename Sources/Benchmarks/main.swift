// Benchmarks for the numeric core and the codec.
print("benchmarks")
