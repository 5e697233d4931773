#ifndef PNGSHIM_H
#define PNGSHIM_H

// A small C boundary around libpng.
//
// libpng reports errors by longjmp, which must never cross a Swift frame. Every setjmp lives
// inside this target (png_read.c, png_write.c); each entry point returns a status code and
// copies libpng's reason into a caller-owned message buffer. Nothing keeps state between calls.

#include <stddef.h>
#include <stdint.h>

/// Outcome of a shim call.
typedef enum pngshim_status {
  /// The call succeeded.
  PNGSHIM_OK = 0,
  /// The input holds zero bytes.
  PNGSHIM_EMPTY = 1,
  /// The first bytes are not the PNG signature.
  PNGSHIM_BAD_SIGNATURE = 2,
  /// The data ends before the image (or its IEND chunk) is complete.
  PNGSHIM_TRUNCATED = 3,
  /// libpng rejected the data (bad CRC, invalid IHDR, broken zlib stream, ...).
  PNGSHIM_CORRUPT = 4,
  /// The image has more pixels than the caller's limit.
  PNGSHIM_TOO_LARGE = 5,
  /// A memory allocation failed.
  PNGSHIM_OUT_OF_MEMORY = 6,
  /// The caller passed inconsistent arguments (a programming error on the Swift side).
  PNGSHIM_INVALID_ARGUMENT = 7,
  /// libpng refused to write the image; the message holds its reason.
  PNGSHIM_WRITE_FAILED = 8,
  /// The image needs more pixel data than the whole input could hold even at deflate's
  /// best possible ratio (1032:1): the header lies about the size.
  PNGSHIM_SIZE_EXCEEDS_DATA = 9,
} pngshim_status;

/// What a decode produces, described after libpng's expansions.
///
/// Palette images expand to RGB (RGBA when a tRNS chunk is present). Grey or RGB images with a
/// tRNS chunk gain an alpha channel (0 where the pixel equals the tRNS key, full scale
/// elsewhere). Grey below 8 bits is scaled to 8 bits (1-bit 0/1 becomes 0/255).
typedef struct pngshim_header {
  /// Width in pixels (IHDR), at least 1.
  uint32_t width;
  /// Height in pixels (IHDR), at least 1.
  uint32_t height;
  /// Samples per pixel after expansion: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA.
  uint32_t channels;
  /// Bits per decoded sample: 8 or 16.
  uint32_t sample_bits;
  /// IHDR bit depth: 1, 2, 4, 8 or 16 (for palette images, the index depth).
  uint32_t original_bit_depth;
  /// IHDR colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.
  uint32_t original_color_type;
  /// 1 when the image is Adam7-interlaced.
  uint32_t interlaced;
  /// 1 when the file has a tRNS chunk.
  uint32_t has_transparency;
} pngshim_header;

/// Reads the signature and IHDR of an in-memory PNG and reports the decoded shape.
///
/// - Parameters:
///   - data: the PNG bytes; may be NULL only when size is 0.
///   - size: number of bytes in data.
///   - max_pixels: largest width * height accepted; larger images give PNGSHIM_TOO_LARGE (the
///     header is still filled in so the caller can report the size). An image whose pixel
///     data could not fit in `size` bytes gives PNGSHIM_SIZE_EXCEEDS_DATA. Both are checked
///     before libpng allocates anything that grows with the image.
///   - header: receives the description of the decoded image.
///   - message, message_capacity: receives a NUL-terminated reason on failure.
/// - Returns: PNGSHIM_OK or the reason for failure.
pngshim_status pngshim_read_header(const uint8_t *data, size_t size, uint64_t max_pixels,
                                   pngshim_header *header, char *message,
                                   size_t message_capacity);

/// Decodes an in-memory PNG into interleaved, row-major 16-bit sample storage.
///
/// Each output element holds one sample: 0...255 when header->sample_bits is 8, 0...65535 when
/// it is 16. 16-bit samples are assembled from PNG's big-endian byte pairs exactly as stored;
/// no gamma, sBIT or colour-space transform is applied.
///
/// - Parameters:
///   - data, size, max_pixels, header, message, message_capacity: as for pngshim_read_header.
///   - samples: storage for width * height * channels elements, as reported by
///     pngshim_read_header for the same data.
///   - sample_count: number of elements in samples; must match the header exactly.
/// - Returns: PNGSHIM_OK or the reason for failure; samples are unspecified on failure.
/// - Complexity: O(size + sample_count); no allocation beyond libpng's own.
pngshim_status pngshim_decode(const uint8_t *data, size_t size, uint64_t max_pixels,
                              pngshim_header *header, uint16_t *samples, size_t sample_count,
                              char *message, size_t message_capacity);

/// Encodes interleaved, row-major samples as a non-interlaced PNG in memory.
///
/// - Parameters:
///   - samples: width * height * channels values, each already within 0...(2^bit_depth - 1).
///   - sample_count: number of elements in samples.
///   - width, height: image size in pixels, each 1...2^31 - 1.
///   - channels: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA.
///   - bit_depth: 8 or 16 for every layout; 1, 2 or 4 for grey only.
///   - compression_level: zlib level 0...9.
///   - output, output_size: on success, a malloc'd buffer with the PNG file; release it with
///     pngshim_free.
///   - message, message_capacity: receives a NUL-terminated reason on failure.
/// - Returns: PNGSHIM_OK or the reason for failure.
pngshim_status pngshim_encode(const uint16_t *samples, size_t sample_count, uint32_t width,
                              uint32_t height, uint32_t channels, uint32_t bit_depth,
                              int compression_level, uint8_t **output, size_t *output_size,
                              char *message, size_t message_capacity);

/// Releases a buffer returned by pngshim_encode.
void pngshim_free(void *buffer);

#endif
