// The im2col gather loop with AVX-512 copies: 16 values per load for stride 1, and for
// stride 2 two loads and one two-source permute per 16 even-indexed values (SSE2 needs a
// shuffle per 4). Partial vectors at the ends of a run use masked loads and stores, which
// never touch memory outside the mask. Pure data movement: the packed panels are identical to
// the portable gather's.
#if defined(__x86_64__)

#include <immintrin.h>

#include "im2col_internal.h"

#define INLINE_AVX512 __attribute__((always_inline, target("avx512f"))) static inline

/// A mask of the low `count` lanes (count <= 16).
INLINE_AVX512 __mmask16 lowLanes(int64_t count) {
  return count >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << count) - 1);
}

INLINE_AVX512 void zeroFill(float *destination, int64_t length) {
  int64_t t = 0;
  for (; t + 16 <= length; t += 16) _mm512_storeu_ps(destination + t, _mm512_setzero_ps());
  if (t < length) _mm512_mask_storeu_ps(destination + t, lowLanes(length - t), _mm512_setzero_ps());
}

/// Same contract as the portable gatherRun in im2col.c: destination[t] = row[column + t *
/// stride] for t < length, zero outside the plane.
INLINE_AVX512 void gatherRunAVX512(const float *plane, int64_t height, int64_t width, int64_t row,
                                   int64_t column, const int64_t stride, int64_t length,
                                   float *destination) {
  if (row < 0 || row >= height) {
    zeroFill(destination, length);
    return;
  }
  int64_t first = column >= 0 ? 0 : (-column + stride - 1) / stride;
  int64_t end = column >= width ? 0 : (width - column + stride - 1) / stride;
  if (first > length) first = length;
  if (end > length) end = length;
  if (end < first) end = first;
  const float *source = plane + row * width + column;

  zeroFill(destination, first);
  int64_t t = first;
  if (stride == 1) {
    for (; t + 16 <= end; t += 16) _mm512_storeu_ps(destination + t, _mm512_loadu_ps(source + t));
    if (t < end) {
      __mmask16 mask = lowLanes(end - t);
      _mm512_mask_storeu_ps(destination + t, mask, _mm512_maskz_loadu_ps(mask, source + t));
    }
  } else if (stride == 2) {
    const __m512i evens =
        _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    for (; t + 16 <= end; t += 16) {
      // Values t ..< t + 16 read source[2t] ... source[2t + 30]: 31 floats.
      int64_t needed = 31;
      __m512 low = _mm512_maskz_loadu_ps(lowLanes(needed), source + 2 * t);
      __m512 high = _mm512_maskz_loadu_ps(lowLanes(needed - 16), source + 2 * t + 16);
      _mm512_storeu_ps(destination + t, _mm512_permutex2var_ps(low, evens, high));
    }
    if (t < end) {
      int64_t count = end - t, needed = 2 * count - 1;
      __m512 low = _mm512_maskz_loadu_ps(lowLanes(needed), source + 2 * t);
      __m512 high =
          _mm512_maskz_loadu_ps(lowLanes(needed > 16 ? needed - 16 : 0), source + 2 * t + 16);
      _mm512_mask_storeu_ps(destination + t, lowLanes(count),
                            _mm512_permutex2var_ps(low, evens, high));
    }
  } else {
    for (; t < end; t++) destination[t] = source[t * stride];
  }
  zeroFill(destination + end, length - end);
}

#define GATHER_ATTRIBUTES __attribute__((target("avx512f")))
#define GATHER_RUN gatherRunAVX512
#define GATHER_ROWS aez_gather_rows_avx512
#include "im2col_gather_rows.h"

#endif
