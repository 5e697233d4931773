#!/usr/bin/env python3
"""Trains the seed autoencoder with Keras, for comparison with `aez train`.

784 inputs, a 32-unit ReLU code, 784 sigmoid outputs, binary cross-entropy, Adam, batch
256, on MNIST's 60,000 training images; prints samples per second of training and the test
loss (binary cross-entropy, mean over pixels) after each epoch, as JSON lines.

Usage: keras_seed.py MNIST_FOLDER EPOCHS
"""
import gzip
import json
import sys
import time

import numpy as np
from tensorflow import keras


def images(path):
    with gzip.open(path) as file:
        data = file.read()
    return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(-1, 784).astype("float32") / 255


def main():
    folder, epochs = sys.argv[1], int(sys.argv[2])
    train = images(f"{folder}/train-images-idx3-ubyte.gz")
    test = images(f"{folder}/t10k-images-idx3-ubyte.gz")

    inputs = keras.Input(shape=(784,))
    code = keras.layers.Dense(32, activation="relu")(inputs)
    outputs = keras.layers.Dense(784, activation="sigmoid")(code)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="binary_crossentropy")

    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.fit(train, train, epochs=1, batch_size=256, shuffle=True, verbose=0)
        seconds = time.perf_counter() - start
        loss = model.evaluate(test, test, batch_size=1000, verbose=0)
        print(json.dumps({
            "epoch": epoch, "seconds": seconds, "samples_per_second": len(train) / seconds,
            "test_loss": loss,
        }), flush=True)


if __name__ == "__main__":
    main()
