#!/usr/bin/env bash
# Trains the seed autoencoder (784-32-784, ReLU code, sigmoid output, binary cross-entropy,
# Adam, batch 256) on MNIST with Keras and with `aez train`, one after the other on this
# machine, and prints each one's training samples per second and test loss per epoch.
#
# Usage: benchmarks/seed-vs-keras.sh [EPOCHS]   (default 5)
# Keras is installed from PyPI into .venv-keras on first use; it is not a dependency of aez.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-5}
mnist=../shared/data/mnist
venv=${KERAS_VENV:-.venv-keras}

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q tensorflow-cpu
fi
swift build -c release --product aez >/dev/null
aez=$(swift build -c release --show-bin-path)/aez
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== Keras ($("$venv/bin/python" -c 'import tensorflow as tf; print(tf.__version__)'))"
TF_CPP_MIN_LOG_LEVEL=3 "$venv/bin/python" benchmarks/keras_seed.py "$mnist" "$epochs" \
  | tee "$work/keras.jsonl"

echo "== aez"
"$aez" train "$mnist/train-images-idx3-ubyte.gz" --validation "$mnist/t10k-images-idx3-ubyte.gz" \
  --arch dense --latent 32 --activation relu --latent-activation relu --loss bce \
  --batch-size 256 --epochs "$epochs" --seed 1 -o "$work/seed.aezm" 2>&1 \
  | grep '^epoch [0-9]*:' | tee "$work/aez.txt"

python3 - "$work/keras.jsonl" "$work/aez.txt" <<'PY'
import json, re, statistics, sys
keras = [json.loads(line) for line in open(sys.argv[1])]
aez = [re.search(r"validation loss ([0-9.]+).* ([0-9]+) samples/s", line).groups()
       for line in open(sys.argv[2])]
keras_rate = statistics.median(k["samples_per_second"] for k in keras)
aez_rate = statistics.median(float(a[1]) for a in aez)
keras_loss, aez_loss = keras[-1]["test_loss"], float(aez[-1][0])
print(f"median samples/s: keras {keras_rate:.0f}, aez {aez_rate:.0f}, ratio {aez_rate / keras_rate:.2f}")
print(f"test loss after {len(aez)} epochs: keras {keras_loss:.5f}, aez {aez_loss:.5f}, "
      f"difference {100 * (aez_loss - keras_loss) / keras_loss:+.2f}%")
PY
