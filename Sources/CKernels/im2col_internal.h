// Internals shared by the im2col packers and their per-instruction-set gather loops.
#ifndef CKERNELS_IM2COL_INTERNAL_H
#define CKERNELS_IM2COL_INTERNAL_H

#include <stdint.h>

#include "im2col.h"

/// A stretch of consecutive positions on one row of the output grid, within one sliver.
typedef struct {
  int64_t row, column, length;
  /// Where the run's first value goes, relative to the packed block.
  int64_t destination;
} aez_run;

/// How many implicit-matrix rows ahead the gather prefetches its source.
#define AEZ_PREFETCH_DISTANCE 8

/// Gathers implicit-matrix rows k0 ..< k0 + rowCount over the positions in `runs`, row k going
/// to destination + (k - k0) * rowStride + the run's destination. Results are identical on
/// every path; only the speed of the copies differs.
void aez_gather_rows_portable(const aez_im2col *gather, const float *image, int64_t k0,
                              int64_t rowCount, const aez_run *runs, int64_t runCount,
                              float *destination, int64_t rowStride);
#if defined(__x86_64__)
void aez_gather_rows_avx512(const aez_im2col *gather, const float *image, int64_t k0,
                            int64_t rowCount, const aez_run *runs, int64_t runCount,
                            float *destination, int64_t rowStride);
#endif

#endif
