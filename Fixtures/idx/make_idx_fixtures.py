#!/usr/bin/env python3
"""Writes the IDX test fixtures in this folder: five synthetic 4x4 grey images.

Run from anywhere: `python3 Fixtures/idx/make_idx_fixtures.py`. The output is deterministic
(the gzip header's time is 0); commit the files it writes.

Pixel (row r, column c) of image i is (37 i + 11 r + 5 c) mod 256, a formula the tests
repeat to check every value read.
"""

import gzip
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
COUNT, ROWS, COLUMNS = 5, 4, 4


def pixels():
    return bytes(
        (37 * i + 11 * r + 5 * c) % 256
        for i in range(COUNT) for r in range(ROWS) for c in range(COLUMNS))


def idx_bytes():
    # Magic: two zero bytes, type 0x08 (unsigned bytes), 3 dimensions; then big-endian sizes.
    return bytes([0, 0, 0x08, 3]) + struct.pack(">III", COUNT, ROWS, COLUMNS) + pixels()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as file:
        file.write(data)


def main():
    plain = idx_bytes()
    write("images-5x4x4.idx", plain)
    write("images-5x4x4.idx.gz", gzip.compress(plain, compresslevel=9, mtime=0))
    # The same bytes as two gzip members, which gzip's readers concatenate.
    middle = len(plain) // 2
    write(
        "images-5x4x4-two-members.idx.gz",
        gzip.compress(plain[:middle], compresslevel=9, mtime=0)
        + gzip.compress(plain[middle:], compresslevel=9, mtime=0))


if __name__ == "__main__":
    main()
