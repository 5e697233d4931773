// A small cache of scratch buffers (see scratch.h). Each buffer carries its capacity in a
// 64-byte header just before the memory handed out.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "scratch.h"

/// Buffers kept for reuse, and the most memory they may hold together.
#define AEZ_SCRATCH_SLOTS 16
#define AEZ_SCRATCH_CACHE_BYTES ((size_t)64 << 20)
#define AEZ_SCRATCH_HEADER 64

static pthread_mutex_t cacheLock = PTHREAD_MUTEX_INITIALIZER;
static float *cached[AEZ_SCRATCH_SLOTS];
static int cachedCount = 0;
static size_t cachedBytes = 0;

static inline size_t capacityOf(float *buffer) {
  return *(size_t *)((char *)buffer - AEZ_SCRATCH_HEADER);
}

float *aez_scratch_acquire(int64_t count) {
  size_t bytes = (size_t)(count > 0 ? count : 1) * sizeof(float);
  // Round up to 64 KB so that slightly different sizes share buffers.
  bytes = (bytes + 65535) & ~(size_t)65535;

  pthread_mutex_lock(&cacheLock);
  int best = -1;
  for (int slot = 0; slot < cachedCount; slot++) {
    size_t capacity = capacityOf(cached[slot]);
    if (capacity >= bytes && (best < 0 || capacity < capacityOf(cached[best]))) best = slot;
  }
  if (best >= 0) {
    float *buffer = cached[best];
    cachedBytes -= capacityOf(buffer);
    cached[best] = cached[--cachedCount];
    pthread_mutex_unlock(&cacheLock);
    return buffer;
  }
  pthread_mutex_unlock(&cacheLock);

  char *memory = aligned_alloc(64, bytes + AEZ_SCRATCH_HEADER);
  if (memory == NULL) {
    fprintf(stderr, "CKernels: out of memory allocating %zu bytes\n", bytes);
    abort();
  }
  *(size_t *)memory = bytes;
  return (float *)(memory + AEZ_SCRATCH_HEADER);
}

void aez_scratch_release(float *buffer) {
  if (buffer == NULL) return;
  size_t capacity = capacityOf(buffer);
  pthread_mutex_lock(&cacheLock);
  if (cachedCount == AEZ_SCRATCH_SLOTS) {
    // Make room by dropping the smallest buffer: big ones are the expensive ones to fault in.
    int smallest = 0;
    for (int slot = 1; slot < cachedCount; slot++)
      if (capacityOf(cached[slot]) < capacityOf(cached[smallest])) smallest = slot;
    if (capacityOf(cached[smallest]) < capacity) {
      float *evicted = cached[smallest];
      cachedBytes -= capacityOf(evicted);
      cached[smallest] = cached[--cachedCount];
      free((char *)evicted - AEZ_SCRATCH_HEADER);
    }
  }
  if (cachedCount < AEZ_SCRATCH_SLOTS && cachedBytes + capacity <= AEZ_SCRATCH_CACHE_BYTES) {
    cached[cachedCount++] = buffer;
    cachedBytes += capacity;
    buffer = NULL;
  }
  pthread_mutex_unlock(&cacheLock);
  if (buffer != NULL) free((char *)buffer - AEZ_SCRATCH_HEADER);
}
