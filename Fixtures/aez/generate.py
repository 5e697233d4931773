#!/usr/bin/env python3
"""Writes the .aez test fixtures in this folder and their README.

This is a second, independent implementation of Specs/aez-format.md: the Swift tests parse
these files and also check that the Swift writer reproduces the valid ones byte for byte, so
the two implementations check each other against the specification.

Run from anywhere: `python3 Fixtures/aez/generate.py`. The output is deterministic; commit
the files it writes.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

MAGIC = bytes([0xAE, 0x5A])
VERSION = 1

# The model fingerprint every fixture is written for, and its short form (the high 16 bits):
# the fingerprint of Fixtures/models/fixture-model.aezm, so that a reader holding that model
# can verify the check of every fixture (see Fixtures/models/README.md).
FINGERPRINT = 0xAC43_641B_79B6_08B6
SHORT_FINGERPRINT = FINGERPRINT >> 48

# Header word bits (Specs/aez-format.md, "The header word").
DEPTH_CODES = {1: 0, 2: 1, 4: 2, 8: 3, 16: 4}
COLOR_RGB = 1 << 3
ALPHA_CODES = {"absent": 0, "lossless": 1, "dropped": 2}
SQUARE = 1 << 6
FRACTIONAL_QUALITY = 1 << 7
EXPLICIT_LATENT_SHAPE = 1 << 8
ARCHIVE = 1 << 9
NAMED_ENTRIES = 1 << 10


def varint(value):
    """Unsigned LEB128: seven bits per byte, least significant group first."""
    assert 0 <= value < 1 << 64
    out = bytearray()
    while True:
        group = value & 0x7F
        value >>= 7
        if value:
            out.append(group | 0x80)
        else:
            out.append(group)
            return bytes(out)


def crc32c_table():
    table = []
    for index in range(256):
        crc = index
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F6_3B78 if crc & 1 else crc >> 1
        table.append(crc)
    return table


TABLE = crc32c_table()


def crc32c(data):
    """CRC-32C (Castagnoli), reflected, initial value and final XOR 0xFFFFFFFF."""
    crc = 0xFFFF_FFFF
    for byte in data:
        crc = TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFF_FFFF


assert crc32c(b"123456789") == 0xE306_9283


def image_header(width, height, quality_hundredths, depth=8, color="gray",
                 alpha="absent", latent_shape=None):
    """Returns the header word's format bits and the bytes that follow the header word."""
    word = DEPTH_CODES[depth] | ALPHA_CODES[alpha] << 4
    if color == "rgb":
        word |= COLOR_RGB
    fields = bytearray(varint(width))
    if width == height:
        word |= SQUARE
    else:
        fields += varint(height)
    if quality_hundredths % 100 == 0:
        fields += varint(quality_hundredths // 100)
    else:
        word |= FRACTIONAL_QUALITY
        fields += varint(quality_hundredths)
    if latent_shape is not None:
        word |= EXPLICIT_LATENT_SHAPE
        fields += varint(len(latent_shape))
        for dimension in latent_shape:
            fields += varint(dimension)
    return word, bytes(fields)


def with_check(body, fingerprint=FINGERPRINT):
    check = crc32c(fingerprint.to_bytes(8, "big") + body)
    return body + check.to_bytes(4, "big")


def prologue(fingerprint=FINGERPRINT, version=VERSION):
    return MAGIC + bytes([version]) + (fingerprint >> 48).to_bytes(2, "big")


def single(header, payload):
    word, fields = image_header(**header)
    return with_check(prologue() + varint(word) + fields + payload)


def archive(default, entries):
    """entries: list of (header or None for the default, name or None, payload)."""
    word, fields = image_header(**default)
    word |= ARCHIVE
    named = any(name is not None for _, name, _ in entries)
    if named:
        word |= NAMED_ENTRIES
    body = bytearray(prologue() + varint(word) + fields + varint(len(entries)))
    for header, name, payload in entries:
        override = header is not None and header != default
        body += varint(len(payload) << 1 | (1 if override else 0))
        if override:
            entry_word, entry_fields = image_header(**header)
            body += varint(entry_word) + entry_fields
        if named:
            encoded = name.encode("utf-8")
            body += varint(len(encoded)) + encoded
        body += payload
    return with_check(bytes(body))


MNIST = dict(width=28, height=28, quality_hundredths=7500)
PAYLOAD_10 = bytes([0x3F, 0x8A, 0x01, 0xC4, 0x77, 0x02, 0xE9, 0x5D, 0x10, 0xB6])
PAYLOAD_7 = bytes([0x51, 0x00, 0xFE, 0x23, 0x9C, 0x44, 0x07])
PAYLOAD_12 = bytes(range(0xA0, 0xAC))
PHOTO = dict(width=40, height=30, quality_hundredths=6250, color="rgb", alpha="dropped",
             latent_shape=[8, 2, 3])


def fixtures():
    """Yields (file name, bytes, what a reader must report)."""
    valid = single(MNIST, PAYLOAD_10)
    yield ("single-gray8-28x28.aez", valid,
           "valid: one 28x28 gray 8-bit image, quality 75, 10-byte payload")

    three = archive(MNIST, [(None, "zero.png", PAYLOAD_10),
                            (None, "one.png", PAYLOAD_7),
                            (PHOTO, "photo.png", PAYLOAD_12)])
    yield ("archive-3-named.aez", three,
           "valid: archive of 3 named images; the third is 40x30 RGB, alpha dropped, "
           "quality 62.50, latent shape 8x2x3")

    yield "empty.aez", b"", "empty file"
    yield ("bad-magic.aez", bytes([0x89, 0x50]) + valid[2:],
           "bad magic: starts like a PNG file")
    yield ("unknown-version.aez", valid[:2] + bytes([2]) + valid[3:],
           "unknown version 2")

    word, fields = image_header(**MNIST)
    body = prologue() + varint(word | 1 << 11) + fields + PAYLOAD_10
    yield "unknown-flag.aez", with_check(body), "unknown flag bit 11 (0x800) in the header word"
    body = prologue() + varint(word | NAMED_ENTRIES) + fields + PAYLOAD_10
    yield ("single-named-flag.aez", with_check(body),
           "unknown flag: bit 10 (named entries) in a single-image file")
    body = prologue() + varint(word & ~0x7 | 5) + fields + PAYLOAD_10
    yield "bad-bit-depth.aez", with_check(body), "bit depth code 5"
    body = prologue() + varint(word & ~SQUARE) + varint(0) + varint(28) + varint(75) + PAYLOAD_10
    yield "zero-width.aez", with_check(body), "bad geometry: width 0"
    body = prologue() + varint(word) + bytes([0xFF] * 10 + [0x01]) + varint(75) + PAYLOAD_10
    yield "varint-overflow.aez", with_check(body), "width varint longer than 64 bits"
    body = prologue() + varint(word) + bytes([0x9C, 0x00]) + varint(75) + PAYLOAD_10
    yield "overlong-varint.aez", with_check(body), "width 28 written in two bytes (9c 00)"

    yield "truncated-in-magic.aez", valid[:1], "truncated in the magic (1 byte)"
    yield "truncated-in-fingerprint.aez", valid[:4], "truncated in the short fingerprint"
    yield "truncated-before-width.aez", valid[:6], "truncated at the width (after the header word)"
    yield "truncated-in-check.aez", valid[:11], "truncated: 3 bytes left where the check needs 4"
    yield ("truncated-in-header-word.aez", three[:6],
           "truncated inside the archive's two-byte header word")
    count_end = len(prologue()) + 2 + 2  # header word (2 bytes), width, quality
    yield ("truncated-before-entry-count.aez", three[:count_end],
           "truncated at the archive's entry count")
    yield ("truncated-in-archive-payload.aez", three[:len(three) - 10],
           "truncated inside the third entry's payload")
    yield ("truncated-in-archive-check.aez", three[:len(three) - 1],
           "truncated inside the archive's check")

    flipped = bytearray(valid)
    flipped[12] ^= 0x10
    yield ("flipped-payload-byte.aez", bytes(flipped),
           "parses; verification fails: checksum mismatch (payload byte 12 flipped)")
    yield ("trailing-garbage.aez", valid + b"junk!",
           "parses; verification finds 5 trailing bytes after the check at byte 22")
    yield ("archive-trailing-garbage.aez", three + b"xyz",
           "3 trailing bytes after the archive's check")


def main():
    rows = []
    for name, data, meaning in fixtures():
        with open(os.path.join(HERE, name), "wb") as file:
            file.write(data)
        rows.append(f"| `{name}` | {len(data)} | {meaning} |")
    readme = [
        "# .aez fixtures",
        "",
        "Written by `generate.py` (an independent implementation of `Specs/aez-format.md`);",
        "do not edit them by hand. Every file is made for the model fingerprint",
        f"`{FINGERPRINT:016x}` (short fingerprint `{SHORT_FINGERPRINT:04x}`), the fingerprint of",
        "`Fixtures/models/fixture-model.aezm`, so a reader holding that model can verify every",
        "check. The tests in `Tests/DecoderTests` and `Tests/CLITests` read each file and assert",
        "the exact result below.",
        "",
        "The payloads are arbitrary bytes, not codes the model produced: the container treats a",
        "payload as opaque, so `aez info` parses and verifies these files, but decoding them",
        "with the model gives no meaningful image (or may be refused by the model's codec).",
        "",
        "| File | Bytes | Expected |",
        "| --- | --- | --- |",
        *rows,
        "",
    ]
    with open(os.path.join(HERE, "README.md"), "w") as file:
        file.write("\n".join(readme))


if __name__ == "__main__":
    main()
