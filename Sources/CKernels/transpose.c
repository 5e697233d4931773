// Block transposes for packing (see transpose.h). SSE2 is part of baseline x86-64, so this
// needs no dispatch.
#include "transpose.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

void aez_transpose(const float *source, int64_t sourceStride, int64_t rows, int64_t columns,
                   float *destination, int64_t destinationStride) {
  int64_t i = 0;
#if defined(__SSE2__)
  for (; i + 4 <= rows; i += 4) {
    const float *row0 = source + i * sourceStride;
    const float *row1 = row0 + sourceStride, *row2 = row1 + sourceStride;
    const float *row3 = row2 + sourceStride;
    int64_t j = 0;
    for (; j + 4 <= columns; j += 4) {
      __m128 a = _mm_loadu_ps(row0 + j), b = _mm_loadu_ps(row1 + j);
      __m128 c = _mm_loadu_ps(row2 + j), d = _mm_loadu_ps(row3 + j);
      _MM_TRANSPOSE4_PS(a, b, c, d);
      float *out = destination + j * destinationStride + i;
      _mm_storeu_ps(out, a);
      _mm_storeu_ps(out + destinationStride, b);
      _mm_storeu_ps(out + 2 * destinationStride, c);
      _mm_storeu_ps(out + 3 * destinationStride, d);
    }
    for (; j < columns; j++) {
      float *out = destination + j * destinationStride + i;
      out[0] = row0[j];
      out[1] = row1[j];
      out[2] = row2[j];
      out[3] = row3[j];
    }
  }
#endif
  for (; i < rows; i++) {
    const float *row = source + i * sourceStride;
    for (int64_t j = 0; j < columns; j++) destination[j * destinationStride + i] = row[j];
  }
}
