// Forward convolution as an implicit GEMM, one GEMM per image:
//
//   Y[o, p] = act(bias[o] + sum_k W[o, k] * X[k, p]),   k = (c, u, v), p = (i, j)
//
// W is the weight array itself read as an outputChannels x (inputChannels * kH * kW) row-major
// matrix, packed once per call. X is the im2col matrix of the image, never stored whole: each
// task gathers the 128 x 512 panel it is about to use from the NCHW image (im2col.h). Y comes
// out directly in NCHW order, since an image's output is an outputChannels x (H * W) row-major
// matrix. Bias and ReLU are applied in the micro-kernel's epilogue.
#include <stdlib.h>

#include "CKernels.h"
#include "gemm_driver.h"
#include "im2col.h"

void aez_conv2d_forward(const aez_conv2d_shape *shape, const float *x, const float *w,
                        const float *bias, aez_activation activation, float *y) {
  aez_conv2d_check_shape(shape, "aez_conv2d_forward");
  int64_t depth = shape->inputChannels * shape->kernelHeight * shape->kernelWidth;
  int64_t positions = shape->outputHeight * shape->outputWidth;
  if (shape->batch <= 0 || shape->outputChannels <= 0 || positions <= 0) return;

  int64_t *taps = malloc(sizeof(int64_t) * 3 * (size_t)(depth > 0 ? depth : 1));
  if (taps == NULL) abort();
  aez_im2col_forward_taps(shape, taps, taps + depth, taps + 2 * depth);
  aez_im2col gather = {
      .source = x,
      .itemStride = shape->inputChannels * shape->inputHeight * shape->inputWidth,
      .height = shape->inputHeight,
      .width = shape->inputWidth,
      .strideY = shape->strideY,
      .strideX = shape->strideX,
      .positionsPerRow = shape->outputWidth,
      .channelOffset = taps,
      .rowOffset = taps + depth,
      .columnOffset = taps + 2 * depth,
  };
  aez_gemm_problem problem = {
      .m = shape->outputChannels,
      .n = positions,
      .k = depth,
      .batch = shape->batch,
      .a = {.pack = aez_pack_matrix, .data = w, .ld = depth, .indexMajor = 1},
      .b = {.pack = aez_pack_im2col, .context = &gather},
      .aShared = 1,
      .c = y,
      .ldc = positions,
      .cItemStride = shape->outputChannels * positions,
      .alpha = 1,
      .beta = 0,
      .rowBias = bias,
      .relu = activation == AEZ_ACTIVATION_RELU,
  };
  aez_gemm_run(&problem);
  free(taps);
}
