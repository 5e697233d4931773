#!/usr/bin/env bash
# Rate and quality of the embedded digit models on the 10,000 MNIST test images (and the
# Fashion-MNIST ones when installed), beside PNG, JPEG and WebP on the same images.
#
# For every aez model: the mean payload bits per image and mean PSNR with each image in a
# file of its own (aez eval), the bits per image of the whole archive holding all of them,
# header and check included (aez compress --no-names), and the cost of one image stored alone.
# The classical codecs are measured one file per image by aez bench (cjpeg -optimize,
# cwebp), and PNG by optipng -o7, lossless.
#
# Usage: benchmarks/digits.sh [LIMIT]   (LIMIT images per set, default all 10,000)
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-10000}
swift build -c release --product aez >/dev/null
aez=$(swift build -c release --show-bin-path)/aez
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Writes the first LIMIT images of an IDX file as PNGs named 00000.png, 00001.png, ...
unpack() {
  python3 - "$1" "$2" "$limit" <<'PY'
import gzip, os, struct, sys, zlib
source, folder, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = gzip.open(source).read()
count, rows, columns = struct.unpack(">III", data[4:16])
os.makedirs(folder, exist_ok=True)
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
for index in range(min(count, limit)):
    pixels = data[16 + index * rows * columns:16 + (index + 1) * rows * columns]
    raw = b"".join(b"\0" + pixels[y * columns:(y + 1) * columns] for y in range(rows))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", columns, rows, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    open(os.path.join(folder, f"{index:05d}.png"), "wb").write(png)
PY
}

field() { python3 -c "import json,sys; print(json.load(sys.stdin)['summary']['$1'])"; }

measure() {  # family folder
  local family=$1 folder=$2
  printf '%-14s %14s %14s %10s %12s\n' model "payload bits" "archive bits" "PSNR dB" "alone bytes"
  for model in $("$aez" models --json | python3 -c "
import json, sys
for m in json.load(sys.stdin)['models']:
    if m['family'] == '$family': print(m['name'])"); do
    local eval_json archive_json alone
    eval_json=$("$aez" eval "$folder" --model "$model" --json)
    archive_json=$("$aez" compress "$folder" --model "$model" --no-names --force -o "$work/all.aez" --json)
    alone=$("$aez" compress "$folder/00000.png" --model "$model" --force -o "$work/one.aez" --json)
    printf '%-14s %14.1f %14.1f %10.2f %12s\n' "$model" \
      "$(echo "$eval_json" | field payload_bits_per_image)" \
      "$(echo "$archive_json" | field bits_per_image)" \
      "$(echo "$eval_json" | field psnr)" \
      "$(echo "$alone" | python3 -c "import json,sys; s=json.load(sys.stdin)['summary']; print(f\"{s['aez_bytes']} ({s['aez_bytes'] - s['payload_bits'] // 8} over payload)\")")"
  done
  echo
  echo "classical codecs, one file per image (bits per image = bpp x 784):"
  "$aez" bench "$folder" --codecs jpeg,webp --qualities jpeg=10 --qualities webp=0,10 --reference webp -j 2 \
    --force --json "$work/bench.json" >/dev/null
  python3 - "$work/bench.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
for curve in result["curves"]:
    for point in curve["points"]:
        print(f"  {curve['codec']:<6} q{point['quality']:<4g} {point['bpp'] * 784:8.0f} bits  {point['psnr']:6.2f} dB")
PY
  if command -v optipng >/dev/null; then
    mkdir -p "$work/optipng" && cp "$folder"/*.png "$work/optipng/"
    optipng -quiet -o7 "$work"/optipng/*.png
    python3 -c "import os,sys; f=[os.path.getsize(os.path.join(sys.argv[1],n)) for n in os.listdir(sys.argv[1])]; print(f'  png    lossless {8*sum(f)/len(f):8.0f} bits  (optipng -o7)')" "$work/optipng"
    rm -rf "$work/optipng"
  fi
}

echo "== MNIST test set"
unpack ../shared/data/mnist/t10k-images-idx3-ubyte.gz "$work/mnist"
measure digits "$work/mnist"

fashion=/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz
if [ -f "$fashion" ]; then
  echo
  echo "== Fashion-MNIST test set"
  unpack "$fashion" "$work/fashion"
  measure fashion "$work/fashion"
fi
