// Decoding: pngshim_read_header and pngshim_decode, reading a PNG from memory.

#include "shim_context.h"

#include <png.h>
#include <setjmp.h>
#include <string.h>

static void read_input(png_structp png, png_bytep destination, size_t count) {
  shim_context *context = (shim_context *)png_get_io_ptr(png);
  size_t remaining = context->input_size - context->input_offset;
  if (count > remaining) {
    context->failure = PNGSHIM_TRUNCATED;
    png_error(png, context->rows_complete ? "file ends before its IEND chunk"
                                          : "file ends before the image is complete");
  }
  memcpy(destination, context->input + context->input_offset, count);
  context->input_offset += count;
}

// Checks the 8-byte signature before libpng sees the data, so that "not a PNG" and "cut short
// inside the signature" get their own statuses.
static pngshim_status check_signature(shim_context *context) {
  if (context->input_size == 0) {
    shim_set_message(context, "file is empty");
    return PNGSHIM_EMPTY;
  }
  size_t checked = context->input_size < 8 ? context->input_size : 8;
  if (png_sig_cmp(context->input, 0, checked) != 0) {
    shim_set_message(context, "not a PNG file (bad signature)");
    return PNGSHIM_BAD_SIGNATURE;
  }
  if (context->input_size < 8) {
    shim_set_message(context, "file ends inside the PNG signature");
    return PNGSHIM_TRUNCATED;
  }
  return PNGSHIM_OK;
}

// Turns the bytes libpng wrote into the sample buffer into one uint16_t per sample, in place.
//
// 8-bit rows occupy the first count bytes of the buffer; walking backwards lets each byte be
// read before the wider store overwrites it. 16-bit rows hold big-endian pairs at the same
// offsets as their uint16_t slots, so a forward walk reads both bytes before each store.
static void widen_samples(uint16_t *samples, size_t count, uint32_t sample_bits) {
  const uint8_t *bytes = (const uint8_t *)samples;
  if (sample_bits == 16) {
    for (size_t index = 0; index < count; index++) {
      uint16_t value = (uint16_t)(((uint16_t)bytes[2 * index] << 8) | bytes[2 * index + 1]);
      samples[index] = value;
    }
  } else {
    for (size_t index = count; index > 0; index--) {
      uint16_t value = bytes[index - 1];
      samples[index - 1] = value;
    }
  }
}

