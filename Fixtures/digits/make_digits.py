#!/usr/bin/env python3
"""Draws the digit fixtures: 28x28 grey PNGs of handwriting-like strokes, made here.

Each digit is a polyline drawn with a soft round pen, centred like MNIST digits (white on
black, about 20x20 pixels of ink). Run from this folder: python3 make_digits.py
"""
import math
import struct
import zlib

STROKES = {
    "seven": [[(7, 7), (20, 7), (16, 14), (12, 21)]],
    "three": [[(8, 7), (13, 5), (19, 8), (14, 13), (19, 17), (14, 22), (8, 20)]],
    "zero": [[(14, 5), (19, 9), (20, 15), (17, 21), (12, 22), (8, 17), (8, 10), (14, 5)]],
    "one": [[(11, 8), (15, 5), (15, 22)]],
}


def distance_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def render(strokes, pen=2.0):
    pixels = bytearray(28 * 28)
    for y in range(28):
        for x in range(28):
            d = min(
                distance_to_segment(x + 0.5, y + 0.5, *a, *b)
                for stroke in strokes
                for a, b in zip(stroke, stroke[1:])
            )
            ink = max(0.0, min(1.0, pen + 0.5 - d))
            pixels[y * 28 + x] = round(255 * ink)
    return bytes(pixels)


def png(width, height, grey):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + grey[y * width : (y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


for name, strokes in STROKES.items():
    with open(f"{name}.png", "wb") as file:
        file.write(png(28, 28, render(strokes)))
