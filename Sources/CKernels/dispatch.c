// Chooses the instruction-set path once, from what the CPU reports, and holds the thread count.
//
// The binary is built for baseline x86-64 (or arm64); the AVX2 and AVX-512 kernels are compiled
// with per-function target attributes and only ever called after __builtin_cpu_supports says
// the CPU and operating system can run them.
#include <stdatomic.h>
#include <unistd.h>

#include "CKernels.h"
#include "microkernel.h"

/// -1 until first use, then an aez_kernel_path.
static _Atomic int selectedPath = -1;
/// 0 until first use, then the number of threads.
static _Atomic int selectedThreadCount = 0;

int aez_kernel_path_is_supported(aez_kernel_path path) {
  switch (path) {
  case AEZ_KERNEL_PATH_PORTABLE:
    return 1;
#if defined(__x86_64__)
  case AEZ_KERNEL_PATH_AVX2:
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  case AEZ_KERNEL_PATH_AVX512:
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma");
#endif
  default:
    return 0;
  }
}

static aez_kernel_path bestSupportedPath(void) {
  if (aez_kernel_path_is_supported(AEZ_KERNEL_PATH_AVX512)) return AEZ_KERNEL_PATH_AVX512;
  if (aez_kernel_path_is_supported(AEZ_KERNEL_PATH_AVX2)) return AEZ_KERNEL_PATH_AVX2;
  return AEZ_KERNEL_PATH_PORTABLE;
}

aez_kernel_path aez_kernel_path_current(void) {
  int path = atomic_load_explicit(&selectedPath, memory_order_relaxed);
  if (path < 0) {
    // Racing first callers all compute the same answer, so a plain store is enough.
    path = (int)bestSupportedPath();
    atomic_store_explicit(&selectedPath, path, memory_order_relaxed);
  }
  return (aez_kernel_path)path;
}

int aez_kernel_path_set(aez_kernel_path path) {
  if (!aez_kernel_path_is_supported(path)) return 0;
  atomic_store_explicit(&selectedPath, (int)path, memory_order_relaxed);
  return 1;
}

const aez_microkernel_info *aez_microkernel_for_path(aez_kernel_path path) {
  switch (path) {
#if defined(__x86_64__)
  case AEZ_KERNEL_PATH_AVX512:
    return &aez_microkernel_avx512;
  case AEZ_KERNEL_PATH_AVX2:
    return &aez_microkernel_avx2;
#endif
  default:
    return &aez_microkernel_portable;
  }
}

const aez_microkernel_info *aez_microkernel_current(void) {
  return aez_microkernel_for_path(aez_kernel_path_current());
}

int aez_thread_count(void) {
  int count = atomic_load_explicit(&selectedThreadCount, memory_order_relaxed);
  if (count == 0) {
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    count = online > 0 ? (int)online : 1;
    atomic_store_explicit(&selectedThreadCount, count, memory_order_relaxed);
  }
  return count;
}

void aez_thread_count_set(int count) {
  atomic_store_explicit(&selectedThreadCount, count < 1 ? 1 : count, memory_order_relaxed);
}
