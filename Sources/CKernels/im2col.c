// Packing of implicit im2col panels straight from NCHW images (see im2col.h).
//
// A packed panel covers a range of positions p, which may wrap over several rows of the output
// grid. Positions are first cut into runs that stay within one grid row; along a run the source
// column advances by the stride, so each (k, run) pair is one strided copy, with zeros where
// the run hangs over the left or right edge of the plane or the whole source row is padding.
#include <stdio.h>
#include <stdlib.h>

#include "im2col.h"
#include "im2col_internal.h"
#include "transpose.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The widest sliver any micro-kernel uses.
#define AEZ_MAX_SLIVER_WIDTH 64

/// Positions gathered per pass; a pass never has more runs than positions.
#define AEZ_MAX_RUNS (AEZ_GEMM_NC > AEZ_GEMM_KC ? AEZ_GEMM_NC : AEZ_GEMM_KC)

/// Cuts positions [position0, position0 + count) into runs that end at grid row ends and at
/// multiples of `sliverWidth` positions. Position offset t goes to
/// (t / sliverWidth) * sliverStride + t % sliverWidth.
static int64_t splitIntoRuns(int64_t position0, int64_t count, int64_t positionsPerRow,
                             int64_t sliverWidth, int64_t sliverStride, aez_run *runs) {
  int64_t runCount = 0;
  for (int64_t offset = 0; offset < count;) {
    int64_t position = position0 + offset;
    int64_t row = position / positionsPerRow, column = position % positionsPerRow;
    int64_t length = positionsPerRow - column;
    int64_t sliverLeft = sliverWidth - offset % sliverWidth;
    if (length > sliverLeft) length = sliverLeft;
    if (length > count - offset) length = count - offset;
    runs[runCount++] = (aez_run){
        .row = row,
        .column = column,
        .length = length,
        .destination = offset / sliverWidth * sliverStride + offset % sliverWidth,
    };
    offset += length;
  }
  return runCount;
}

/// Copies `length` source values, row[column + t * stride] for t = 0..<length, to
/// destination[t], reading zero outside the plane. Inlined with a constant stride for the
/// common strides 1 and 2, so the edge arithmetic needs no division.
static inline __attribute__((always_inline)) void gatherRun(
    const float *plane, int64_t height, int64_t width, int64_t row, int64_t column,
    const int64_t stride, int64_t length, float *destination) {
  if (row < 0 || row >= height) {
    for (int64_t t = 0; t < length; t++) destination[t] = 0;
    return;
  }
  // [first, end) are the t whose column lies inside the plane.
  int64_t first = column >= 0 ? 0 : (-column + stride - 1) / stride;
  int64_t end = column >= width ? 0 : (width - column + stride - 1) / stride;
  if (first > length) first = length;
  if (end > length) end = length;
  if (end < first) end = first;
  const float *source = plane + row * width + column;

  for (int64_t t = 0; t < first; t++) destination[t] = 0;
  int64_t t = first;
#if defined(__SSE2__)
  if (stride == 2) {
    // Two loads of four and one shuffle give four even-indexed values; the loop stops while
    // the second load still lies inside the row.
    for (; t + 4 <= end && column + 2 * t + 8 <= width; t += 4) {
      __m128 low = _mm_loadu_ps(source + 2 * t), high = _mm_loadu_ps(source + 2 * t + 4);
      _mm_storeu_ps(destination + t, _mm_shuffle_ps(low, high, _MM_SHUFFLE(2, 0, 2, 0)));
    }
  }
#endif
  for (; t < end; t++) destination[t] = source[t * stride];
  for (t = end; t < length; t++) destination[t] = 0;
}

#define GATHER_ATTRIBUTES
#define GATHER_RUN gatherRun
#define GATHER_ROWS aez_gather_rows_portable
#include "im2col_gather_rows.h"

/// The gather loop for the selected path: AVX-512 copies when that path is active.
static void gatherRowsAnyStride(const aez_im2col *gather, const float *image, int64_t k0,
                                int64_t rowCount, const aez_run *runs, int64_t runCount,
                                float *destination, int64_t rowStride) {
#if defined(__x86_64__)
  if (aez_kernel_path_current() == AEZ_KERNEL_PATH_AVX512) {
    aez_gather_rows_avx512(gather, image, k0, rowCount, runs, runCount, destination, rowStride);
    return;
  }
#endif
  aez_gather_rows_portable(gather, image, k0, rowCount, runs, runCount, destination, rowStride);
}

