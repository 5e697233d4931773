// The blocked GEMM engine: task tiling, packing of A, and the loops around the micro-kernel.
// See gemm_driver.h for the blocking scheme.
#include <stdlib.h>

#include "CKernels.h"
#include "gemm_driver.h"
#include "microkernel.h"
#include "scratch.h"
#include "thread_pool.h"
#include "transpose.h"

/// Rows of A per L2-resident block (rounded down to a multiple of MR): 240 x 128 floats is
/// 120 KB, which leaves L2 room for the 256 KB B panel and the C tile being updated.
#define AEZ_GEMM_MC 240
/// Below this many multiply-adds (about 10 microseconds of work) a call runs on one thread:
/// waking a sleeping helper would cost more than it saves.
#define AEZ_GEMM_PARALLEL_MIN_MACS (1 << 20)
/// Largest A packed once for a whole call, in floats (64 MB); larger ones are packed per task.
#define AEZ_GEMM_SHARED_A_LIMIT (1 << 24)

static inline int64_t minimum(int64_t a, int64_t b) { return a < b ? a : b; }
static inline int64_t roundUp(int64_t value, int64_t step) {
  return (value + step - 1) / step * step;
}

void aez_pack_matrix(const aez_gemm_operand *operand, int64_t item, int64_t k0, int64_t kc,
                     int64_t index0, int64_t count, int64_t width, float *packed) {
  const float *base = operand->data + item * operand->itemStride;
  int64_t ld = operand->ld;
  if (!operand->indexMajor) {
    // Depth-major: each depth step is a contiguous run of indices. Rows a power of two apart,
    // or slivers kc * width floats apart, map to the same cache sets, so neither one sliver
    // down all rows nor one row across all slivers streams well; 16 rows at a time across the
    // slivers keeps both the reads and the writes in a few contiguous runs.
    for (int64_t kBlock = 0; kBlock < kc; kBlock += 16) {
      int64_t kEnd = minimum(kc, kBlock + 16);
      for (int64_t start = 0; start < count; start += width) {
        int64_t valid = minimum(width, count - start);
        float *sliver = packed + start / width * kc * width;
        for (int64_t k = kBlock; k < kEnd; k++) {
          const float *source = base + (k0 + k) * ld + index0 + start;
          float *out = sliver + k * width;
          for (int64_t i = 0; i < valid; i++) out[i] = source[i];
          for (int64_t i = valid; i < width; i++) out[i] = 0;
        }
      }
    }
    return;
  }
  for (int64_t start = 0; start < count; start += width) {
    int64_t valid = minimum(width, count - start);
    float *sliver = packed + start / width * kc * width;
    // Each index is a row of the stored matrix: a transpose into the sliver.
    aez_transpose(base + (index0 + start) * ld + k0, ld, valid, kc, sliver, width);
    for (int64_t k = 0; k < kc; k++)
      for (int64_t i = valid; i < width; i++) sliver[k * width + i] = 0;
  }
}

/// Per-part state of one call.
typedef struct {
  int64_t depth;  // k, or 0 when alpha == 0 (A * B is then not evaluated at all)
  int64_t depthBlocks;
  int64_t packTaskStart;  // index of the part's first A-packing task
  int64_t sharedOffset;   // where its packed A starts in the shared buffer, or -1
  float *sharedA;         // NULL when A is packed per task
} aez_gemm_part_state;

/// Everything the tasks of one call share.
typedef struct {
  const aez_gemm_problem *parts;
  aez_gemm_part_state *states;
  int64_t partCount;
  aez_microkernel_fn kernel;
  int64_t m, batch, columns;  // rows, items, and the widest part's columns
  int64_t mr, nr, mc;
  int64_t paddedRows;
  int64_t rowChunk, columnChunk, rowTasks, columnTasks;
  float **panels, **aBlocks, **cTiles;
} aez_gemm_job;

/// Packs one depth block of MC rows of a part's shared A. Layout: depth block b starts at
/// k0 * paddedRows; within it, sliver s (rows s*MR ..< s*MR+MR) starts at s * kc * MR.
static void packSharedATask(void *context, int64_t task, int worker) {
  (void)worker;
  const aez_gemm_job *job = context;
  int64_t part = 0;
  while (part + 1 < job->partCount && job->states[part + 1].packTaskStart <= task) part++;
  const aez_gemm_problem *problem = &job->parts[part];
  const aez_gemm_part_state *state = &job->states[part];
  int64_t rowBlocks = (job->m + job->mc - 1) / job->mc;
  int64_t local = task - state->packTaskStart;
  int64_t k0 = local / rowBlocks * AEZ_GEMM_KC, row0 = local % rowBlocks * job->mc;
  int64_t kc = minimum(AEZ_GEMM_KC, state->depth - k0);
  float *destination = state->sharedA + k0 * job->paddedRows + row0 / job->mr * kc * job->mr;
  problem->a.pack(&problem->a, 0, k0, kc, row0, minimum(job->mc, job->m - row0), job->mr,
                  destination);
}

