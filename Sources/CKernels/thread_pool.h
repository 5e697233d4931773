// A small persistent pool of worker threads that runs a numbered set of tasks.
//
// Tasks are handed out dynamically (whichever worker is free takes the next index), so callers
// must make every task write its own outputs and compute them in an order that does not depend
// on which worker runs it. That is what makes results independent of the thread count.
#ifndef CKERNELS_THREAD_POOL_H
#define CKERNELS_THREAD_POOL_H

#include <stdint.h>

/// The work of one task: `worker` is in 0..<workerLimit and is stable for the whole task, so it
/// can index per-worker scratch memory.
typedef void (*aez_task_fn)(void *context, int64_t task, int worker);

/// Runs tasks 0..<taskCount on up to `workerLimit` threads (the caller's included) and returns
/// when all have finished. When another job already occupies the pool, the tasks run on the
/// calling thread alone, which gives the same results.
void aez_parallel_for(int64_t taskCount, int workerLimit, aez_task_fn task, void *context);

#endif
