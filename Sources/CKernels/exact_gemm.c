// aez_dgemm: a blocked Float64 matrix multiply for matrices of exact integers (CKernelsExact.h).
//
// C is cut into tasks of ROW_BLOCK rows by COLUMN_BLOCK columns, run on the thread pool. Inside
// a task, C is swept in register tiles of MR x NR: for each depth step the tile adds
// A(i, k) * B(k, j0 ..< j0 + NR) to its NR-wide rows, a loop the compiler vectorises across j
// (every sum[i][j] is its own accumulator, so no reassociation is needed). The column tile is
// the outer loop, so the K x NR sliver of B stays in L1 while the task's rows of A pass by.
//
// The same C source is compiled three times, with per-function target attributes for AVX-512
// and AVX2 and without for the portable path; only the tile shape differs. The path comes from
// aez_kernel_path_current(), so aez_kernel_path_set() reaches this kernel too, which lets tests
// check that every path gives the same integers.
#include "CKernels.h"
#include "CKernelsExact.h"
#include "thread_pool.h"

/// Rows of C per task: a multiple of every path's MR (4 and 6).
#define ROW_BLOCK 48
/// Columns of C per task: a multiple of every path's NR (4, 8 and 16).
#define COLUMN_BLOCK 256
/// The largest tile any path uses, which sizes the accumulator array.
#define MAX_MR 6
#define MAX_NR 16
/// Below this many multiply-adds a call runs on the calling thread alone.
#define PARALLEL_MIN_MACS (1 << 20)

#define ALWAYS_INLINE __attribute__((always_inline)) static inline

typedef struct {
  int64_t m, n, k;
  const double *a;
  int64_t lda;
  const double *b;
  int64_t ldb;
  double *c;
  int64_t ldc;
  int64_t columnBlocks;
  aez_kernel_path path;
} aez_dgemm_job;

static inline int64_t minimum(int64_t a, int64_t b) { return a < b ? a : b; }

/// One full mr x nr tile: C = A * B over the whole depth. With mr and nr constant after
/// inlining, the accumulators become vector registers.
ALWAYS_INLINE void fullTile(const int mr, const int nr, int64_t depth, const double *a,
                            int64_t lda, const double *b, int64_t ldb, double *c, int64_t ldc) {
  double sum[MAX_MR][MAX_NR];
  for (int i = 0; i < mr; i++)
    for (int j = 0; j < nr; j++) sum[i][j] = 0;
  for (int64_t k = 0; k < depth; k++) {
    const double *row = b + k * ldb;
    for (int i = 0; i < mr; i++) {
      double value = a[i * lda + k];
      for (int j = 0; j < nr; j++) sum[i][j] += value * row[j];
    }
  }
  for (int i = 0; i < mr; i++)
    for (int j = 0; j < nr; j++) c[i * ldc + j] = sum[i][j];
}

/// A tile cut short by the edge of C: plain loops, one output element at a time.
static void edgeTile(int64_t rows, int64_t columns, int64_t depth, const double *a, int64_t lda,
                     const double *b, int64_t ldb, double *c, int64_t ldc) {
  for (int64_t i = 0; i < rows; i++) {
    for (int64_t j = 0; j < columns; j++) {
      double sum = 0;
      for (int64_t k = 0; k < depth; k++) sum += a[i * lda + k] * b[k * ldb + j];
      c[i * ldc + j] = sum;
    }
  }
}

/// Computes rows [row0, rowEnd) by columns [column0, columnEnd) of C in mr x nr tiles.
ALWAYS_INLINE void block(const aez_dgemm_job *job, const int mr, const int nr, int64_t row0,
                         int64_t rowEnd, int64_t column0, int64_t columnEnd) {
  for (int64_t j = column0; j < columnEnd; j += nr) {
    int64_t columns = minimum(nr, columnEnd - j);
    for (int64_t i = row0; i < rowEnd; i += mr) {
      int64_t rows = minimum(mr, rowEnd - i);
      const double *a = job->a + i * job->lda;
      const double *b = job->b + j;
      double *c = job->c + i * job->ldc + j;
      if (rows == mr && columns == nr) {
        fullTile(mr, nr, job->k, a, job->lda, b, job->ldb, c, job->ldc);
      } else {
        edgeTile(rows, columns, job->k, a, job->lda, b, job->ldb, c, job->ldc);
      }
    }
  }
}

static void blockPortable(const aez_dgemm_job *job, int64_t row0, int64_t rowEnd,
                          int64_t column0, int64_t columnEnd) {
  block(job, 4, 4, row0, rowEnd, column0, columnEnd);
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) static void blockAVX2(const aez_dgemm_job *job,
                                                          int64_t row0, int64_t rowEnd,
                                                          int64_t column0, int64_t columnEnd) {
  block(job, 4, 8, row0, rowEnd, column0, columnEnd);
}

__attribute__((target("avx512f,fma"))) static void blockAVX512(const aez_dgemm_job *job,
                                                              int64_t row0, int64_t rowEnd,
                                                              int64_t column0,
                                                              int64_t columnEnd) {
  block(job, 6, 16, row0, rowEnd, column0, columnEnd);
}
#endif

static void runTask(void *context, int64_t task, int worker) {
  (void)worker;
  const aez_dgemm_job *job = context;
  int64_t row0 = task / job->columnBlocks * ROW_BLOCK;
  int64_t column0 = task % job->columnBlocks * COLUMN_BLOCK;
  int64_t rowEnd = minimum(row0 + ROW_BLOCK, job->m);
  int64_t columnEnd = minimum(column0 + COLUMN_BLOCK, job->n);
  switch (job->path) {
#if defined(__x86_64__)
  case AEZ_KERNEL_PATH_AVX512:
    blockAVX512(job, row0, rowEnd, column0, columnEnd);
    return;
  case AEZ_KERNEL_PATH_AVX2:
    blockAVX2(job, row0, rowEnd, column0, columnEnd);
    return;
#endif
  default:
    blockPortable(job, row0, rowEnd, column0, columnEnd);
    return;
  }
}

void aez_dgemm(int64_t M, int64_t N, int64_t K, const double *A, int64_t lda, const double *B,
               int64_t ldb, double *C, int64_t ldc) {
  if (M <= 0 || N <= 0) return;
  aez_dgemm_job job = {
      .m = M,
      .n = N,
      .k = K < 0 ? 0 : K,
      .a = A,
      .lda = lda,
      .b = B,
      .ldb = ldb,
      .c = C,
      .ldc = ldc,
      .columnBlocks = (N + COLUMN_BLOCK - 1) / COLUMN_BLOCK,
      .path = aez_kernel_path_current(),
  };
  int64_t tasks = (M + ROW_BLOCK - 1) / ROW_BLOCK * job.columnBlocks;
  int workers = M * N * job.k < PARALLEL_MIN_MACS ? 1 : aez_thread_count();
  aez_parallel_for(tasks, workers, runTask, &job);
}