/// Computes the tile (item, rows row0 ..< row0 + rowCount, columns column0 ..<) of one part
/// over its whole depth.
static void computeTile(const aez_gemm_job *job, int64_t part, int64_t item, int64_t row0,
                        int64_t rowCount, int64_t column0, int worker) {
  const aez_gemm_problem *problem = &job->parts[part];
  const aez_gemm_part_state *state = &job->states[part];
  int64_t columnCount = minimum(job->columnChunk, problem->n - column0);
  int64_t mr = job->mr, nr = job->nr;

  float *cTile;
  int64_t ldc;
  if (problem->store) {
    cTile = job->cTiles[worker];
    ldc = roundUp(job->columnChunk, nr);
  } else {
    ldc = problem->ldc;
    cTile = problem->c + item * problem->cItemStride + row0 * ldc + column0;
  }
  float *panel = job->panels[worker];

  for (int64_t block = 0; block < state->depthBlocks; block++) {
    int64_t k0 = block * AEZ_GEMM_KC;
    int64_t kc = minimum(AEZ_GEMM_KC, state->depth - k0);

    // The first block scales the old C by beta (or ignores it) and adds the bias; later blocks
    // add their partial sums to C; the last applies the activation.
    aez_epilogue epilogue = {
        .alpha = problem->alpha,
        .cScale = block == 0 ? problem->beta : 1,
        .loadC = block == 0 ? problem->beta != 0 : 1,
        .relu = problem->relu && block == state->depthBlocks - 1,
        .rowBias = NULL,
    };
    // With all rows in one A block, each B sliver is used by that block alone: pack it just
    // before use, so it goes from the packer to the kernel through L1 (kc x NR = 16 KB) instead
    // of through a whole panel in L2. Otherwise pack the panel once for all A blocks.
    int slicedB = rowCount <= job->mc;
    if (!slicedB) problem->b.pack(&problem->b, item, k0, kc, column0, columnCount, nr, panel);
    for (int64_t blockRow = row0; blockRow < row0 + rowCount; blockRow += job->mc) {
      int64_t blockRows = minimum(job->mc, row0 + rowCount - blockRow);
      const float *aBlock;
      if (state->sharedA) {
        aBlock = state->sharedA + k0 * job->paddedRows + blockRow / mr * kc * mr;
      } else {
        problem->a.pack(&problem->a, item, k0, kc, blockRow, blockRows, mr, job->aBlocks[worker]);
        aBlock = job->aBlocks[worker];
      }
      // The B sliver (kc x NR, 16 KB) stays in L1 while the A slivers stream past it from L2.
      for (int64_t j = 0; j < columnCount; j += nr) {
        int columns = (int)minimum(nr, columnCount - j);
        const float *bSliver = panel + j / nr * kc * nr;
        if (slicedB) {
          problem->b.pack(&problem->b, item, k0, kc, column0 + j, columns, nr, panel);
          bSliver = panel;
        }
        for (int64_t i = 0; i < blockRows; i += mr) {
          int rows = (int)minimum(mr, blockRows - i);
          int64_t row = blockRow + i;
          epilogue.rowBias = block == 0 && problem->rowBias ? problem->rowBias + row : NULL;
          job->kernel(kc, aBlock + i / mr * kc * mr, bSliver, cTile + (row - row0) * ldc + j,
                      ldc, rows, columns, &epilogue);
        }
      }
    }
  }
  if (problem->store)
    problem->store(problem->storeContext, item, row0, rowCount, column0, columnCount, cTile, ldc);
}

static void computeTask(void *context, int64_t task, int worker) {
  const aez_gemm_job *job = context;
  int64_t tilesPerItem = job->rowTasks * job->columnTasks;
  int64_t item = task / tilesPerItem;
  int64_t row0 = task % tilesPerItem / job->columnTasks * job->rowChunk;
  int64_t column0 = task % job->columnTasks * job->columnChunk;
  int64_t rowCount = minimum(job->rowChunk, job->m - row0);
  for (int64_t part = 0; part < job->partCount; part++) {
    if (column0 < job->parts[part].n)
      computeTile(job, part, item, row0, rowCount, column0, worker);
  }
}

/// Chooses task tiles: whole-height column panels first (they share the packed A and pack
/// each B value once), split further until there are a few tasks per worker to balance load.
static void chooseTiles(aez_gemm_job *job, int workers) {
  job->rowChunk = job->paddedRows;
  job->columnChunk = minimum(roundUp(job->columns, job->nr), AEZ_GEMM_NC);
  int64_t wanted = workers > 1 ? 4 * (int64_t)workers : 1;
  for (;;) {
    job->rowTasks = (job->m + job->rowChunk - 1) / job->rowChunk;
    job->columnTasks = (job->columns + job->columnChunk - 1) / job->columnChunk;
    if (job->batch * job->rowTasks * job->columnTasks >= wanted) break;
    if (job->columnChunk >= 4 * job->nr) {
      job->columnChunk = roundUp(job->columnChunk / 2, job->nr);
    } else if (job->rowChunk >= 2 * job->mr) {
      job->rowChunk = roundUp(job->rowChunk / 2, job->mr);
    } else {
      break;
    }
  }
}

