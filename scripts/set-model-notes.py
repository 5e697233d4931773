#!/usr/bin/env python3
"""Sets keys of a model file's notes (Specs/model-format.md) without touching its content.

The notes are outside the fingerprint, so the model keeps its identity.
Usage: set-model-notes.py MODEL.aezm KEY=JSON_OR_TEXT ...
"""
import json
import struct
import sys


def main():
    path, assignments = sys.argv[1], sys.argv[2:]
    data = open(path, "rb").read()
    if data[:8] != b"AEZMODEL" or struct.unpack("<H", data[8:10])[0] != 1:
        sys.exit(f"error: {path}: not a version 1 aez model file")
    content_length = struct.unpack("<I", data[10:14])[0]
    notes_start = 14 + content_length
    notes_length = struct.unpack("<I", data[notes_start:notes_start + 4])[0]
    notes = json.loads(data[notes_start + 4:notes_start + 4 + notes_length])
    for assignment in assignments:
        key, _, value = assignment.partition("=")
        try:
            notes[key] = json.loads(value)
        except json.JSONDecodeError:
            notes[key] = value
    encoded = json.dumps(notes, sort_keys=True, separators=(",", ":")).encode()
    with open(path + ".partial", "wb") as file:
        file.write(data[:notes_start] + struct.pack("<I", len(encoded)) + encoded)
    import os
    os.replace(path + ".partial", path)


if __name__ == "__main__":
    main()
