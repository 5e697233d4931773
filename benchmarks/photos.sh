#!/usr/bin/env bash
# The photo codec's goals, with the classical codecs run beside aez on the same images in the
# same run: the Bjontegaard delta rate (RGB PSNR) of aez against cwebp and against
# cjpeg -optimize on ../shared/data/photos/val, and the same on a held-out set of colour
# photographs that is not in ../shared (the sample photographs that ship inside
# scikit-image's wheel on PyPI, installed into a virtual environment here); then the time to
# encode and to decode a 768x512 photograph (median of 5).
#
# Usage: benchmarks/photos.sh [MODEL]   (default: the embedded photo model)
# The deltas are over the rates the two curves share; aez sweeps seven qualities, cjpeg and
# cwebp their default quality lists. A negative delta rate means fewer bits than the other
# codec for the same PSNR.
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:-photo}
swift build -c release --product aez >/dev/null
aez=$(swift build -c release --show-bin-path)/aez
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

deltas() {  # bench.json
  python3 - "$1" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
for delta in result["deltas"]:
    if delta.get("rate") is None:
        print(f"  {delta['codec']:<5} against {delta['reference']}: {delta.get('reason')}")
    else:
        low, high = delta["bitsPerPixelRange"]
        print(f"  {delta['codec']:<5} against {delta['reference']}: BD-rate {delta['rate']:+.1f}%,"
              f" BD-PSNR {delta['psnr']:+.2f} dB over {low:.2f} to {high:.2f} bpp")
PY
}

measure() {  # name folder
  echo "== $1"
  for reference in webp jpeg; do
    "$aez" bench "$2" --model "$model" --codecs aez,jpeg,webp --reference "$reference" -j 2 \
      --force --json "$work/bench-$reference.json" >/dev/null
    deltas "$work/bench-$reference.json" | grep "^  aez"
  done
  deltas "$work/bench-webp.json" | grep "^  jpeg"
}

measure "photos/val" ../shared/data/photos/val

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet scikit-image
"$work/venv/bin/python" - "$work/heldout" <<'PY'
import os, sys
import numpy as np
import skimage.data
from skimage.io import imsave
folder = sys.argv[1]
os.makedirs(folder)
for name in ["astronaut", "chelsea", "coffee", "rocket"]:
    try:
        image = getattr(skimage.data, name)()
    except Exception as error:  # a sample not in this wheel
        print(f"  skipped {name}: {error}", file=sys.stderr)
        continue
    if image.ndim == 3 and image.shape[2] == 3:
        imsave(os.path.join(folder, f"{name}.png"), image.astype(np.uint8), check_contrast=False)
PY
measure "held-out (scikit-image samples: $(ls "$work/heldout" | tr '\n' ' '))" "$work/heldout"

echo "== speed, 768x512"
"$work/venv/bin/python" - ../shared/data/photos/train "$work/speed.png" <<'PY'
import os, sys
from skimage.io import imread, imsave
from skimage.transform import resize
import numpy as np
folder, output = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(folder)):
    image = imread(os.path.join(folder, name))
    if image.ndim == 3 and image.shape[0] >= 512 and image.shape[1] >= 768:
        imsave(output, image[:512, :768, :3].astype(np.uint8), check_contrast=False)
        break
PY
"$aez" compress "$work/speed.png" --model "$model" -o "$work/speed.aez" --force --json >/dev/null
for run in 1 2 3 4 5; do
  "$aez" eval "$work/speed.png" --model "$model" --json
done | python3 -c "
import json, statistics, sys
reports = [json.loads(line) for line in sys.stdin.read().replace('}\n{', '}\x00{').split('\x00')]
encode = statistics.median(r['images'][0]['encode_seconds'] * 1000 for r in reports)
decode = statistics.median(r['images'][0]['decode_seconds'] * 1000 for r in reports)
print(f'  encode {encode:.0f} ms, decode {decode:.0f} ms (median of 5; goal 200 ms each)')"
