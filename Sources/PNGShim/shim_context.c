// State and libpng callbacks shared by png_read.c and png_write.c.

#include "shim_context.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void shim_init_context(shim_context *context, const uint8_t *input, size_t input_size,
                       pngshim_status failure, char *message, size_t message_capacity) {
  memset(context, 0, sizeof(*context));
  context->input = input;
  context->input_size = input_size;
  context->failure = failure;
  context->message = message;
  context->message_capacity = message_capacity;
  if (message != NULL && message_capacity > 0) {
    message[0] = '\0';
  }
}

void shim_set_message(shim_context *context, const char *format, ...) {
  if (context->message == NULL || context->message_capacity == 0) {
    return;
  }
  va_list arguments;
  va_start(arguments, format);
  vsnprintf(context->message, context->message_capacity, format, arguments);
  va_end(arguments);
}

// libpng requires the error handler not to return: record the reason and jump back to the
// setjmp in run_decode or run_encode.
void shim_on_error(png_structp png, png_const_charp reason) {
  shim_context *context = (shim_context *)png_get_error_ptr(png);
  shim_set_message(context, "%s", reason);
  png_longjmp(png, 1);
}

// Warnings concern recoverable oddities (an ancillary chunk with a bad CRC is dropped, for
// example). A library must not print, and the image is still decoded, so they are ignored.
void shim_on_warning(png_structp png, png_const_charp reason) {
  (void)png;
  (void)reason;
}
