#!/usr/bin/env bash
# Peak resident memory and wall time of the batch commands (compress, decompress and eval
# over N small images, as files and as an archive) and of one large photo, measured with
# /usr/bin/time -v on the release build.
#
# The small images are 28x28 grey rings with seeded noise, coded by the embedded digits
# model. The photos are smooth colour patterns with noise, coded by a photo model of the
# standard size made here by two training steps: memory depends on the network's size,
# not on its training.
#
# Usage: benchmarks/batch-memory.sh [N...] [--photo SIDE...]
#        (default: 1000 10000 --photo 1024 2048)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=()
sides=()
target=counts
for argument in "$@"; do
  if [ "$argument" = --photo ]; then target=sides; continue; fi
  if [ "$target" = counts ]; then counts+=("$argument"); else sides+=("$argument"); fi
done
[ ${#counts[@]} -gt 0 ] || [ ${#sides[@]} -gt 0 ] || { counts=(1000 10000); sides=(1024 2048); }

swift build -c release --product aez >/dev/null
aez=$(swift build -c release --show-bin-path)/aez
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Writes COUNT 28x28 grey PNGs into FOLDER, or one SIDE x SIDE RGB photo to FILE.
images() {
  python3 - "$@" <<'PY'
import math, os, random, struct, sys, zlib
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
def png(path, width, height, colour, rows):
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    with open(path, "wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                   + chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))
if sys.argv[1] == "digits":
    folder, count = sys.argv[2], int(sys.argv[3])
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(1)
    for index in range(count):
        cx, cy, r = 13.5 + rng.uniform(-3, 3), 13.5 + rng.uniform(-3, 3), rng.uniform(5, 10)
        rows = []
        for y in range(28):
            row = bytearray([0])
            for x in range(28):
                d = abs(((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 - r)
                row.append(min(255, max(0, 255 - int(d * 90) + rng.randint(-8, 8))) if d < 3 else 0)
            rows.append(bytes(row))
        png(os.path.join(folder, f"{index:05d}.png"), 28, 28, 0, rows)
else:
    path, side = sys.argv[2], int(sys.argv[3])
    rng = random.Random(side)
    rows = []
    for y in range(side):
        row = bytearray([0])
        for x in range(side):
            for c in range(3):
                v = 128 + 90 * math.sin(x / (17 + 5 * c)) * math.cos(y / (23 + 3 * c))
                row.append(max(0, min(255, int(v) + rng.randint(-6, 6))))
        rows.append(bytes(row))
    png(path, side, side, 2, rows)
PY
}

# Runs a command under /usr/bin/time -v and prints its peak memory and wall time.
measure() {  # label command...
  local label=$1
  shift
  if ! /usr/bin/time -v "$@" >"$work/time.out" 2>"$work/time.err"; then
    cat "$work/time.err" >&2
    exit 1
  fi
  local kilobytes wall
  kilobytes=$(awk '/Maximum resident/ {print $NF}' "$work/time.err")
  wall=$(awk '/Elapsed \(wall/ {print $NF}' "$work/time.err")
  printf '%-40s %8.1f MB  %s\n' "$label" "$(echo "$kilobytes / 1024" | bc -l)" "$wall"
}

for count in "${counts[@]}"; do
  folder=$work/digits-$count
  images digits "$folder" "$count"
  echo "== $count images of 28x28"
  measure "compress DIR --output-dir OUT" "$aez" compress "$folder" --output-dir "$work/out" -j 2
  measure "decompress OUT --output-dir BACK" \
    "$aez" decompress "$work/out" --output-dir "$work/back" -j 2
  measure "eval DIR" "$aez" eval "$folder" -j 2
  measure "eval DIR --json" "$aez" eval "$folder" -j 2 --json
  measure "compress DIR -o all.aez" "$aez" compress "$folder" -o "$work/all.aez" -j 2
  measure "decompress all.aez -o BACK/" \
    "$aez" decompress "$work/all.aez" -o "$work/from-archive/" -j 2
  rm -rf "$work/out" "$work/back" "$work/all.aez" "$work/from-archive" "$folder"
done

if [ ${#sides[@]} -gt 0 ]; then
  mkdir -p "$work/train" "$work/validation"
  images photo "$work/train/a.png" 256
  images photo "$work/validation/a.png" 128
  "$aez" train "$work/train" --validation "$work/validation" --arch photo --steps 2 \
    --batch-size 1 --crop 128 --validation-interval 1000 -o "$work/photo.aezm" >/dev/null 2>&1
  for side in "${sides[@]}"; do
    images photo "$work/photo.png" "$side"
    echo "== one ${side}x${side} photo"
    measure "compress" "$aez" compress "$work/photo.png" --model "$work/photo.aezm" --force
    measure "decompress" \
      "$aez" decompress "$work/photo.aez" --model "$work/photo.aezm" -o "$work/back.png" --force
  done
fi
