// Gradients of a convolution with respect to its weights and bias:
//
//   dw[o, (c, u, v)] = sum_n sum_p dy[n, o, p] * X_n[(c, u, v), p]     p = (i, j)
//   dbias[o]         = sum_n sum_p dy[n, o, p]
//
// where X_n is image n's im2col matrix. For one image this is a GEMM with M = outputChannels,
// N = inputChannels * kH * kW and the positions as depth: A is dy read as a row-major matrix,
// B is the transposed im2col matrix gathered panel by panel (im2col.h).
//
// The sum over the batch has a fixed order chosen from the shape alone:
//   - usually the images are added one after the other into dw, each image one GEMM call
//     parallelised over tiles of dw;
//   - when dw is too small to give every thread tiles of its own (the 3-channel first layer),
//     every image gets its own partial dw, computed in parallel, and the partials are then
//     added in image order.
#include <stdlib.h>
#include <string.h>

#include "CKernels.h"
#include "gemm_driver.h"
#include "im2col.h"
#include "scratch.h"
#include "thread_pool.h"

/// Weight gradients at most this large (in floats) are computed as per-image partials.
#define AEZ_PARTIAL_WEIGHTS_LIMIT 16384
/// Elements per task when adding partials.
#define AEZ_REDUCE_CHUNK 1024

typedef struct {
  const float *dy;
  float *dbias;
  int64_t batch, outputs, positions;
  int accumulate;
} aez_bias_job;

/// Sums one output channel of dy over batch and positions, in 16 interleaved lanes (so the
/// compiler can vectorise it) that are then added in lane order.
static void biasGradientTask(void *context, int64_t output, int worker) {
  (void)worker;
  const aez_bias_job *job = context;
  float lanes[16] = {0};
  for (int64_t n = 0; n < job->batch; n++) {
    const float *row = job->dy + (n * job->outputs + output) * job->positions;
    int64_t p = 0;
    for (; p + 16 <= job->positions; p += 16)
      for (int l = 0; l < 16; l++) lanes[l] += row[p + l];
    for (int l = 0; p + l < job->positions; l++) lanes[l] += row[p + l];
  }
  float total = 0;
  for (int l = 0; l < 16; l++) total += lanes[l];
  job->dbias[output] = job->accumulate ? job->dbias[output] + total : total;
}

typedef struct {
  const float *partials;
  float *dw;
  int64_t count, items;
  int accumulate;
} aez_reduce_job;

/// dw = (dw +) ((partial_0 + partial_1) + partial_2) + ... over one chunk of elements.
static void reducePartialsTask(void *context, int64_t task, int worker) {
  (void)worker;
  const aez_reduce_job *job = context;
  int64_t start = task * AEZ_REDUCE_CHUNK;
  int64_t length = job->count - start < AEZ_REDUCE_CHUNK ? job->count - start : AEZ_REDUCE_CHUNK;
  float total[AEZ_REDUCE_CHUNK];
  memcpy(total, job->partials + start, sizeof(float) * (size_t)length);
  for (int64_t item = 1; item < job->items; item++) {
    const float *partial = job->partials + item * job->count + start;
    for (int64_t e = 0; e < length; e++) total[e] += partial[e];
  }
  float *dw = job->dw + start;
  for (int64_t e = 0; e < length; e++) dw[e] = job->accumulate ? dw[e] + total[e] : total[e];
}

void aez_conv2d_backward_weights(const aez_conv2d_shape *shape, const float *x, const float *dy,
                                 float *dw, float *dbias, int accumulate) {
  aez_conv2d_check_shape(shape, "aez_conv2d_backward_weights");
  int64_t outputs = shape->outputChannels;
  int64_t taps = shape->inputChannels * shape->kernelHeight * shape->kernelWidth;
  int64_t positions = shape->outputHeight * shape->outputWidth;
  int64_t weightCount = outputs * taps;
  int64_t batch = shape->batch > 0 ? shape->batch : 0;
  if (positions < 0) positions = 0;

  if (dbias && outputs > 0) {
    aez_bias_job biasJob = {.dy = dy, .dbias = dbias, .batch = batch, .outputs = outputs,
                            .positions = positions, .accumulate = accumulate};
    int workers = batch * outputs * positions < (1 << 16) ? 1 : aez_thread_count();
    aez_parallel_for(outputs, workers, biasGradientTask, &biasJob);
  }
  if (weightCount <= 0) return;
  if (batch == 0 || positions == 0) {
    if (!accumulate) memset(dw, 0, sizeof(float) * (size_t)weightCount);
    return;
  }

  int64_t *tables = malloc(sizeof(int64_t) * 3 * (size_t)taps);
  if (tables == NULL) abort();
  aez_im2col_forward_taps(shape, tables, tables + taps, tables + 2 * taps);
  aez_im2col gather = {
      .source = x,
      .itemStride = shape->inputChannels * shape->inputHeight * shape->inputWidth,
      .height = shape->inputHeight,
      .width = shape->inputWidth,
      .strideY = shape->strideY,
      .strideX = shape->strideX,
      .positionsPerRow = shape->outputWidth,
      .channelOffset = tables,
      .rowOffset = tables + taps,
      .columnOffset = tables + 2 * taps,
  };
  aez_gemm_problem problem = {
      .m = outputs,
      .n = taps,
      .k = positions,
      .batch = 1,
      .a = {.pack = aez_pack_matrix, .data = dy, .ld = positions,
            .itemStride = outputs * positions, .indexMajor = 1},
      .b = {.pack = aez_pack_im2col_transposed, .context = &gather},
      .c = dw,
      .ldc = taps,
      .cItemStride = weightCount,
      .alpha = 1,
  };

  if (batch > 1 && weightCount <= AEZ_PARTIAL_WEIGHTS_LIMIT) {
    float *partials = aez_scratch_acquire(batch * weightCount);
    problem.batch = batch;
    problem.c = partials;
    problem.beta = 0;
    aez_gemm_run(&problem);
    aez_reduce_job reduceJob = {.partials = partials, .dw = dw, .count = weightCount,
                                .items = batch, .accumulate = accumulate};
    int64_t chunks = (weightCount + AEZ_REDUCE_CHUNK - 1) / AEZ_REDUCE_CHUNK;
    aez_parallel_for(chunks, aez_thread_count(), reducePartialsTask, &reduceJob);
    aez_scratch_release(partials);
  } else {
    for (int64_t n = 0; n < batch; n++) {
      problem.a.data = dy + n * outputs * positions;
      gather.source = x + n * gather.itemStride;
      problem.beta = n == 0 && !accumulate ? 0 : 1;
      aez_gemm_run(&problem);
    }
  }
  free(tables);
}
