"""A pretrained audio embedding: musicnn (Pons & Serra 2019, ISC licence) run in numpy.

The musicnn wheel ships TensorFlow 1 checkpoints (``MTT_musicnn``: MagnaTagATune,
``MSD_musicnn``: Million Song Dataset).  Its own code needs TensorFlow and its metadata
pins ``numpy<1.17``, so it is never imported: :func:`load_weights` reads the checkpoint
files (``checkpoint.read_checkpoint``) from the installed package's folder or from a
folder given, keeps the inference weights only, and caches them as one npz.
:class:`Musicnn` is the network's forward pass at inference (batch norm with its moving
statistics, no dropout): a clip's 16 kHz log-mel spectrogram in 3 s patches -> per patch
50 tag probabilities and the 200-d penultimate layer; a clip's embedding is the mean
over its patches.  On the Emotify dev clips it matches TensorFlow running musicnn's own
graph to about 1e-5 (docs/audio.md).
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..errors import CatalogError
from .checkpoint import read_checkpoint

__all__ = ["MODELS", "SAMPLE_RATE", "Musicnn", "embed_samples", "find_checkpoint",
           "load_weights", "log_mel_patches", "network"]

MODELS = ("MTT_musicnn", "MSD_musicnn")
SAMPLE_RATE, N_FFT, HOP, N_MELS, PATCH = 16000, 512, 256, 96, 187
EPS = 1e-3  # tf.layers.batch_normalization's epsilon
#: front end: (conv, kernel length in time, time padding, batch norm); the two timbral
#: convolutions (7 x 38 and 7 x 67 over time x mel) on the time-padded input, the three
#: temporal ones (128, 64, 32 frames x 1) padded "same" as TensorFlow pads them
FRONT = (("conv2d", 7, (3, 3)), ("conv2d_1", 7, (3, 3)), ("conv2d_2", 128, (63, 64)),
         ("conv2d_3", 64, (31, 32)), ("conv2d_4", 32, (15, 16)))
MID = ("conv2d_5", "conv2d_6", "conv2d_7")
CHUNK = 4  # patches per matrix product (bounds the im2col copies to ~50 MB)


def find_checkpoint(model: str, folder: str | Path | None = None) -> Path:
    """The checkpoint prefix of ``model``: ``folder/<model>/`` (a musicnn wheel or
    source tree unpacked there), else the installed ``musicnn`` package's folder
    (``pip install --no-deps musicnn``; its modules are never imported)."""
    if model not in MODELS:
        raise CatalogError(f"unknown embedding model {model!r} (choose from {', '.join(MODELS)})")
    roots = [Path(folder).expanduser()] if folder else []
    spec = importlib.util.find_spec("musicnn") if not folder else None
    if spec is not None and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    for root in roots:
        for base in (root, root / "musicnn"):
            if (base / model / ".index").is_file():
                return base / model
    where = str(folder) if folder else "no installed musicnn package"
    raise CatalogError(f"no {model} checkpoint found ({where}); install the weights with "
                       "`pip install --no-deps musicnn` or name the folder they are in")


def load_weights(model: str, folder: str | Path | None = None,
                 cache: str | Path | None = None) -> dict[str, np.ndarray]:
    """The inference weights of ``model`` (optimiser slots dropped), read from the
    checkpoint once and then from ``cache`` (an npz, loaded with allow_pickle=False)."""
    if cache is not None and Path(cache).is_file():
        try:
            with np.load(cache, allow_pickle=False) as data:
                return {name: data[name] for name in data.files}
        except (OSError, ValueError) as exc:
            raise CatalogError(f"cannot load embedding weights {cache}: {exc}") from None
    prefix = find_checkpoint(model, folder)
    weights = {name: value.astype(np.float32)
               for name, value in read_checkpoint(str(prefix) + "/").items()
               if "Adam" not in name and "power" not in name}
    if cache is not None:
        cache = Path(cache)
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(cache.stem + ".part.npz")
        np.savez(tmp, **weights)
        tmp.replace(cache)
    return weights


def log_mel_patches(y: np.ndarray) -> np.ndarray:
    """(patches, 187, 96) musicnn's input from mono samples at 16 kHz: mel power
    spectrogram, rounded to float16 as musicnn does, ``log10(10000 x + 1)`` (in float32:
    in float16 the product overflows on loud bins), cut into non-overlapping 3 s
    patches (a clip shorter than one patch is repeated to fill it)."""
    import librosa

    mel = librosa.feature.melspectrogram(y=np.asarray(y, dtype=np.float32), sr=SAMPLE_RATE,
                                         hop_length=HOP, n_fft=N_FFT, n_mels=N_MELS).T
    rep = np.log10(10000 * mel.astype(np.float16).astype(np.float32) + 1)
    if len(rep) < PATCH:
        rep = np.tile(rep, (int(np.ceil(PATCH / max(len(rep), 1))), 1))
    starts = range(0, len(rep) - PATCH + 1, PATCH)
    return np.stack([rep[s:s + PATCH] for s in starts]).astype(np.float32)


class Musicnn:
    """musicnn's forward pass at inference on its checkpoint's weights."""

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        missing = [n for n in ("dense/kernel", "dense_1/kernel", "conv2d_7/kernel")
                   if n not in weights]
        if missing:
            raise CatalogError(f"not musicnn weights (missing {', '.join(missing)})")
        self.w = weights

    def _bn(self, name: str, x: np.ndarray) -> np.ndarray:
        w = self.w
        scale = w[name + "/gamma"] / np.sqrt(w[name + "/moving_variance"] + EPS)
        return (x - w[name + "/moving_mean"]) * scale + w[name + "/beta"]

    def _conv(self, name: str, x: np.ndarray, length: int, pad: tuple[int, int]) -> np.ndarray:
        """A (length x kernel width) "valid" convolution of (B, T, F) after padding time,
        ReLU: (B, T', F', channels), as one matrix product over the unfolded windows."""
        kernel, bias = self.w[name + "/kernel"], self.w[name + "/bias"]
        width = kernel.shape[1]
        x = np.pad(x, ((0, 0), pad, (0, 0)))
        win = sliding_window_view(x, (length, width), axis=(1, 2))
        flat = win.reshape(-1, length * width) @ kernel.reshape(length * width, -1)
        return np.maximum(flat.reshape(*win.shape[:3], -1) + bias, 0.0)

    def _features(self, x: np.ndarray) -> np.ndarray:
        """(B, 187, 96) patches -> (B, 1506) the pooled mid-end features."""
        x = self._bn("batch_normalization", x)
        front = [self._bn(f"batch_normalization_{i + 1}", self._conv(name, x, k, pad)).max(axis=2)
                 for i, (name, k, pad) in enumerate(FRONT)]
        layers = [np.concatenate(front, axis=2)]  # (B, T, 561)
        for j, name in enumerate(MID):
            y = self._bn(f"batch_normalization_{j + 6}",
                         self._conv(name, layers[-1], 7, (3, 3)))[:, :, 0, :]
            layers.append(y if j == 0 else y + layers[-1])  # residual after the first
        feat = np.concatenate(layers, axis=2)  # (B, T, 753)
        # TF flattens (753, [max, mean]) row by row: each feature's max, then its mean
        return np.stack([feat.max(axis=1), feat.mean(axis=1)], axis=2).reshape(len(x), -1)

    def forward(self, patches: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(n, 187, 96) log-mel patches -> tag probabilities (n, 50) and the
        penultimate layer (n, 200)."""
        patches = np.asarray(patches, dtype=np.float32)
        if patches.ndim != 3 or patches.shape[1:] != (PATCH, N_MELS):
            raise CatalogError(f"musicnn takes (n, {PATCH}, {N_MELS}) patches, got "
                               f"{patches.shape}")
        tags, pen = [], []
        for start in range(0, len(patches), CHUNK):
            pooled = self._bn("batch_normalization_9",
                              self._features(patches[start:start + CHUNK]))
            dense = np.maximum(pooled @ self.w["dense/kernel"] + self.w["dense/bias"], 0.0)
            penultimate = self._bn("batch_normalization_10", dense)
            logits = penultimate @ self.w["dense_1/kernel"] + self.w["dense_1/bias"]
            tags.append(1.0 / (1.0 + np.exp(-logits)))
            pen.append(penultimate)
        return np.concatenate(tags), np.concatenate(pen)

    def embed(self, y: np.ndarray) -> np.ndarray:
        """(200,) a clip's embedding: the penultimate layer averaged over its patches
        (``y``: mono samples at 16 kHz)."""
        return self.forward(log_mel_patches(y))[1].mean(axis=0)


@lru_cache(maxsize=2)
def network(model: str) -> Musicnn:
    """The network ``model`` with its weights from FEELALIKE_MUSICNN_DIR or the installed
    musicnn package, cached once per data home (``models/musicnn-<model>.npz``) and
    once per process."""
    from .. import settings

    cache = settings.data_home() / "models" / f"musicnn-{model}.npz"
    return Musicnn(load_weights(model, settings.get("MUSICNN_DIR") or None, cache))


def embed_samples(y: np.ndarray, sr: int, model: str) -> list[float]:
    """A clip's embedding (the mean penultimate layer) from mono samples at ``sr``."""
    import librosa

    if sr != SAMPLE_RATE:
        y = librosa.resample(np.asarray(y, dtype=np.float32), orig_sr=sr, target_sr=SAMPLE_RATE)
    return [float(v) for v in network(model).embed(y)]
