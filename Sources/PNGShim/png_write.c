// Encoding: pngshim_encode, writing a PNG into a growing malloc buffer.

#include "shim_context.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

static void write_output(png_structp png, png_bytep source, size_t count) {
  shim_context *context = (shim_context *)png_get_io_ptr(png);
  if (count > context->output_capacity - context->output_size) {
    size_t needed = context->output_size + count;
    size_t capacity = context->output_capacity > 0 ? context->output_capacity : 8192;
    while (capacity < needed) {
      capacity *= 2;
    }
    uint8_t *grown = (uint8_t *)realloc(context->output, capacity);
    if (grown == NULL) {
      context->failure = PNGSHIM_OUT_OF_MEMORY;
      png_error(png, "out of memory while writing the PNG");
    }
    context->output = grown;
    context->output_capacity = capacity;
  }
  memcpy(context->output + context->output_size, source, count);
  context->output_size += count;
}

static void flush_output(png_structp png) { (void)png; }

// Packs one row of samples into PNG's big-endian, most-significant-bits-first row format.
static void pack_row(const uint16_t *values, size_t count, uint32_t bit_depth, uint8_t *row,
                     size_t row_bytes) {
  if (bit_depth == 16) {
    for (size_t index = 0; index < count; index++) {
      row[2 * index] = (uint8_t)(values[index] >> 8);
      row[2 * index + 1] = (uint8_t)(values[index] & 0xff);
    }
  } else if (bit_depth == 8) {
    for (size_t index = 0; index < count; index++) {
      row[index] = (uint8_t)values[index];
    }
  } else {
    size_t per_byte = 8 / bit_depth;
    memset(row, 0, row_bytes);
    for (size_t index = 0; index < count; index++) {
      unsigned shift = (unsigned)(8 - bit_depth * (index % per_byte + 1));
      row[index / per_byte] |= (uint8_t)(values[index] << shift);
    }
  }
}

// Writes the whole PNG through write_output. Holds the only setjmp of the write path.
static pngshim_status run_encode(shim_context *context, const uint16_t *samples,
                                 uint32_t width, uint32_t height, uint32_t channels,
                                 uint32_t bit_depth, int compression_level, uint8_t *row,
                                 size_t row_bytes) {
  static const int color_types[5] = {0, PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA,
                                     PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA};
  png_structp png =
      png_create_write_struct(PNG_LIBPNG_VER_STRING, context, shim_on_error, shim_on_warning);
  if (png == NULL) {
    shim_set_message(context, "out of memory while creating the PNG writer");
    return PNGSHIM_OUT_OF_MEMORY;
  }
  png_infop info = png_create_info_struct(png);
  if (info == NULL) {
    png_destroy_write_struct(&png, NULL);
    shim_set_message(context, "out of memory while creating the PNG writer");
    return PNGSHIM_OUT_OF_MEMORY;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return context->failure;
  }

  png_set_write_fn(png, context, write_output, flush_output);
  png_set_user_limits(png, PNGSHIM_MAX_DIMENSION, PNGSHIM_MAX_DIMENSION);
  png_set_IHDR(png, info, width, height, (int)bit_depth, color_types[channels],
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, compression_level);
  png_write_info(png, info);

  size_t row_samples = (size_t)width * channels;
  for (uint32_t y = 0; y < height; y++) {
    pack_row(samples + (size_t)y * row_samples, row_samples, bit_depth, row, row_bytes);
    png_write_row(png, row);
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return PNGSHIM_OK;
}

pngshim_status pngshim_encode(const uint16_t *samples, size_t sample_count, uint32_t width,
                              uint32_t height, uint32_t channels, uint32_t bit_depth,
                              int compression_level, uint8_t **output, size_t *output_size,
                              char *message, size_t message_capacity) {
  shim_context context;
  shim_init_context(&context, NULL, 0, PNGSHIM_WRITE_FAILED, message, message_capacity);
  if (output == NULL || output_size == NULL || samples == NULL) {
    shim_set_message(&context, "missing sample or output pointer");
    return PNGSHIM_INVALID_ARGUMENT;
  }
  *output = NULL;
  *output_size = 0;

  int low_bit = bit_depth == 1 || bit_depth == 2 || bit_depth == 4;
  if (channels < 1 || channels > 4 || !(bit_depth == 8 || bit_depth == 16 || low_bit) ||
      (low_bit && channels != 1)) {
    shim_set_message(&context, "cannot write %u channels at %u bits per sample", channels,
                bit_depth);
    return PNGSHIM_INVALID_ARGUMENT;
  }
  if (width < 1 || height < 1 || width > PNGSHIM_MAX_DIMENSION ||
      height > PNGSHIM_MAX_DIMENSION) {
    shim_set_message(&context, "cannot write a %u x %u image", width, height);
    return PNGSHIM_INVALID_ARGUMENT;
  }
  if (compression_level < 0 || compression_level > 9) {
    shim_set_message(&context, "compression level %d is outside 0...9", compression_level);
    return PNGSHIM_INVALID_ARGUMENT;
  }
  if ((uint64_t)sample_count != (uint64_t)width * height * channels) {
    shim_set_message(&context, "%zu samples given for a %u x %u x %u image", sample_count, width,
                height, channels);
    return PNGSHIM_INVALID_ARGUMENT;
  }
  uint32_t largest = (uint32_t)((1u << bit_depth) - 1u);
  for (size_t index = 0; index < sample_count; index++) {
    if (samples[index] > largest) {
      shim_set_message(&context, "sample %zu is %u, above the %u-bit maximum %u", index,
                  samples[index], bit_depth, largest);
      return PNGSHIM_INVALID_ARGUMENT;
    }
  }

  size_t row_bytes = ((size_t)width * channels * bit_depth + 7) / 8;
  uint8_t *row = (uint8_t *)malloc(row_bytes);
  if (row == NULL) {
    shim_set_message(&context, "out of memory for a %zu-byte row", row_bytes);
    return PNGSHIM_OUT_OF_MEMORY;
  }
  pngshim_status status = run_encode(&context, samples, width, height, channels, bit_depth,
                                     compression_level, row, row_bytes);
  free(row);

  if (status != PNGSHIM_OK) {
    free(context.output);
    return status;
  }
  *output = context.output;
  *output_size = context.output_size;
  return PNGSHIM_OK;
}

void pngshim_free(void *buffer) { free(buffer); }