void aez_pack_im2col(const aez_gemm_operand *operand, int64_t item, int64_t k0, int64_t kc,
                     int64_t index0, int64_t count, int64_t width, float *packed) {
  const aez_im2col *gather = operand->context;
  const float *image = gather->source + item * gather->itemStride;
  aez_run runs[AEZ_MAX_RUNS];
  int64_t passLength = AEZ_MAX_RUNS / width * width;
  for (int64_t start = 0; start < count; start += passLength) {
    int64_t length = count - start < passLength ? count - start : passLength;
    float *block = packed + start / width * kc * width;
    int64_t runCount = splitIntoRuns(index0 + start, length, gather->positionsPerRow, width,
                                     kc * width, runs);
    gatherRowsAnyStride(gather, image, k0, kc, runs, runCount, block, width);
    // Zero the unused tail of a partial last sliver.
    if (length % width != 0) {
      float *sliver = block + length / width * kc * width;
      for (int64_t k = 0; k < kc; k++)
        for (int64_t i = length % width; i < width; i++) sliver[k * width + i] = 0;
    }
  }
}

void aez_pack_im2col_transposed(const aez_gemm_operand *operand, int64_t item, int64_t k0,
                                int64_t kc, int64_t index0, int64_t count, int64_t width,
                                float *packed) {
  const aez_im2col *gather = operand->context;
  const float *image = gather->source + item * gather->itemStride;
  aez_run runs[AEZ_MAX_RUNS];
  int64_t runCount = splitIntoRuns(k0, kc, gather->positionsPerRow, kc, 0, runs);
  // Gather each sliver's taps as rows along the positions (contiguous, strided reads), then
  // transpose them into place: much faster than writing every value width floats apart.
  float rows[AEZ_MAX_SLIVER_WIDTH * AEZ_GEMM_KC];
  for (int64_t start = 0; start < count; start += width) {
    int64_t valid = count - start < width ? count - start : width;
    float *sliver = packed + start / width * kc * width;
    gatherRowsAnyStride(gather, image, index0 + start, valid, runs, runCount, rows, kc);
    aez_transpose(rows, kc, valid, kc, sliver, width);
    for (int64_t p = 0; p < kc; p++)
      for (int64_t i = valid; i < width; i++) sliver[p * width + i] = 0;
  }
}

void aez_im2col_forward_taps(const aez_conv2d_shape *shape, int64_t *channelOffset,
                             int64_t *rowOffset, int64_t *columnOffset) {
  int64_t k = 0;
  for (int64_t c = 0; c < shape->inputChannels; c++)
    for (int64_t u = 0; u < shape->kernelHeight; u++)
      for (int64_t v = 0; v < shape->kernelWidth; v++, k++) {
        channelOffset[k] = c * shape->inputHeight * shape->inputWidth;
        rowOffset[k] = u - shape->padTop;
        columnOffset[k] = v - shape->padLeft;
      }
}

void aez_conv2d_check_shape(const aez_conv2d_shape *shape, const char *kernel) {
  int valid = shape->strideY >= 1 && shape->strideX >= 1 && shape->kernelHeight >= 1 &&
              shape->kernelWidth >= 1 && shape->batch >= 0 && shape->inputChannels >= 0 &&
              shape->inputHeight >= 0 && shape->inputWidth >= 0 && shape->outputChannels >= 0 &&
              shape->outputHeight >= 0 && shape->outputWidth >= 0 && shape->padTop >= 0 &&
              shape->padLeft >= 0;
  if (valid) return;
  fprintf(stderr,
          "CKernels: %s called with an invalid shape: batch %lld, channels %lld -> %lld, input "
          "%lld x %lld, output %lld x %lld, kernel %lld x %lld, stride %lld x %lld, padding "
          "%lld, %lld\n",
          kernel, (long long)shape->batch, (long long)shape->inputChannels,
          (long long)shape->outputChannels, (long long)shape->inputHeight,
          (long long)shape->inputWidth, (long long)shape->outputHeight,
          (long long)shape->outputWidth, (long long)shape->kernelHeight,
          (long long)shape->kernelWidth, (long long)shape->strideY, (long long)shape->strideX,
          (long long)shape->padTop, (long long)shape->padLeft);
  abort();
}
