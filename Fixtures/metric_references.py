#!/usr/bin/env python3
"""Prints the reference values hard-coded in Tests/ImageTests/ImageQualityReferenceTests.swift.

The image pairs are synthetic and built from integer formulas that the Swift tests repeat
exactly (see MetricFixtures.swift), so no image files are needed:

    gradient(x, y, c) = min(255, x*160 // (w-1) + y*70 // (h-1)
                                 + 12 * ((x//12 + y//9 + c) % 3) + 5*c)
    noisy(x, y, c)    = clamp(gradient + mix(x, y, c) % 31 - 15, 0, 255)
    blurred(x, y, c)  = (sum of gradient over the 3 x 3 neighbourhood, edges clamped, + 4) // 9

Independent implementations compute the references:
  - scikit-image: skimage.metrics.structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
    use_sample_covariance=False, data_range=255, channel_axis=-1 for colour), and
    mean_squared_error / peak_signal_noise_ratio(a, b, data_range=255), on float64 arrays;
  - TensorFlow: tf.image.ssim_multiscale(a, b, max_val=255.0[, power_factors=...]) and
    tf.image.ssim(a, b, max_val=255.0) on float32 tensors of shape [1, h, w, c].

Usage (in a throwaway environment):
    python3 -m venv /tmp/venv-metrics
    /tmp/venv-metrics/bin/pip install scikit-image numpy tensorflow-cpu
    /tmp/venv-metrics/bin/python Fixtures/metric_references.py
"""

import numpy as np

MASK = 0xFFFFFFFF
WEIGHTS = [0.0448, 0.2856, 0.3001, 0.2363, 0.1333]


def mix(x, y, c):
    h = (x * 374761393 + y * 668265263 + c * 2246822519 + 3266489917) & MASK
    h = ((h ^ (h >> 15)) * 2246822519) & MASK
    h = ((h ^ (h >> 13)) * 3266489917) & MASK
    return h ^ (h >> 16)


def gradient(w, h, channels):
    image = np.zeros((h, w, channels), dtype=np.int64)
    for y in range(h):
        for x in range(w):
            for c in range(channels):
                value = x * 160 // (w - 1) + y * 70 // (h - 1)
                value += 12 * ((x // 12 + y // 9 + c) % 3) + 5 * c
                image[y, x, c] = min(255, value)
    return image


def noisy(image):
    h, w, channels = image.shape
    out = image.copy()
    for y in range(h):
        for x in range(w):
            for c in range(channels):
                out[y, x, c] = min(255, max(0, image[y, x, c] + mix(x, y, c) % 31 - 15))
    return out


def blurred(image):
    h, w, channels = image.shape
    out = image.copy()
    for y in range(h):
        for x in range(w):
            for c in range(channels):
                total = 0
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        total += image[min(h - 1, max(0, y + dy)), min(w - 1, max(0, x + dx)), c]
                out[y, x, c] = (total + 4) // 9
    return out


def skimage_values(a, b):
    from skimage.metrics import mean_squared_error, peak_signal_noise_ratio, structural_similarity
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    channel_axis = -1 if a.shape[2] > 1 else None
    if channel_axis is None:
        a, b = a[:, :, 0], b[:, :, 0]
    ssim = structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
                                 use_sample_covariance=False, data_range=255,
                                 channel_axis=channel_axis)
    return mean_squared_error(a, b), peak_signal_noise_ratio(a, b, data_range=255), ssim


def tensorflow_values(a, b, levels):
    import tensorflow as tf
    ta = tf.constant(a[None].astype(np.float32))
    tb = tf.constant(b[None].astype(np.float32))
    factors = WEIGHTS if levels == 5 else [w / sum(WEIGHTS[:levels]) for w in WEIGHTS[:levels]]
    ms_ssim = tf.image.ssim_multiscale(ta, tb, max_val=255.0, power_factors=factors)
    ssim = tf.image.ssim(ta, tb, max_val=255.0)
    return float(ms_ssim.numpy()[0]), float(ssim.numpy()[0])


def main():
    import skimage
    print(f"numpy {np.__version__}, scikit-image {skimage.__version__}")
    cases = [
        ("rgb 64x48 noisy", 64, 48, 3, noisy, 3),
        ("rgb 64x48 blurred", 64, 48, 3, blurred, 3),
        ("grey 37x23 blurred", 37, 23, 1, blurred, 2),
        ("rgb 176x176 noisy", 176, 176, 3, noisy, 5),
        ("grey 192x176 blurred", 192, 176, 1, blurred, 5),
    ]
    for name, w, h, channels, distortion, levels in cases:
        a = gradient(w, h, channels)
        b = distortion(a)
        mse, psnr, ssim = skimage_values(a, b)
        print(f"{name}: skimage mse={mse!r} psnr={psnr!r} ssim={ssim!r}")
        if h % (1 << (levels - 1)) == 0 and w % (1 << (levels - 1)) == 0:
            import tensorflow as tf
            ms_ssim, tf_ssim = tensorflow_values(a, b, levels)
            print(f"{name}: tensorflow {tf.__version__} levels={levels} "
                  f"ms_ssim={ms_ssim!r} ssim={tf_ssim!r}")


if __name__ == "__main__":
    main()