void aez_gemm_run(const aez_gemm_problem *problem) { aez_gemm_run_parts(problem, 1); }

void aez_gemm_run_parts(const aez_gemm_problem *parts, int64_t partCount) {
  if (partCount <= 0 || parts[0].m <= 0 || parts[0].batch <= 0) return;
  const aez_microkernel_info *info = aez_microkernel_current();
  aez_gemm_part_state stateStorage[16];
  aez_gemm_part_state *states =
      partCount <= 16 ? stateStorage : malloc(sizeof(aez_gemm_part_state) * (size_t)partCount);
  if (states == NULL) abort();
  aez_gemm_job job = {
      .parts = parts,
      .states = states,
      .partCount = partCount,
      .kernel = info->kernel,
      .m = parts[0].m,
      .batch = parts[0].batch,
      .mr = info->mr,
      .nr = info->nr,
  };
  job.mc = AEZ_GEMM_MC / job.mr * job.mr;
  job.paddedRows = roundUp(job.m, job.mr);
  int64_t rowBlocks = (job.m + job.mc - 1) / job.mc;

  // Depth blocking, and which parts get A packed once for the whole call.
  double macs = 0;
  int64_t packTasks = 0, sharedFloats = 0;
  int anyStore = 0, anyUnshared = 0;
  for (int64_t part = 0; part < partCount; part++) {
    const aez_gemm_problem *problem = &parts[part];
    aez_gemm_part_state *state = &states[part];
    state->depth = problem->alpha == 0 || problem->k < 0 ? 0 : problem->k;
    state->depthBlocks = state->depth == 0 ? 1 : (state->depth + AEZ_GEMM_KC - 1) / AEZ_GEMM_KC;
    state->packTaskStart = packTasks;
    state->sharedA = NULL;
    if (problem->n > job.columns) job.columns = problem->n;
    macs += (double)job.m * (double)(problem->n > 0 ? problem->n : 0) * (double)state->depth *
            (double)job.batch;
    anyStore |= problem->store != NULL;
    int shared = (problem->aShared || job.batch == 1) && state->depth > 0 &&
                 job.paddedRows * state->depth <= AEZ_GEMM_SHARED_A_LIMIT;
    state->sharedOffset = shared ? sharedFloats : -1;
    if (shared) {
      sharedFloats += job.paddedRows * state->depth;
      packTasks += state->depthBlocks * rowBlocks;
    } else {
      anyUnshared = 1;
    }
  }
  if (job.columns <= 0) {
    if (states != stateStorage) free(states);
    return;
  }
  int workers = macs < AEZ_GEMM_PARALLEL_MIN_MACS ? 1 : aez_thread_count();
  chooseTiles(&job, workers);

  float *sharedA = NULL;
  if (sharedFloats > 0) {
    sharedA = aez_scratch_acquire(sharedFloats);
    for (int64_t part = 0; part < partCount; part++) {
      if (states[part].sharedOffset >= 0)
        states[part].sharedA = sharedA + states[part].sharedOffset;
    }
    aez_parallel_for(packTasks, workers, packSharedATask, &job);
  }

  // Per-worker scratch: the B panel, the A block when some A is not shared, the C tile when
  // some output is mapped. One allocation, cut in 64-byte aligned pieces.
  int64_t panelFloats = AEZ_GEMM_KC * roundUp(job.columnChunk, job.nr);
  int64_t aBlockFloats = anyUnshared ? AEZ_GEMM_KC * job.mc : 0;
  int64_t cTileFloats = anyStore ? job.rowChunk * roundUp(job.columnChunk, job.nr) : 0;
  int64_t perWorker = roundUp(panelFloats, 16) + roundUp(aBlockFloats, 16) +
                      roundUp(cTileFloats, 16);
  float *scratch = aez_scratch_acquire(perWorker * workers);
  float *pointers[3 * 64];
  float **slots = workers <= 64 ? pointers : malloc(sizeof(float *) * 3 * (size_t)workers);
  if (slots == NULL) abort();
  job.panels = slots;
  job.aBlocks = slots + workers;
  job.cTiles = slots + 2 * workers;
  for (int worker = 0; worker < workers; worker++) {
    float *base = scratch + perWorker * worker;
    job.panels[worker] = base;
    job.aBlocks[worker] = base + roundUp(panelFloats, 16);
    job.cTiles[worker] = job.aBlocks[worker] + roundUp(aBlockFloats, 16);
  }

  aez_parallel_for(job.batch * job.rowTasks * job.columnTasks, workers, computeTask, &job);

  if (slots != pointers) free(slots);
  aez_scratch_release(scratch);
  aez_scratch_release(sharedA);
  if (states != stateStorage) free(states);
}
