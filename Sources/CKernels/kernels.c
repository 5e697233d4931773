// Straightforward implementations of every kernel. Correct, single-threaded and slow; the
// dispatching, packed versions replace them path by path.
#include "CKernels.h"

#include <stddef.h>
#include <string.h>
#include <unistd.h>

static int threadCount = 0;

int aez_kernel_path_is_supported(aez_kernel_path path) {
  return path == AEZ_KERNEL_PATH_PORTABLE;
}

aez_kernel_path aez_kernel_path_current(void) { return AEZ_KERNEL_PATH_PORTABLE; }

int aez_kernel_path_set(aez_kernel_path path) { return path == AEZ_KERNEL_PATH_PORTABLE; }

int aez_thread_count(void) {
  if (threadCount == 0) {
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    threadCount = online > 0 ? (int)online : 1;
  }
  return threadCount;
}

void aez_thread_count_set(int count) { threadCount = count < 1 ? 1 : count; }

void aez_sgemm(int transA, int transB, int64_t M, int64_t N, int64_t K, float alpha,
               const float *A, int64_t lda, const float *B, int64_t ldb, float beta,
               float *C, int64_t ldc) {
  for (int64_t i = 0; i < M; i++) {
    for (int64_t j = 0; j < N; j++) {
      float sum = 0;
      for (int64_t k = 0; k < K; k++) {
        float a = transA ? A[k * lda + i] : A[i * lda + k];
        float b = transB ? B[j * ldb + k] : B[k * ldb + j];
        sum += a * b;
      }
      float *c = &C[i * ldc + j];
      *c = beta == 0 ? alpha * sum : alpha * sum + beta * *c;
    }
  }
}

static int64_t inputIndex(const aez_conv2d_shape *s, int64_t n, int64_t c, int64_t i,
                          int64_t j, int64_t u, int64_t v, int *inside) {
  int64_t y = i * s->strideY + u - s->padTop;
  int64_t x = j * s->strideX + v - s->padLeft;
  *inside = y >= 0 && y < s->inputHeight && x >= 0 && x < s->inputWidth;
  return ((n * s->inputChannels + c) * s->inputHeight + y) * s->inputWidth + x;
}

void aez_conv2d_forward(const aez_conv2d_shape *s, const float *x, const float *w,
                        const float *bias, aez_activation activation, float *y) {
  for (int64_t n = 0; n < s->batch; n++)
    for (int64_t o = 0; o < s->outputChannels; o++)
      for (int64_t i = 0; i < s->outputHeight; i++)
        for (int64_t j = 0; j < s->outputWidth; j++) {
          float sum = bias ? bias[o] : 0;
          for (int64_t c = 0; c < s->inputChannels; c++)
            for (int64_t u = 0; u < s->kernelHeight; u++)
              for (int64_t v = 0; v < s->kernelWidth; v++) {
                int inside;
                int64_t index = inputIndex(s, n, c, i, j, u, v, &inside);
                if (inside)
                  sum += w[((o * s->inputChannels + c) * s->kernelHeight + u) * s->kernelWidth +
                           v] * x[index];
              }
          if (activation == AEZ_ACTIVATION_RELU && sum < 0) sum = 0;
          y[((n * s->outputChannels + o) * s->outputHeight + i) * s->outputWidth + j] = sum;
        }
}

void aez_conv2d_backward_data(const aez_conv2d_shape *s, const float *dy, const float *w,
                              float *dx) {
  memset(dx, 0,
         (size_t)(s->batch * s->inputChannels * s->inputHeight * s->inputWidth) * sizeof(float));
  for (int64_t n = 0; n < s->batch; n++)
    for (int64_t o = 0; o < s->outputChannels; o++)
      for (int64_t i = 0; i < s->outputHeight; i++)
        for (int64_t j = 0; j < s->outputWidth; j++) {
          float g = dy[((n * s->outputChannels + o) * s->outputHeight + i) * s->outputWidth + j];
          for (int64_t c = 0; c < s->inputChannels; c++)
            for (int64_t u = 0; u < s->kernelHeight; u++)
              for (int64_t v = 0; v < s->kernelWidth; v++) {
                int inside;
                int64_t index = inputIndex(s, n, c, i, j, u, v, &inside);
                if (inside)
                  dx[index] +=
                      g * w[((o * s->inputChannels + c) * s->kernelHeight + u) * s->kernelWidth + v];
              }
        }
}

void aez_conv2d_backward_weights(const aez_conv2d_shape *s, const float *x, const float *dy,
                                 float *dw, float *dbias, int accumulate) {
  int64_t weightCount = s->outputChannels * s->inputChannels * s->kernelHeight * s->kernelWidth;
  if (!accumulate) {
    memset(dw, 0, (size_t)weightCount * sizeof(float));
    if (dbias) memset(dbias, 0, (size_t)s->outputChannels * sizeof(float));
  }
  for (int64_t n = 0; n < s->batch; n++)
    for (int64_t o = 0; o < s->outputChannels; o++)
      for (int64_t i = 0; i < s->outputHeight; i++)
        for (int64_t j = 0; j < s->outputWidth; j++) {
          float g = dy[((n * s->outputChannels + o) * s->outputHeight + i) * s->outputWidth + j];
          if (dbias) dbias[o] += g;
          for (int64_t c = 0; c < s->inputChannels; c++)
            for (int64_t u = 0; u < s->kernelHeight; u++)
              for (int64_t v = 0; v < s->kernelWidth; v++) {
                int inside;
                int64_t index = inputIndex(s, n, c, i, j, u, v, &inside);
                if (inside)
                  dw[((o * s->inputChannels + c) * s->kernelHeight + u) * s->kernelWidth + v] +=
                      g * x[index];
              }
        }
}
