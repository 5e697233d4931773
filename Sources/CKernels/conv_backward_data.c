// Gradient of a convolution with respect to its input, which is also the forward pass of a
// transposed convolution:
//
//   dx[c, y, x] = sum over (o, u, v) with y = i * strideY + u - padTop, x = j * strideX + v -
//                 padLeft of w[o, c, u, v] * dy[o, i, j]
//
// Scattering dy through the kernel would make threads collide on dx, so each dx element is
// gathered instead. With stride s only the taps u = u0, u0 + s, ... reach rows y of one
// residue y mod s (a "stride phase"), and for those rows the sum is an ordinary stride-1
// correlation of dy with the phase's sub-kernel. Every phase (r, q) is therefore one implicit
// GEMM:
//
//   dx_phase[c, (t, t')] = sum_k Wp[c, k] * D[k, (t, t')],   k = (o, a, b),
//   Wp[c, (o, a, b)] = w[o, c, u0 + s*a, v0 + s*b],  D[(o, a, b), (t, t')] = dy[o, t + baseY - a,
//                                                                               t' + baseX - b]
//
// with dx_phase[c, (t, t')] = dx[c, r + s*t, q + s*t']. No multiply is spent on the zeros that
// stride-s upsampling would insert, each dx element is owned by one task, and its terms are
// summed in a fixed order. For stride 1 there is a single phase and the GEMM writes dx in place;
// otherwise each task finishes its tile in scratch memory and interleaves it into dx, doing
// all phases of a tile one after the other so that the dx lines they share stay in cache.
#include <stdlib.h>
#include <string.h>

#include "CKernels.h"
#include "gemm_driver.h"
#include "im2col.h"
#include "scratch.h"

/// Where the tiles of one stride phase go in dx.
typedef struct {
  float *dx;
  int64_t channels, height, width;
  int64_t strideY, strideX;
  int64_t phaseRow, phaseColumn, phaseWidth;
} aez_phase_store;

static void storePhaseTile(const void *context, int64_t item, int64_t row0, int64_t rows,
                           int64_t column0, int64_t columns, const float *tile,
                           int64_t tileStride) {
  const aez_phase_store *phase = context;
  for (int64_t i = 0; i < rows; i++) {
    float *plane = phase->dx + (item * phase->channels + row0 + i) * phase->height * phase->width;
    const float *source = tile + i * tileStride;
    for (int64_t t = 0; t < columns;) {
      int64_t position = column0 + t;
      int64_t phaseY = position / phase->phaseWidth, phaseX = position % phase->phaseWidth;
      int64_t length = phase->phaseWidth - phaseX;
      if (length > columns - t) length = columns - t;
      float *destination = plane + (phase->phaseRow + phase->strideY * phaseY) * phase->width +
                           phase->phaseColumn + phase->strideX * phaseX;
      for (int64_t l = 0; l < length; l++) destination[l * phase->strideX] = source[t + l];
      t += length;
    }
  }
}

/// The non-negative remainder of value / divisor.
static inline int64_t modulo(int64_t value, int64_t divisor) {
  int64_t remainder = value % divisor;
  return remainder < 0 ? remainder + divisor : remainder;
}

/// Number of taps u0, u0 + stride, ... below `kernelSize`.
static inline int64_t tapCount(int64_t first, int64_t kernelSize, int64_t stride) {
  return first < kernelSize ? (kernelSize - first + stride - 1) / stride : 0;
}

/// Everything one stride phase's GEMM refers to.
typedef struct {
  aez_im2col gather;
  aez_phase_store store;
} aez_phase;

