// The AVX-512 micro-kernel: a 12 x 32 tile of C held in 24 zmm registers.
//
// Per depth step it loads the 32 B values of the step as two vectors, broadcasts each of the 12
// A values and issues 24 FMAs, so the FMA unit, not the loads, sets the pace: 24 accumulators
// cover the 4-cycle FMA latency several times over, and 2 + 12 loads per 24 FMAs leave the
// load ports idle half the time. Short tiles (fewer than 12 rows) get their own instantiation,
// so an M of 64 or 8 costs no padded rows; short column counts use masked loads and stores.
#if defined(__x86_64__)

#include <immintrin.h>

#include "microkernel.h"

#define MR 12
#define NR 32
#define AVX512 __attribute__((target("avx512f,fma")))
#define INLINE_AVX512 __attribute__((always_inline, target("avx512f,fma"))) static inline

INLINE_AVX512 void tileAVX512(const int rows, int64_t kc, const float *a, const float *b,
                              float *c, int64_t ldc, __mmask16 mask0, __mmask16 mask1,
                              const aez_epilogue *epilogue) {
  // Start fetching C now: it is needed only after the depth loop, and usually comes from L2.
  _Pragma("unroll") for (int i = 0; i < rows; i++) {
    _mm_prefetch((const char *)(c + i * ldc), _MM_HINT_T0);
    _mm_prefetch((const char *)(c + i * ldc + NR - 1), _MM_HINT_T0);
  }

  __m512 sum0[MR], sum1[MR];
  _Pragma("unroll") for (int i = 0; i < rows; i++) {
    sum0[i] = _mm512_setzero_ps();
    sum1[i] = _mm512_setzero_ps();
  }
  for (int64_t k = 0; k < kc; k++) {
    __m512 b0 = _mm512_loadu_ps(b);
    __m512 b1 = _mm512_loadu_ps(b + 16);
    _Pragma("unroll") for (int i = 0; i < rows; i++) {
      __m512 ai = _mm512_set1_ps(a[i]);
      sum0[i] = _mm512_fmadd_ps(ai, b0, sum0[i]);
      sum1[i] = _mm512_fmadd_ps(ai, b1, sum1[i]);
    }
    a += MR;
    b += NR;
  }

  __m512 alpha = _mm512_set1_ps(epilogue->alpha);
  __m512 cScale = _mm512_set1_ps(epilogue->cScale);
  __m512 zero = _mm512_setzero_ps();
  _Pragma("unroll") for (int i = 0; i < rows; i++) {
    float *row = c + i * ldc;
    __m512 r0 = _mm512_mul_ps(alpha, sum0[i]);
    __m512 r1 = _mm512_mul_ps(alpha, sum1[i]);
    if (epilogue->loadC) {
      r0 = _mm512_fmadd_ps(cScale, _mm512_maskz_loadu_ps(mask0, row), r0);
      r1 = _mm512_fmadd_ps(cScale, _mm512_maskz_loadu_ps(mask1, row + 16), r1);
    }
    if (epilogue->rowBias) {
      __m512 bias = _mm512_set1_ps(epilogue->rowBias[i]);
      r0 = _mm512_add_ps(r0, bias);
      r1 = _mm512_add_ps(r1, bias);
    }
    if (epilogue->relu) {
      // max returns its second operand when either is NaN, so NaN survives as in the scalar
      // rule (r < 0 ? 0 : r), and so does -0.
      r0 = _mm512_max_ps(zero, r0);
      r1 = _mm512_max_ps(zero, r1);
    }
    _mm512_mask_storeu_ps(row, mask0, r0);
    _mm512_mask_storeu_ps(row + 16, mask1, r1);
  }
}

AVX512 static void microkernelAVX512(int64_t kc, const float *a, const float *b, float *c,
                                     int64_t ldc, int rows, int cols,
                                     const aez_epilogue *epilogue) {
  __mmask16 mask0 = cols >= 16 ? 0xFFFF : (__mmask16)((1u << cols) - 1);
  __mmask16 mask1 = cols >= 32 ? 0xFFFF : cols <= 16 ? 0 : (__mmask16)((1u << (cols - 16)) - 1);
  switch (rows) {
#define AEZ_ROWS_CASE(count)                                                                   \
  case count:                                                                                  \
    tileAVX512(count, kc, a, b, c, ldc, mask0, mask1, epilogue);                               \
    break;
    AEZ_ROWS_CASE(1)
    AEZ_ROWS_CASE(2)
    AEZ_ROWS_CASE(3)
    AEZ_ROWS_CASE(4)
    AEZ_ROWS_CASE(5)
    AEZ_ROWS_CASE(6)
    AEZ_ROWS_CASE(7)
    AEZ_ROWS_CASE(8)
    AEZ_ROWS_CASE(9)
    AEZ_ROWS_CASE(10)
    AEZ_ROWS_CASE(11)
    AEZ_ROWS_CASE(12)
#undef AEZ_ROWS_CASE
  default:
    break;
  }
}

const aez_microkernel_info aez_microkernel_avx512 = {
    .mr = MR, .nr = NR, .kernel = microkernelAVX512};

#endif
