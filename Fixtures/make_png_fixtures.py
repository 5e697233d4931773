#!/usr/bin/env python3
"""Writes the PNG test fixtures in Fixtures/png/ from raw chunks (zlib + struct only).

The files are built without libpng, so the decoder under test is checked against an
independent writer. Every image's samples follow one formula that the Swift tests repeat:

    sample(x, y, c, levels) = (x * 40503 + y * 7919 + c * 21011 + x * y * 131) % levels

where `levels` is 2^bit_depth for grey and colour samples, or the palette size for palette
indices. Palette entry i is (r, g, b) = ((i*73 + 11) % 256, (i*151 + 7) % 256,
(i*31 + 200) % 256); with tRNS, entry i has alpha (i*97 + 3) % 256 for the first entries listed.
Rows use filter type (row % 5) so every PNG filter is exercised.

Usage: python3 Fixtures/make_png_fixtures.py   (rewrites Fixtures/png/*.png)
"""

import os
import struct
import zlib

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "png")
SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2)]


def sample(x, y, c, levels):
    return (x * 40503 + y * 7919 + c * 21011 + x * y * 131) % levels


def palette_entry(i):
    return ((i * 73 + 11) % 256, (i * 151 + 7) % 256, (i * 31 + 200) % 256)


def palette_alpha(i):
    return (i * 97 + 3) % 256


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def pack_row(values, bit_depth):
    if bit_depth == 16:
        return b"".join(struct.pack(">H", v) for v in values)
    if bit_depth == 8:
        return bytes(values)
    per_byte = 8 // bit_depth
    out = bytearray((len(values) + per_byte - 1) // per_byte)
    for i, v in enumerate(values):
        out[i // per_byte] |= v << (8 - bit_depth * (i % per_byte + 1))
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_rows(rows, bpp):
    """Filters packed rows of one (sub)image, using filter type row % 5."""
    out = bytearray()
    previous = bytes(len(rows[0])) if rows else b""
    for index, row in enumerate(rows):
        kind = index % 5
        out.append(kind)
        for i, value in enumerate(row):
            left = row[i - bpp] if i >= bpp else 0
            up = previous[i]
            corner = previous[i - bpp] if i >= bpp else 0
            predictor = [0, left, up, (left + up) // 2, paeth(left, up, corner)][kind]
            out.append((value - predictor) & 0xFF)
        previous = row
    return bytes(out)


def image_data(width, height, color_type, bit_depth, interlaced, levels):
    channels = CHANNELS[color_type]
    bpp = max(1, channels * bit_depth // 8)

    def row_values(y, xs):
        return [sample(x, y, c, levels) for x in xs for c in range(channels)]

    if not interlaced:
        rows = [pack_row(row_values(y, range(width)), bit_depth) for y in range(height)]
        return filter_rows(rows, bpp)
    raw = bytearray()
    for x0, y0, dx, dy in ADAM7:
        xs = list(range(x0, width, dx))
        ys = list(range(y0, height, dy))
        if xs and ys:
            raw += filter_rows([pack_row(row_values(y, xs), bit_depth) for y in ys], bpp)
    return bytes(raw)


def png(width, height, color_type, bit_depth, interlaced=False, palette_size=0,
        trns=None, extra=(), idat_split=0, levels=None):
    if levels is None:
        levels = palette_size if color_type == 3 else 1 << bit_depth
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, int(interlaced))
    out = SIGNATURE + chunk(b"IHDR", ihdr)
    for kind, data in extra:
        out += chunk(kind, data)
    if color_type == 3:
        out += chunk(b"PLTE", b"".join(bytes(palette_entry(i)) for i in range(palette_size)))
    if trns is not None:
        out += chunk(b"tRNS", trns)
    compressed = zlib.compress(image_data(width, height, color_type, bit_depth, interlaced,
                                          levels), 9)
    pieces = [compressed]
    if idat_split:
        pieces = [compressed[i:i + idat_split] for i in range(0, len(compressed), idat_split)]
    for piece in pieces:
        out += chunk(b"IDAT", piece)
    return out + chunk(b"IEND", b"")


def grey_key(value):
    """A grey tRNS chunk: one 16-bit big-endian key at the image's own bit depth."""
    return struct.pack(">H", value)


def valid_fixtures():
    rgb_key = bytes(b for c in range(3) for b in struct.pack(">H", sample(2, 1, c, 256)))
    ancillary = [(b"gAMA", struct.pack(">I", 45455)), (b"sBIT", bytes([12, 12, 12])),
                 (b"tEXt", b"Comment\x00made by make_png_fixtures.py")]
    return {
        "grey1.png": png(7, 5, 0, 1),
        "grey2.png": png(7, 5, 0, 2),
        "grey4.png": png(7, 5, 0, 4),
        "grey8.png": png(7, 5, 0, 8),
        "grey16.png": png(7, 5, 0, 16),
        "grey_alpha8.png": png(6, 4, 4, 8),
        "grey_alpha16.png": png(6, 4, 4, 16),
        "rgb8.png": png(5, 4, 2, 8),
        "rgb16.png": png(5, 4, 2, 16, extra=ancillary),
        "rgba8.png": png(5, 4, 6, 8, idat_split=16),
        "rgba16.png": png(5, 4, 6, 16),
        "palette1.png": png(9, 3, 3, 1, palette_size=2),
        "palette2.png": png(9, 3, 3, 2, palette_size=4),
        "palette4.png": png(9, 3, 3, 4, palette_size=16),
        "palette8.png": png(9, 3, 3, 8, palette_size=200),
        "palette2_trns.png": png(9, 3, 3, 2, palette_size=4,
                                 trns=bytes(palette_alpha(i) for i in range(3))),
        "palette8_trns.png": png(9, 3, 3, 8, palette_size=200,
                                 trns=bytes(palette_alpha(i) for i in range(100))),
        "grey2_trns.png": png(7, 5, 0, 2, trns=grey_key(1)),
        "grey8_trns.png": png(7, 5, 0, 8, trns=grey_key(sample(1, 1, 0, 256))),
        "grey16_trns.png": png(7, 5, 0, 16, trns=grey_key(sample(2, 1, 0, 65536))),
        "rgb8_trns.png": png(5, 4, 2, 8, trns=rgb_key),
        "interlaced_grey1.png": png(13, 11, 0, 1, interlaced=True),
        "interlaced_grey8_3x2.png": png(3, 2, 0, 8, interlaced=True),
        "interlaced_rgb8.png": png(13, 11, 2, 8, interlaced=True),
        "interlaced_rgba16.png": png(13, 11, 6, 16, interlaced=True),
        "interlaced_palette4_trns.png": png(13, 11, 3, 4, interlaced=True, palette_size=16,
                                            trns=bytes(palette_alpha(i) for i in range(16))),
    }


def replace_chunk_data(data, kind, new_data, fix_crc=True):
    """Returns data with the first chunk of `kind` given new contents."""
    offset = 8
    while offset < len(data):
        length, = struct.unpack(">I", data[offset:offset + 4])
        if data[offset + 4:offset + 8] == kind:
            body = kind + new_data
            crc = zlib.crc32(body) & 0xFFFFFFFF
            if not fix_crc:
                crc ^= 0xFFFFFFFF
            replacement = struct.pack(">I", len(new_data)) + body + struct.pack(">I", crc)
            return data[:offset] + replacement + data[offset + 12 + length:]
        offset += 12 + length
    raise ValueError(kind)


def chunk_data(data, kind):
    offset = 8
    while offset < len(data):
        length, = struct.unpack(">I", data[offset:offset + 4])
        if data[offset + 4:offset + 8] == kind:
            return data[offset + 8:offset + 8 + length]
        offset += 12 + length
    raise ValueError(kind)


def corrupt_fixtures(valid):
    base = valid["rgb8.png"]
    idat = chunk_data(base, b"IDAT")
    idat_start = base.index(b"IDAT") - 4
    iend_start = base.index(b"IEND") - 4
    short_stream = zlib.compress(image_data(5, 2, 2, 8, False, 256), 9)
    huge_ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    return {
        "corrupt_empty.png": b"",
        "corrupt_signature.png": base[:1] + b"X" + base[2:],
        "corrupt_text.png": b"hello, this is plain text and not an image\n",
        "corrupt_short_signature.png": base[:5],
        "corrupt_truncated_header.png": base[:20],
        "corrupt_truncated_idat.png": base[:idat_start + 8 + len(idat) // 2],
        "corrupt_missing_iend.png": base[:iend_start],
        "corrupt_crc_ihdr.png": replace_chunk_data(base, b"IHDR", chunk_data(base, b"IHDR"),
                                                   fix_crc=False),
        "corrupt_crc_idat.png": replace_chunk_data(base, b"IDAT", idat, fix_crc=False),
        "corrupt_bit_depth.png": replace_chunk_data(
            base, b"IHDR", struct.pack(">IIBBBBB", 5, 4, 3, 0, 0, 0, 0)),
        "corrupt_zlib.png": replace_chunk_data(base, b"IDAT", b"\x78\x9c" + b"\xff" * 30),
        "corrupt_short_idat.png": replace_chunk_data(base, b"IDAT", short_stream),
        "corrupt_no_palette.png": replace_chunk_data(
            base, b"IHDR", struct.pack(">IIBBBBB", 5, 4, 8, 3, 0, 0, 0)),
        "corrupt_huge.png": replace_chunk_data(base, b"IHDR", huge_ihdr),
    }


def main():
    os.makedirs(OUTPUT, exist_ok=True)
    valid = valid_fixtures()
    files = dict(valid)
    files.update(corrupt_fixtures(valid))
    for name, data in sorted(files.items()):
        with open(os.path.join(OUTPUT, name), "wb") as handle:
            handle.write(data)
    print(f"wrote {len(files)} files, {sum(map(len, files.values()))} bytes, to {OUTPUT}")


if __name__ == "__main__":
    main()
