#ifndef PNGSHIM_CONTEXT_H
#define PNGSHIM_CONTEXT_H

// Internal to the PNGShim target: state and libpng callbacks shared by the read and write
// paths. Not part of the public header.

#include "PNGShim.h"

#include <png.h>
#include <stddef.h>
#include <stdint.h>

// PNG's own limit on either dimension (IHDR stores them as 31-bit values).
#define PNGSHIM_MAX_DIMENSION 0x7fffffffu

// State shared with libpng's callbacks during one call.
//
// It lives in the frame of the public entry point, not in the function that calls setjmp, so
// the values the callbacks store here are still valid after libpng longjmps back.
typedef struct shim_context {
  const uint8_t *input;
  size_t input_size;
  size_t input_offset;
  // Decode destination (NULL when only the header is wanted) and its length in samples.
  uint16_t *samples;
  size_t sample_count;
  // Set once every row is decoded, so running out of data afterwards is reported as a
  // missing IEND rather than as missing pixels.
  int rows_complete;
  uint8_t *output;
  size_t output_size;
  size_t output_capacity;
  // Status to report when libpng calls the error handler; callbacks that know better (a read
  // past the end, a failed allocation) overwrite it before raising the error.
  pngshim_status failure;
  char *message;
  size_t message_capacity;
} shim_context;

/// Prepares a context for one call; clears the message buffer.
void shim_init_context(shim_context *context, const uint8_t *input, size_t input_size,
                       pngshim_status failure, char *message, size_t message_capacity);

/// Formats a NUL-terminated reason into the context's message buffer (truncating if needed).
void shim_set_message(shim_context *context, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/// libpng error handler: records the reason and longjmps to the caller's setjmp.
void shim_on_error(png_structp png, png_const_charp reason);

/// libpng warning handler: ignores the warning.
void shim_on_warning(png_structp png, png_const_charp reason);

#endif
