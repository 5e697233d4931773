// Small-block transposes used by the packers.
#ifndef CKERNELS_TRANSPOSE_H
#define CKERNELS_TRANSPOSE_H

#include <stdint.h>

/// destination[j * destinationStride + i] = source[i * sourceStride + j] for i < rows and
/// j < columns. Works in 4 x 4 blocks with SSE2 shuffles on x86-64, element by element
/// elsewhere. Pure data movement, so every path gets identical results.
void aez_transpose(const float *source, int64_t sourceStride, int64_t rows, int64_t columns,
                   float *destination, int64_t destinationStride);

#endif
