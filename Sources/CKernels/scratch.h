// Reusable scratch memory for packed panels and temporaries.
//
// Kernels are called over and over with the same shapes (every layer of every training step),
// and fresh multi-megabyte allocations cost a page fault and a page clear per 4 KB each time.
// Released buffers are therefore kept, up to a cap, and handed out again.
#ifndef CKERNELS_SCRATCH_H
#define CKERNELS_SCRATCH_H

#include <stdint.h>

/// Returns at least `count` floats, 64-byte aligned, with unspecified contents. Aborts with a
/// message if memory is exhausted (the kernels have no error channel).
float *aez_scratch_acquire(int64_t count);

/// Gives back a buffer from aez_scratch_acquire (NULL is ignored).
void aez_scratch_release(float *buffer);

#endif
