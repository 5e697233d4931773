// CKernelsExact: a Float64 matrix multiply for matrices that hold exact integers.
//
// The photo codec's hyper-synthesis runs on integers so that every machine selects the same
// entropy-coding tables. Its integers are held in doubles: a double represents every integer of
// magnitude below 2^53 exactly, so when every product and every partial sum of a dot product is
// such an integer, each operation is exact and the result does not depend on the order of the
// additions, on FMA contraction, on the instruction-set path or on the thread count. The caller
// guarantees that bound; this kernel only multiplies.
#ifndef CKERNELS_EXACT_H
#define CKERNELS_EXACT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// C = A * B for row-major Float64 matrices: A is M x K (row i at A + i * lda), B is K x N
/// (row k at B + k * ldb), C is M x N (row i at C + i * ldc) and is only written.
///
/// Runs on the path of aez_kernel_path_current() and splits (row block, column block) tiles of
/// C across aez_thread_count() threads. Exact, hence identical on every path and thread count,
/// whenever every |A(i, k)| * |B(k, j)| summed over k stays below 2^53 for each (i, j).
void aez_dgemm(int64_t M, int64_t N, int64_t K, const double *A, int64_t lda, const double *B,
               int64_t ldb, double *C, int64_t ldc);

#ifdef __cplusplus
}
#endif

#endif
