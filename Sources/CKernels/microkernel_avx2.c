// The AVX2 micro-kernel: a 6 x 16 tile of C held in 12 ymm registers.
//
// The 16 ymm registers allow 12 accumulators, two B vectors and one broadcast A value; 12
// independent FMA chains keep both FMA pipes busy through their 4-cycle latency. Short tiles
// get their own row-count instantiation; tiles narrower than 16 columns run on a copy of C in
// a local buffer, which gives the same arithmetic as a full tile.
#if defined(__x86_64__)

#include <immintrin.h>
#include <string.h>

#include "microkernel.h"

#define MR 6
#define NR 16
#define AVX2 __attribute__((target("avx2,fma")))
#define INLINE_AVX2 __attribute__((always_inline, target("avx2,fma"))) static inline

INLINE_AVX2 void tileAVX2(const int rows, int64_t kc, const float *a, const float *b, float *c,
                          int64_t ldc, const aez_epilogue *epilogue) {
  _Pragma("unroll") for (int i = 0; i < rows; i++) {
    _mm_prefetch((const char *)(c + i * ldc), _MM_HINT_T0);
    _mm_prefetch((const char *)(c + i * ldc + NR - 1), _MM_HINT_T0);
  }

  __m256 sum0[MR], sum1[MR];
  _Pragma("unroll") for (int i = 0; i < rows; i++) {
    sum0[i] = _mm256_setzero_ps();
    sum1[i] = _mm256_setzero_ps();
  }
  for (int64_t k = 0; k < kc; k++) {
    __m256 b0 = _mm256_loadu_ps(b);
    __m256 b1 = _mm256_loadu_ps(b + 8);
    _Pragma("unroll") for (int i = 0; i < rows; i++) {
      __m256 ai = _mm256_broadcast_ss(a + i);
      sum0[i] = _mm256_fmadd_ps(ai, b0, sum0[i]);
      sum1[i] = _mm256_fmadd_ps(ai, b1, sum1[i]);
    }
    a += MR;
    b += NR;
  }

  __m256 alpha = _mm256_set1_ps(epilogue->alpha);
  __m256 cScale = _mm256_set1_ps(epilogue->cScale);
  __m256 zero = _mm256_setzero_ps();
  _Pragma("unroll") for (int i = 0; i < rows; i++) {
    float *row = c + i * ldc;
    __m256 r0 = _mm256_mul_ps(alpha, sum0[i]);
    __m256 r1 = _mm256_mul_ps(alpha, sum1[i]);
    if (epilogue->loadC) {
      r0 = _mm256_fmadd_ps(cScale, _mm256_loadu_ps(row), r0);
      r1 = _mm256_fmadd_ps(cScale, _mm256_loadu_ps(row + 8), r1);
    }
    if (epilogue->rowBias) {
      __m256 bias = _mm256_set1_ps(epilogue->rowBias[i]);
      r0 = _mm256_add_ps(r0, bias);
      r1 = _mm256_add_ps(r1, bias);
    }
    if (epilogue->relu) {
      // NaN and -0 survive, as in the scalar rule (r < 0 ? 0 : r): max returns operand 2.
      r0 = _mm256_max_ps(zero, r0);
      r1 = _mm256_max_ps(zero, r1);
    }
    _mm256_storeu_ps(row, r0);
    _mm256_storeu_ps(row + 8, r1);
  }
}

AVX2 static void tileRowsAVX2(int64_t kc, const float *a, const float *b, float *c, int64_t ldc,
                              int rows, const aez_epilogue *epilogue) {
  switch (rows) {
#define AEZ_ROWS_CASE(count)                                                                   \
  case count:                                                                                  \
    tileAVX2(count, kc, a, b, c, ldc, epilogue);                                               \
    break;
    AEZ_ROWS_CASE(1)
    AEZ_ROWS_CASE(2)
    AEZ_ROWS_CASE(3)
    AEZ_ROWS_CASE(4)
    AEZ_ROWS_CASE(5)
    AEZ_ROWS_CASE(6)
#undef AEZ_ROWS_CASE
  default:
    break;
  }
}

AVX2 static void microkernelAVX2(int64_t kc, const float *a, const float *b, float *c,
                                 int64_t ldc, int rows, int cols, const aez_epilogue *epilogue) {
  if (cols == NR) {
    tileRowsAVX2(kc, a, b, c, ldc, rows, epilogue);
    return;
  }
  float local[MR * NR] __attribute__((aligned(32)));
  if (epilogue->loadC) {
    for (int i = 0; i < rows; i++) memcpy(local + i * NR, c + i * ldc, sizeof(float) * cols);
  }
  tileRowsAVX2(kc, a, b, local, NR, rows, epilogue);
  for (int i = 0; i < rows; i++) memcpy(c + i * ldc, local + i * NR, sizeof(float) * cols);
}

const aez_microkernel_info aez_microkernel_avx2 = {.mr = MR, .nr = NR, .kernel = microkernelAVX2};

#endif
