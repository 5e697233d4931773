import CKernels
import Testing

extension KernelsTests {
  @Suite("Dispatch path and thread count")
  struct KernelPathTests {
    @Test func portablePathIsAlwaysSupported() {
      #expect(aez_kernel_path_is_supported(AEZ_KERNEL_PATH_PORTABLE) == 1)
    }

    @Test func eachSupportedPathCanBeSelected() {
      for path in KernelPath.supported {
        withKernelSettings(path: path, threads: 1) {
          #expect(aez_kernel_path_current() == path.raw, "\(path)")
        }
      }
    }

    @Test func unknownPathIsRefusedAndChangesNothing() {
      let before = aez_kernel_path_current()
      #expect(aez_kernel_path_set(aez_kernel_path(rawValue: 7)) == 0)
      #expect(aez_kernel_path_is_supported(aez_kernel_path(rawValue: 7)) == 0)
      #expect(aez_kernel_path_current() == before)
    }

    @Test func threadCountIsAtLeastOne() {
      let saved = aez_thread_count()
      defer { aez_thread_count_set(saved) }
      aez_thread_count_set(0)
      #expect(aez_thread_count() == 1)
      aez_thread_count_set(-5)
      #expect(aez_thread_count() == 1)
      aez_thread_count_set(3)
      #expect(aez_thread_count() == 3)
    }
  }
}
