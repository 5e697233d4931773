// The portable micro-kernel: a 4 x 16 tile (4 x 8 on x86-64) in C with 4-lane vector
// extensions, for any CPU.
//
// Four-lane vectors map onto NEON on arm64 and SSE2 on baseline x86-64. arm64 has 32 vector
// registers, so 16 accumulators fit; baseline x86-64 has 16, so it takes half the columns to
// keep the sums out of the stack. Where the target has hardware FMA (arm64) the sums use a
// fused multiply-add and match the AVX2 and AVX-512 paths bit for bit; on x86-64 without it
// the product is rounded before the add, and results differ from the other paths by rounding.
#include "microkernel.h"

// Only explicit fused multiply-adds may fuse: implicit contraction would make the rounding
// depend on the compiler.
#pragma STDC FP_CONTRACT OFF

#define MR 4
#if defined(__x86_64__)
#define NR 8
#else
#define NR 16
#endif
#define LANES 4
#define VECTORS (NR / LANES)

typedef float aez_vector4 __attribute__((vector_size(16)));

#if (defined(__FMA__) || defined(__ARM_FEATURE_FMA)) && defined(__has_builtin)
#if __has_builtin(__builtin_elementwise_fma)
#define AEZ_FUSED 1
#endif
#endif

#if defined(AEZ_FUSED)
#define MULTIPLY_ADD(a, b, c) __builtin_fmaf((a), (b), (c))
#define VECTOR_MULTIPLY_ADD(a, b, c) __builtin_elementwise_fma((a), (b), (c))
#else
#define MULTIPLY_ADD(a, b, c) ((a) * (b) + (c))
#define VECTOR_MULTIPLY_ADD(a, b, c) ((a) * (b) + (c))
#endif

static void microkernelPortable(int64_t kc, const float *a, const float *b, float *c,
                                int64_t ldc, int rows, int cols, const aez_epilogue *epilogue) {
  aez_vector4 sum[MR][VECTORS];
  _Pragma("unroll") for (int i = 0; i < MR; i++) {
    _Pragma("unroll") for (int v = 0; v < VECTORS; v++) sum[i][v] = (aez_vector4){0, 0, 0, 0};
  }
  for (int64_t k = 0; k < kc; k++) {
    aez_vector4 bVector[VECTORS];
    _Pragma("unroll") for (int v = 0; v < VECTORS; v++)
        __builtin_memcpy(&bVector[v], b + v * LANES, sizeof(aez_vector4));
    _Pragma("unroll") for (int i = 0; i < MR; i++) {
      aez_vector4 aValue = (aez_vector4){a[i], a[i], a[i], a[i]};
      _Pragma("unroll") for (int v = 0; v < VECTORS; v++)
          sum[i][v] = VECTOR_MULTIPLY_ADD(aValue, bVector[v], sum[i][v]);
    }
    a += MR;
    b += NR;
  }

  float tile[MR][NR];
  __builtin_memcpy(tile, sum, sizeof(tile));
  for (int i = 0; i < rows; i++) {
    float *row = c + i * ldc;
    for (int j = 0; j < cols; j++) {
      float r = epilogue->alpha * tile[i][j];
      if (epilogue->loadC) r = MULTIPLY_ADD(epilogue->cScale, row[j], r);
      if (epilogue->rowBias) r = r + epilogue->rowBias[i];
      if (epilogue->relu) r = r < 0 ? 0 : r;
      row[j] = r;
    }
  }
}

const aez_microkernel_info aez_microkernel_portable = {
    .mr = MR, .nr = NR, .kernel = microkernelPortable};
