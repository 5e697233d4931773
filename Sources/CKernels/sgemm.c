// aez_sgemm: the public matrix multiply, a thin front end to the GEMM engine.
#include "CKernels.h"
#include "gemm_driver.h"

void aez_sgemm(int transA, int transB, int64_t M, int64_t N, int64_t K, float alpha,
               const float *A, int64_t lda, const float *B, int64_t ldb, float beta, float *C,
               int64_t ldc) {
  // A(i, k) is A[i * lda + k] unless transposed; B(k, j) is B[k * ldb + j] unless transposed.
  aez_gemm_problem problem = {
      .m = M,
      .n = N,
      .k = K,
      .batch = 1,
      .a = {.pack = aez_pack_matrix, .data = A, .ld = lda, .indexMajor = !transA},
      .b = {.pack = aez_pack_matrix, .data = B, .ld = ldb, .indexMajor = transB != 0},
      .aShared = 1,
      .c = C,
      .ldc = ldc,
      .alpha = alpha,
      .beta = beta,
  };
  aez_gemm_run(&problem);
}
