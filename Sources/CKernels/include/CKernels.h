// CKernels: the hot loops of aez's numeric core, in C with runtime CPU dispatch.
//
// Every array is Float32, dense and row-major. Images are NCHW: batch, channels, height,
// width, with width varying fastest. Convolution weights are [outputChannels, inputChannels,
// kernelHeight, kernelWidth].
//
// Dispatch: each kernel exists as an AVX-512, an AVX2+FMA and a portable version, compiled
// into the same binary with per-function target attributes. The best one the CPU supports is
// chosen on first use; aez_kernel_path_set overrides it.
//
// Determinism: every output element is computed by exactly one thread, which sums its terms
// in an order that depends only on the problem's shape, never on the thread count, so results
// are bit-identical for any number of threads. The AVX2 and AVX-512 paths perform the same
// fused multiply-adds in the same order and also agree bit for bit; so does the portable path
// on arm64 (which has FMA). The portable path on x86-64 rounds products separately and differs
// from the others by rounding only.
//
// Threads: work is split across a persistent pool of aez_thread_count() threads. The kernels
// may be called from several threads at once: one call at a time uses the pool, the others
// run on their calling thread (with the same results).
//
// Cost: sgemm, forward convolution and both convolution gradients run as packed, cache-blocked
// matrix multiplications of about 2 * M * N * K flops. Convolutions gather their im2col panels
// straight from the image and never build a whole im2col matrix; their scratch memory is about
// the size of the weights (the weight gradient: of one image's dy).
#ifndef CKERNELS_H
#define CKERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The instruction-set paths a kernel can run on.
typedef enum {
  AEZ_KERNEL_PATH_PORTABLE = 0,
  AEZ_KERNEL_PATH_AVX2 = 1,
  AEZ_KERNEL_PATH_AVX512 = 2,
} aez_kernel_path;

/// Returns 1 if this machine can run `path`, 0 otherwise.
int aez_kernel_path_is_supported(aez_kernel_path path);

/// The path in use. The best supported one is chosen on first use.
aez_kernel_path aez_kernel_path_current(void);

/// Forces `path`; returns 0 and changes nothing if the machine cannot run it.
int aez_kernel_path_set(aez_kernel_path path);

/// The number of threads the kernels split work across (default: the number of online CPUs).
int aez_thread_count(void);

/// Sets the number of threads (at least 1).
void aez_thread_count_set(int count);

/// C = alpha * op(A) * op(B) + beta * C, row-major. op(A) is M x K, op(B) is K x N.
/// transA / transB nonzero means the stored matrix is the transpose. When beta == 0, C is not
/// read (so it may hold NaN); when alpha == 0 or K == 0, A and B are not read and C = beta * C.
void aez_sgemm(int transA, int transB, int64_t M, int64_t N, int64_t K, float alpha,
               const float *A, int64_t lda, const float *B, int64_t ldb, float beta,
               float *C, int64_t ldc);

/// The geometry of a 2-D convolution over an NCHW batch.
typedef struct {
  int64_t batch;
  int64_t inputChannels, inputHeight, inputWidth;
  int64_t outputChannels, outputHeight, outputWidth;
  int64_t kernelHeight, kernelWidth;
  int64_t strideY, strideX;
  int64_t padTop, padLeft;  // Zero padding; bottom/right padding follows from output size.
} aez_conv2d_shape;

/// Output activation fused into a convolution's forward pass.
typedef enum {
  AEZ_ACTIVATION_NONE = 0,
  AEZ_ACTIVATION_RELU = 1,
} aez_activation;

/// y[n,o,i,j] = act(bias[o] + sum_{c,u,v} w[o,c,u,v] * x[n,c, i*sy+u-pt, j*sx+v-pl]).
/// `bias` may be NULL. Positions outside the input read as zero. ReLU maps NaN to NaN.
void aez_conv2d_forward(const aez_conv2d_shape *shape, const float *x, const float *w,
                        const float *bias, aez_activation activation, float *y);

/// dx = the gradient of the forward pass with respect to x, given dy (overwrites dx).
/// This is also the forward pass of a transposed convolution (dy its input, dx its output).
void aez_conv2d_backward_data(const aez_conv2d_shape *shape, const float *dy, const float *w,
                              float *dx);

/// dw (and dbias unless NULL) = gradients of the forward pass, given x and dy. When
/// `accumulate` is nonzero they are added to, otherwise overwritten.
void aez_conv2d_backward_weights(const aez_conv2d_shape *shape, const float *x,
                                 const float *dy, float *dw, float *dbias, int accumulate);

#ifdef __cplusplus
}
#endif

// The exact Float64 multiply has its own header; SwiftPM exports only what this umbrella
// header includes.
#include "CKernelsExact.h"

#endif