void aez_conv2d_backward_data(const aez_conv2d_shape *shape, const float *dy, const float *w,
                              float *dx) {
  aez_conv2d_check_shape(shape, "aez_conv2d_backward_data");
  int64_t channels = shape->inputChannels, height = shape->inputHeight;
  int64_t width = shape->inputWidth, outputs = shape->outputChannels;
  int64_t kernelHeight = shape->kernelHeight, kernelWidth = shape->kernelWidth;
  int64_t strideY = shape->strideY, strideX = shape->strideX;
  int64_t planeSize = height * width;
  if (shape->batch <= 0 || channels <= 0 || planeSize <= 0) return;
  int64_t phasesY = strideY < height ? strideY : height;
  int64_t phasesX = strideX < width ? strideX : width;
  int64_t phaseCount = phasesY * phasesX;

  // Phases whose sub-kernel is empty (a kernel smaller than the stride), or an empty dy, leave
  // their dx elements at zero.
  int emptyOutput = outputs <= 0 || shape->outputHeight <= 0 || shape->outputWidth <= 0;
  int someEmpty = emptyOutput;
  int64_t totalDepth = 0;
  for (int64_t r = 0; r < phasesY; r++)
    for (int64_t q = 0; q < phasesX; q++) {
      int64_t phaseTaps = tapCount(modulo(r + shape->padTop, strideY), kernelHeight, strideY) *
                          tapCount(modulo(q + shape->padLeft, strideX), kernelWidth, strideX);
      if (phaseTaps == 0) someEmpty = 1;
      totalDepth += outputs * phaseTaps;
    }
  if (someEmpty) memset(dx, 0, sizeof(float) * (size_t)(shape->batch * channels * planeSize));
  if (emptyOutput || totalDepth == 0) return;

  float *phaseWeights = aez_scratch_acquire(channels * totalDepth);
  int64_t *taps = malloc(sizeof(int64_t) * 3 * (size_t)totalDepth);
  aez_phase *phases = malloc(sizeof(aez_phase) * (size_t)phaseCount);
  aez_gemm_problem *problems = malloc(sizeof(aez_gemm_problem) * (size_t)phaseCount);
  if (taps == NULL || phases == NULL || problems == NULL) abort();

  int64_t partCount = 0, depthOffset = 0;
  for (int64_t r = 0; r < phasesY; r++) {
    for (int64_t q = 0; q < phasesX; q++) {
      int64_t firstU = modulo(r + shape->padTop, strideY);
      int64_t firstV = modulo(q + shape->padLeft, strideX);
      int64_t tapsY = tapCount(firstU, kernelHeight, strideY);
      int64_t tapsX = tapCount(firstV, kernelWidth, strideX);
      int64_t depth = outputs * tapsY * tapsX;
      if (depth == 0) continue;
      int64_t baseY = (r + shape->padTop - firstU) / strideY;
      int64_t baseX = (q + shape->padLeft - firstV) / strideX;

      // Wp[c, (o, a, b)] and the gather tables for k = (o, a, b).
      float *weights = phaseWeights + channels * depthOffset;
      int64_t *channelOffset = taps + 3 * depthOffset;
      int64_t *rowOffset = channelOffset + depth, *columnOffset = channelOffset + 2 * depth;
      depthOffset += depth;
      for (int64_t o = 0; o < outputs; o++)
        for (int64_t a = 0; a < tapsY; a++)
          for (int64_t b = 0; b < tapsX; b++) {
            int64_t k = (o * tapsY + a) * tapsX + b;
            int64_t u = firstU + strideY * a, v = firstV + strideX * b;
            for (int64_t c = 0; c < channels; c++)
              weights[c * depth + k] = w[((o * channels + c) * kernelHeight + u) * kernelWidth + v];
            channelOffset[k] = o * shape->outputHeight * shape->outputWidth;
            rowOffset[k] = baseY - a;
            columnOffset[k] = baseX - b;
          }

      int64_t phaseHeight = (height - r + strideY - 1) / strideY;
      int64_t phaseWidth = (width - q + strideX - 1) / strideX;
      aez_phase *phase = &phases[partCount];
      phase->gather = (aez_im2col){
          .source = dy,
          .itemStride = outputs * shape->outputHeight * shape->outputWidth,
          .height = shape->outputHeight,
          .width = shape->outputWidth,
          .strideY = 1,
          .strideX = 1,
          .positionsPerRow = phaseWidth,
          .channelOffset = channelOffset,
          .rowOffset = rowOffset,
          .columnOffset = columnOffset,
      };
      phase->store = (aez_phase_store){
          .dx = dx,
          .channels = channels,
          .height = height,
          .width = width,
          .strideY = strideY,
          .strideX = strideX,
          .phaseRow = r,
          .phaseColumn = q,
          .phaseWidth = phaseWidth,
      };
      int direct = strideY == 1 && strideX == 1;
      problems[partCount++] = (aez_gemm_problem){
          .m = channels,
          .n = phaseHeight * phaseWidth,
          .k = depth,
          .batch = shape->batch,
          .a = {.pack = aez_pack_matrix, .data = weights, .ld = depth, .indexMajor = 1},
          .b = {.pack = aez_pack_im2col, .context = &phase->gather},
          .aShared = 1,
          .c = direct ? dx : NULL,
          .ldc = planeSize,
          .cItemStride = channels * planeSize,
          .alpha = 1,
          .beta = 0,
          .store = direct ? NULL : storePhaseTile,
          .storeContext = &phase->store,
      };
    }
  }
  aez_gemm_run_parts(problems, partCount);

  free(problems);
  free(phases);
  free(taps);
  aez_scratch_release(phaseWeights);
}
