// A persistent pool of helper threads, created on first need and kept for the process lifetime.
//
// One job runs at a time. The thread that submits it takes part as worker 0; helpers are woken
// through a generation counter and claim task indices from an atomic counter until none are
// left. The submitter waits only for helpers that joined the job before it ran out of tasks:
// on a busy machine a helper that is not scheduled in time simply misses the job, instead of
// holding the submitter up for a scheduler tick. A caller that finds the pool busy (another thread's job, or a task that itself calls a
// kernel) runs its tasks inline instead of waiting, so the pool can never deadlock.
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "thread_pool.h"

/// More helpers than this are never started, whatever the requested thread count.
#define AEZ_MAX_HELPERS 255

/// Spin iterations a helper waits for the next job before sleeping: back-to-back jobs (the
/// packing pass, then the compute pass) then start without a futex wake-up.
#define AEZ_HELPER_SPIN 4000

typedef struct {
  pthread_mutex_t jobLock;
  pthread_mutex_t lock;
  pthread_cond_t wake;
  pthread_cond_t done;
  int helperCount;
  _Atomic uint64_t generation;
  aez_task_fn task;
  void *context;
  int64_t taskCount;
  int helpersWanted;
  /// Whether helpers may still join the current job.
  int jobOpen;
  /// Helpers that joined the current job and have not finished.
  int activeHelpers;
  _Atomic int64_t nextTask;
  /// The generation current when each helper was started: its first job is the next one.
  uint64_t spawnGeneration[AEZ_MAX_HELPERS + 1];
} aez_pool;

static aez_pool pool = {
    .jobLock = PTHREAD_MUTEX_INITIALIZER,
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .wake = PTHREAD_COND_INITIALIZER,
    .done = PTHREAD_COND_INITIALIZER,
};

static void runTasks(aez_task_fn task, void *context, int64_t taskCount, int worker) {
  for (;;) {
    int64_t index = atomic_fetch_add_explicit(&pool.nextTask, 1, memory_order_relaxed);
    if (index >= taskCount) return;
    task(context, index, worker);
  }
}

static inline void cpuRelax(void) {
#if defined(__x86_64__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ volatile("yield");
#endif
}

static void *helperMain(void *argument) {
  int helperIndex = (int)(intptr_t)argument;  // 1-based: worker 0 is the submitting thread.
  uint64_t seen = pool.spawnGeneration[helperIndex];
  for (;;) {
    for (int spin = 0; spin < AEZ_HELPER_SPIN; spin++) {
      if (atomic_load_explicit(&pool.generation, memory_order_acquire) != seen) break;
      cpuRelax();
    }
    pthread_mutex_lock(&pool.lock);
    while (atomic_load_explicit(&pool.generation, memory_order_relaxed) == seen)
      pthread_cond_wait(&pool.wake, &pool.lock);
    seen = atomic_load_explicit(&pool.generation, memory_order_relaxed);
    if (helperIndex > pool.helpersWanted || !pool.jobOpen) {
      pthread_mutex_unlock(&pool.lock);
      continue;
    }
    pool.activeHelpers += 1;
    aez_task_fn task = pool.task;
    void *context = pool.context;
    int64_t taskCount = pool.taskCount;
    pthread_mutex_unlock(&pool.lock);

    runTasks(task, context, taskCount, helperIndex);

    pthread_mutex_lock(&pool.lock);
    pool.activeHelpers -= 1;
    if (pool.activeHelpers == 0 && !pool.jobOpen) pthread_cond_signal(&pool.done);
    pthread_mutex_unlock(&pool.lock);
  }
  return NULL;
}

/// Starts helpers until there are `wanted`; returns how many exist. Called with pool.lock held.
static int ensureHelpers(int wanted) {
  while (pool.helperCount < wanted) {
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    pool.spawnGeneration[pool.helperCount + 1] =
        atomic_load_explicit(&pool.generation, memory_order_relaxed);
    int failed = pthread_create(&thread, &attributes, helperMain,
                                (void *)(intptr_t)(pool.helperCount + 1));
    pthread_attr_destroy(&attributes);
    if (failed) break;
    pool.helperCount += 1;
  }
  return pool.helperCount < wanted ? pool.helperCount : wanted;
}

void aez_parallel_for(int64_t taskCount, int workerLimit, aez_task_fn task, void *context) {
  if (taskCount <= 0) return;
  int64_t workers = workerLimit < taskCount ? workerLimit : taskCount;
  if (workers > AEZ_MAX_HELPERS + 1) workers = AEZ_MAX_HELPERS + 1;
  if (workers <= 1 || pthread_mutex_trylock(&pool.jobLock) != 0) {
    for (int64_t index = 0; index < taskCount; index++) task(context, index, 0);
    return;
  }

  pthread_mutex_lock(&pool.lock);
  int helpers = ensureHelpers((int)workers - 1);
  pool.task = task;
  pool.context = context;
  pool.taskCount = taskCount;
  pool.helpersWanted = helpers;
  pool.jobOpen = 1;
  pool.activeHelpers = 0;
  atomic_store_explicit(&pool.nextTask, 0, memory_order_relaxed);
  atomic_fetch_add_explicit(&pool.generation, 1, memory_order_release);
  pthread_cond_broadcast(&pool.wake);
  pthread_mutex_unlock(&pool.lock);

  runTasks(task, context, taskCount, 0);

  // Every task is claimed now; wait for the helpers still running theirs.
  pthread_mutex_lock(&pool.lock);
  pool.jobOpen = 0;
  while (pool.activeHelpers > 0) pthread_cond_wait(&pool.done, &pool.lock);
  pthread_mutex_unlock(&pool.lock);
  pthread_mutex_unlock(&pool.jobLock);
}
