// The row-gathering loop of the im2col packers, written once and compiled once per
// instruction set. A file that includes it first defines:
//   GATHER_ATTRIBUTES  function attributes (a target attribute, or nothing)
//   GATHER_RUN         an always-inline copier with the signature of a run gather:
//                      (plane, height, width, row, column, stride, length, destination)
//   GATHER_ROWS        the name of the function to define (see im2col_internal.h)
// Included only by im2col.c and im2col_avx512.c; deliberately without an include guard.

/// Gathers implicit-matrix rows k0 ..< k0 + rowCount over the positions in `runs`, row k going
/// to destination + (k - k0) * rowStride + the run's destination. Row by row, so each source
/// row is read front to back.
static inline __attribute__((always_inline)) GATHER_ATTRIBUTES void gatherRowsWithStride(
    const aez_im2col *gather, const float *image, int64_t k0, int64_t rowCount,
    const aez_run *runs, int64_t runCount, const int64_t stride, float *destination,
    int64_t rowStride) {
  for (int64_t k = 0; k < rowCount; k++) {
    // The image is usually far larger than the caches. Each time a row AEZ_PREFETCH_DISTANCE
    // taps ahead reads a new source row, start loading that row's span now, so the misses
    // overlap with the copying instead of stalling it.
    int64_t ahead = k0 + k + AEZ_PREFETCH_DISTANCE;
    if (k + AEZ_PREFETCH_DISTANCE < rowCount &&
        (gather->channelOffset[ahead] != gather->channelOffset[ahead - 1] ||
         gather->rowOffset[ahead] != gather->rowOffset[ahead - 1])) {
      const float *plane = image + gather->channelOffset[ahead];
      for (int64_t r = 0; r < runCount; r++) {
        int64_t row = runs[r].row * gather->strideY + gather->rowOffset[ahead];
        if (row < 0 || row >= gather->height) continue;
        const float *first = plane + row * gather->width;
        int64_t from = runs[r].column * stride + gather->columnOffset[ahead];
        int64_t to = from + runs[r].length * stride;
        if (from < 0) from = 0;
        if (to > gather->width) to = gather->width;
        for (int64_t column = from; column < to; column += 16)
          __builtin_prefetch(first + column, 0, 3);
      }
    }
    const float *plane = image + gather->channelOffset[k0 + k];
    int64_t rowOffset = gather->rowOffset[k0 + k];
    int64_t columnOffset = gather->columnOffset[k0 + k];
    for (int64_t r = 0; r < runCount; r++) {
      GATHER_RUN(plane, gather->height, gather->width, runs[r].row * gather->strideY + rowOffset,
                runs[r].column * stride + columnOffset, stride, runs[r].length,
                destination + k * rowStride + runs[r].destination);
    }
  }
}

GATHER_ATTRIBUTES void GATHER_ROWS(const aez_im2col *gather, const float *image, int64_t k0,
                                   int64_t rowCount, const aez_run *runs, int64_t runCount,
                                   float *destination, int64_t rowStride) {
  switch (gather->strideX) {
  case 1:
    gatherRowsWithStride(gather, image, k0, rowCount, runs, runCount, 1, destination, rowStride);
    break;
  case 2:
    gatherRowsWithStride(gather, image, k0, rowCount, runs, runCount, 2, destination, rowStride);
    break;
  default:
    gatherRowsWithStride(gather, image, k0, rowCount, runs, runCount, gather->strideX, destination,
               rowStride);
    break;
  }
}

