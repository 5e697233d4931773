// Implicit im2col matrices: GEMM operands gathered on the fly from an NCHW image, one packed
// panel at a time, so that no full im2col matrix is ever built.
//
// Element (k, p) of the implicit matrix, with p = row * positionsPerRow + column on an output
// grid, is
//
//   source[channelOffset[k] + (row * strideY + rowOffset[k]) * width
//                           + column * strideX + columnOffset[k]]
//
// and zero where that row or column falls outside the height x width plane (zero padding).
// The per-k tables encode the convolution's taps: for the forward pass k = (c, u, v) gives
// channel c and offsets (u - padTop, v - padLeft); for a stride phase of the backward data
// pass k = (o, a, b) reads dy at stride 1 with offsets that run backwards over the taps.
#ifndef CKERNELS_IM2COL_H
#define CKERNELS_IM2COL_H

#include <stdint.h>

#include "CKernels.h"
#include "gemm_driver.h"

/// The gather description of an implicit im2col matrix (see the file comment).
typedef struct {
  const float *source;
  int64_t itemStride;
  int64_t height, width;
  int64_t strideY, strideX;
  int64_t positionsPerRow;
  const int64_t *channelOffset;
  const int64_t *rowOffset;
  const int64_t *columnOffset;
} aez_im2col;

/// Packs the implicit matrix as a GEMM B operand: depth is k, index is the position p.
/// `operand->context` points to an aez_im2col.
void aez_pack_im2col(const aez_gemm_operand *operand, int64_t item, int64_t k0, int64_t kc,
                     int64_t index0, int64_t count, int64_t width, float *packed);

/// Packs the transpose: depth is the position p, index is k (the weight-gradient B operand).
void aez_pack_im2col_transposed(const aez_gemm_operand *operand, int64_t item, int64_t k0,
                                int64_t kc, int64_t index0, int64_t count, int64_t width,
                                float *packed);

/// Aborts with a message naming `kernel` if `shape` is not a convolution at all (a stride or
/// kernel size below 1, a negative size or padding): a caller bug the kernels cannot recover
/// from, and which would otherwise divide by zero or read out of bounds.
void aez_conv2d_check_shape(const aez_conv2d_shape *shape, const char *kernel);

/// Fills the tap tables of a convolution's forward gather: k = (c * kernelHeight + u) *
/// kernelWidth + v reads channel c at offsets (u - padTop, v - padLeft). Arrays hold
/// inputChannels * kernelHeight * kernelWidth entries.
void aez_im2col_forward_taps(const aez_conv2d_shape *shape, int64_t *channelOffset,
                             int64_t *rowOffset, int64_t *columnOffset);

#endif
