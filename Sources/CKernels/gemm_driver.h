// The blocked, packed, multi-threaded GEMM engine behind sgemm and the convolutions.
//
// It computes, for each batch item, C = epilogue(A * B) with A of size m x k and B of size
// k x n. Operands are never read in place: each is described by a packing function that copies
// a block into the micro-kernel's sliver layout, so the same engine serves plain matrices,
// transposed matrices and implicit im2col matrices gathered straight from an NCHW image.
//
// Blocking (Goto and van de Geijn's scheme):
//   - the depth k is cut into blocks of AEZ_GEMM_KC; this partition depends on k alone and fixes
//     the order in which every element's terms are summed: a chain of FMAs within a block, and
//     block partial sums added into C in increasing order;
//   - B is packed one KC x NC panel at a time (L2-resident, private to the task), and each
//     KC x NR sliver of it stays in L1 while the kernel sweeps the MC x KC block of A; when a
//     task's rows fit in one A block (every convolution), each sliver is packed just before
//     its use instead, so it never leaves L1;
//   - A is packed MR rows at a time; when it is shared by every batch item (convolution
//     weights, or the A of sgemm) it is packed once for the whole call.
// Tasks are (batch item, range of rows, range of columns) tiles of C and every element belongs
// to one tile, so the thread count changes who computes an element, never how.
#ifndef CKERNELS_GEMM_DRIVER_H
#define CKERNELS_GEMM_DRIVER_H

#include <stdint.h>

/// Depth of one packed block. Shared by all paths so that they sum in the same order.
#define AEZ_GEMM_KC 128

/// Most columns of B in one packed panel: KC x NC floats = 256 KB, which sits in L2.
#define AEZ_GEMM_NC 512

struct aez_gemm_operand;

/// Packs depth range [k0, k0 + kc) of indices [index0, index0 + count) of batch item `item`
/// into slivers of `width` indices: sliver s holds, for each depth step, `width` consecutive
/// values (indices past `count` padded with zeros). For A the index is the row, for B the
/// column.
typedef void (*aez_pack_fn)(const struct aez_gemm_operand *operand, int64_t item, int64_t k0,
                            int64_t kc, int64_t index0, int64_t count, int64_t width,
                            float *packed);

/// A source of A or B values.
typedef struct aez_gemm_operand {
  aez_pack_fn pack;
  /// For plain matrices: base pointer, leading dimension, distance between batch items and
  /// whether the matrix is stored index-major (element (k, i) at data[i * ld + k]) rather than
  /// depth-major (data[k * ld + i]).
  const float *data;
  int64_t ld;
  int64_t itemStride;
  int indexMajor;
  /// For gathered operands: the packer's own description.
  const void *context;
} aez_gemm_operand;

/// Writes a finished tile computed in scratch memory to its real destination, for outputs that
/// are not a plain row-major matrix (the stride phases of a transposed convolution).
typedef void (*aez_store_fn)(const void *context, int64_t item, int64_t row0, int64_t rows,
                             int64_t column0, int64_t columns, const float *tile,
                             int64_t tileStride);

/// One GEMM call, possibly over a batch of independent items.
typedef struct {
  int64_t m, n, k, batch;
  aez_gemm_operand a, b;
  /// Nonzero if A is the same for every batch item (then it is packed once).
  int aShared;
  /// C(i, j) of item t is at c[t * cItemStride + i * ldc + j], unless `store` is set.
  float *c;
  int64_t ldc, cItemStride;
  /// C = alpha * A * B + beta * C; when beta == 0, C is not read.
  float alpha, beta;
  /// Optional per-row bias added once, and a ReLU applied to the final value.
  const float *rowBias;
  int relu;
  /// Optional mapped output (C must then be overwritten: beta == 0).
  aez_store_fn store;
  const void *storeContext;
} aez_gemm_problem;

/// Runs `problem` on the current path with the current thread count.
void aez_gemm_run(const aez_gemm_problem *problem);

/// Runs several problems with the same m and batch as one job: a task computes the same
/// (item, rows, columns) tile of every part in turn, so parts that write interleaved parts of
/// one output (the stride phases of a transposed convolution) find it still in cache.
void aez_gemm_run_parts(const aez_gemm_problem *parts, int64_t partCount);

/// Packs a plain matrix operand (see aez_gemm_operand.indexMajor).
void aez_pack_matrix(const aez_gemm_operand *operand, int64_t item, int64_t k0, int64_t kc,
                     int64_t index0, int64_t count, int64_t width, float *packed);

#endif