// Decodes the header and, when context->samples is not NULL, the rows as bytes. Holds the only
// setjmp of the read path; png and info are not modified after setjmp, so they are valid after
// a longjmp, and everything else the error path needs is in *context.
static pngshim_status run_decode(shim_context *context, uint64_t max_pixels,
                                 pngshim_header *header) {
  png_structp png =
      png_create_read_struct(PNG_LIBPNG_VER_STRING, context, shim_on_error, shim_on_warning);
  if (png == NULL) {
    shim_set_message(context, "out of memory while creating the PNG reader");
    return PNGSHIM_OUT_OF_MEMORY;
  }
  png_infop info = png_create_info_struct(png);
  if (info == NULL) {
    png_destroy_read_struct(&png, NULL, NULL);
    shim_set_message(context, "out of memory while creating the PNG reader");
    return PNGSHIM_OUT_OF_MEMORY;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, NULL);
    return context->failure;
  }

  png_set_read_fn(png, context, read_input);
  // The caller's pixel limit replaces libpng's default 1,000,000-pixel width and height caps.
  png_set_user_limits(png, PNGSHIM_MAX_DIMENSION, PNGSHIM_MAX_DIMENSION);
  png_read_info(png, info);

  png_uint_32 width = 0;
  png_uint_32 height = 0;
  int bit_depth = 0;
  int color_type = 0;
  int interlace = 0;
  png_get_IHDR(png, info, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);
  int has_transparency = png_get_valid(png, info, PNG_INFO_tRNS) != 0;
  header->width = width;
  header->height = height;
  header->original_bit_depth = (uint32_t)bit_depth;
  header->original_color_type = (uint32_t)color_type;
  header->interlaced = interlace != PNG_INTERLACE_NONE;
  header->has_transparency = (uint32_t)has_transparency;

  // Checked before png_read_update_info, which allocates and clears row buffers sized by the
  // width: a forged IHDR must not cost gigabytes before it is refused.
  if ((uint64_t)width * (uint64_t)height > max_pixels) {
    png_destroy_read_struct(&png, &info, NULL);
    shim_set_message(context, "image has %lu x %lu pixels, more than the limit of %llu",
                (unsigned long)width, (unsigned long)height, (unsigned long long)max_pixels);
    return PNGSHIM_TOO_LARGE;
  }

  // Deflate codes at best 258 bytes in 2 bits (a length and a distance code of one bit each),
  // 1032:1, so the filtered rows (at least width * height * bits per pixel / 8 bytes, more
  // with filter bytes and interlacing) cannot be larger than 1032 times the input. A header
  // that declares more is refused before any row buffer is sized by it.
  uint64_t channels_stored = color_type == PNG_COLOR_TYPE_RGB          ? 3
                             : color_type == PNG_COLOR_TYPE_RGB_ALPHA  ? 4
                             : color_type == PNG_COLOR_TYPE_GRAY_ALPHA ? 2
                                                                       : 1;
  // Compared as pixels against a bound in pixels, so that nothing can overflow: the pixel
  // count is at most 2^62 and the input far below 2^50 bytes.
  uint64_t bits_per_pixel = channels_stored * (uint64_t)bit_depth;
  uint64_t data_limit_bits = 8 * 1032 * ((uint64_t)context->input_size + 1);
  if ((uint64_t)width * (uint64_t)height > data_limit_bits / bits_per_pixel) {
    png_destroy_read_struct(&png, &info, NULL);
    shim_set_message(context, "image has %lu x %lu pixels, more than %zu bytes of PNG can hold",
                     (unsigned long)width, (unsigned long)height, context->input_size);
    return PNGSHIM_SIZE_EXCEEDS_DATA;
  }

  // Expansions only: no gamma, background, sBIT shift or 16-to-8 reduction is requested, so
  // every sample arrives as stored (low-bit grey scaled to 8 bits, palette entries looked up).
  if (color_type == PNG_COLOR_TYPE_PALETTE) {
    png_set_palette_to_rgb(png);
  }
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) {
    png_set_expand_gray_1_2_4_to_8(png);
  }
  if (has_transparency) {
    png_set_tRNS_to_alpha(png);
  }
  int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);

  uint32_t channels = png_get_channels(png, info);
  uint32_t sample_bits = png_get_bit_depth(png, info);
  size_t row_bytes = png_get_rowbytes(png, info);

  header->channels = channels;
  header->sample_bits = sample_bits;

  if (channels < 1 || channels > 4 || (sample_bits != 8 && sample_bits != 16) ||
      row_bytes != (size_t)width * channels * (sample_bits / 8)) {
    png_destroy_read_struct(&png, &info, NULL);
    shim_set_message(context, "unexpected row layout after expansion (%u channels, %u bits)",
                channels, sample_bits);
    return PNGSHIM_CORRUPT;
  }
  if (context->samples == NULL) {
    png_destroy_read_struct(&png, &info, NULL);
    return PNGSHIM_OK;
  }
  if (context->sample_count != (size_t)width * height * channels) {
    png_destroy_read_struct(&png, &info, NULL);
    shim_set_message(context, "sample buffer holds %zu values, the image needs %zu",
                context->sample_count, (size_t)width * height * channels);
    return PNGSHIM_INVALID_ARGUMENT;
  }

  // libpng writes rows of bytes straight into the sample buffer, which is at least as large
  // as the byte image (twice as large for 8-bit samples); widen_samples then spreads them out.
  // With interlace handling each pass fills in only its own pixels of every row.
  uint8_t *bytes = (uint8_t *)context->samples;
  for (int pass = 0; pass < passes; pass++) {
    for (png_uint_32 row = 0; row < height; row++) {
      png_read_row(png, bytes + (size_t)row * row_bytes, NULL);
    }
  }
  context->rows_complete = 1;
  // Reading to IEND verifies the trailing chunks, so a file cut after its last IDAT is
  // reported as truncated rather than silently accepted.
  png_read_end(png, NULL);
  png_destroy_read_struct(&png, &info, NULL);
  return PNGSHIM_OK;
}

pngshim_status pngshim_read_header(const uint8_t *data, size_t size, uint64_t max_pixels,
                                   pngshim_header *header, char *message,
                                   size_t message_capacity) {
  return pngshim_decode(data, size, max_pixels, header, NULL, 0, message, message_capacity);
}

pngshim_status pngshim_decode(const uint8_t *data, size_t size, uint64_t max_pixels,
                              pngshim_header *header, uint16_t *samples, size_t sample_count,
                              char *message, size_t message_capacity) {
  shim_context context;
  shim_init_context(&context, data, size, PNGSHIM_CORRUPT, message, message_capacity);
  if (header == NULL || (data == NULL && size > 0)) {
    shim_set_message(&context, "missing header or data pointer");
    return PNGSHIM_INVALID_ARGUMENT;
  }
  memset(header, 0, sizeof(*header));

  pngshim_status status = check_signature(&context);
  if (status != PNGSHIM_OK) {
    return status;
  }
  context.samples = samples;
  context.sample_count = sample_count;
  status = run_decode(&context, max_pixels, header);
  if (status == PNGSHIM_OK && samples != NULL) {
    widen_samples(samples, sample_count, header->sample_bits);
  }
  return status;
}
