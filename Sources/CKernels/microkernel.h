// The register-blocked inner kernel every GEMM-shaped computation ends in, and the table of
// instruction-set paths that provide one.
//
// A micro-kernel multiplies a packed MR x kc sliver of A by a packed kc x NR sliver of B:
//
//   packedA[k * MR + i] = A(i, k)      (for each k, MR consecutive rows)
//   packedB[k * NR + j] = B(k, j)      (for each k, NR consecutive columns)
//
// and keeps the MR x NR sums in vector registers. Each sum is one chain of fused multiply-adds
// in increasing k, starting from zero, so an element's value depends only on its own row of A,
// its own column of B and kc: never on the tile it sits in, the tile's size or the thread that
// ran it. The AVX2 and AVX-512 kernels perform exactly the same operations per element, and so
// does the portable kernel where the compiler targets hardware FMA (arm64), which makes those
// paths bit-identical. The portable kernel on x86-64 without FMA rounds the product separately.
#ifndef CKERNELS_MICROKERNEL_H
#define CKERNELS_MICROKERNEL_H

#include <stdint.h>

#include "CKernels.h"

/// What a micro-kernel does with its sums before storing them to C.
///
/// Per element, in this order (r is the register sum over this call's kc terms):
///   r = alpha * r
///   if loadC:  r = fma(cScale, C, r)      (C is not read otherwise, so it may hold NaN)
///   if rowBias: r = r + rowBias[i]        (i is the row within the tile)
///   if relu:   r = (r < 0) ? 0 : r        (NaN passes through)
///   C = r
typedef struct {
  float alpha;
  float cScale;
  int loadC;
  int relu;
  const float *rowBias;
} aez_epilogue;

/// Computes one tile: C[0..<rows, 0..<cols] = epilogue(packedA * packedB).
///
/// `rows` <= MR and `cols` <= NR; packed slivers are always full width (zero padded), and only
/// the valid part of C is read or written. `kc` may be 0 (the sums are then zero).
typedef void (*aez_microkernel_fn)(int64_t kc, const float *packedA, const float *packedB,
                                   float *c, int64_t ldc, int rows, int cols,
                                   const aez_epilogue *epilogue);

/// A path's micro-kernel and its register-block shape.
typedef struct {
  int mr;
  int nr;
  aez_microkernel_fn kernel;
} aez_microkernel_info;

/// The micro-kernel of the path currently selected (see aez_kernel_path_current).
const aez_microkernel_info *aez_microkernel_current(void);

/// The micro-kernel of `path`; the caller checks that the machine supports it.
const aez_microkernel_info *aez_microkernel_for_path(aez_kernel_path path);

extern const aez_microkernel_info aez_microkernel_portable;
#if defined(__x86_64__)
extern const aez_microkernel_info aez_microkernel_avx2;
extern const aez_microkernel_info aez_microkernel_avx512;
#endif

#endif
