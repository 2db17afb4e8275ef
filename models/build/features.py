"""Audio-feature normalisation: Spotify-style features standardised per catalog.

Missing values are imputed so tracks without audio stay comparable: valence and
energy from the track's mood position (valence, arousal on [-1, 1] map to 0..1),
everything else at the catalog mean (0 after standardising).  Values are clipped to
``CLIP`` standard deviations so one odd track cannot dominate a distance.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..errors import CatalogError
from ..ingest import Track
from .moments import Moments

#: the features used in vectors (key and duration say little about how a track feels)
VECTOR_FEATURES: tuple[str, ...] = (
    "danceability", "energy", "loudness", "speechiness", "acousticness", "instrumentalness",
    "liveness", "valence", "tempo", "mode",
)
CLIP = 3.0


@dataclass
class AudioScaler:
    """Standardises audio features; fitted attributes end in ``_``."""

    features: tuple[str, ...] = VECTOR_FEATURES
    mean_: np.ndarray | None = None
    scale_: np.ndarray | None = None

    def raw_matrix(self, tracks: Sequence[Track]) -> np.ndarray:
        """Features as a float matrix with NaN where a track lacks a value."""
        out = np.full((len(tracks), len(self.features)), np.nan, dtype=np.float64)
        for row, track in enumerate(tracks):
            for col, name in enumerate(self.features):
                if name in track.features:
                    out[row, col] = track.features[name]
        return out

    def fit(self, raw: np.ndarray) -> "AudioScaler":
        if raw.ndim != 2 or raw.shape[1] != len(self.features):
            raise CatalogError(f"audio matrix has shape {raw.shape}, expected (n, "
                               f"{len(self.features)})")
        self.fit_moments(Moments.of(raw))
        return self

    def fit_moments(self, moments: Moments) -> "AudioScaler":
        """Fit from the moments of the raw matrix (NaN left out; see ``moments.py``):
        the mean of the known values (0 for a feature nobody has) and their standard
        deviation (1 for a constant or single-valued feature)."""
        self.mean_ = moments.mean
        self.scale_ = moments.spread(ddof=1)
        return self

    def transform(self, raw: np.ndarray, mood_va: np.ndarray | None = None) -> np.ndarray:
        """Standardised, clipped, imputed features (no NaN)."""
        if self.mean_ is None:
            raise CatalogError("AudioScaler.transform called before fit")
        raw = raw.copy()
        if mood_va is not None:
            for name, col in (("valence", 0), ("energy", 1)):
                if name in self.features:
                    j = self.features.index(name)
                    missing = np.isnan(raw[:, j])
                    raw[missing, j] = (mood_va[missing, col] + 1.0) / 2.0
        z = (raw - self.mean_) / self.scale_
        return np.clip(np.nan_to_num(z, nan=0.0), -CLIP, CLIP)
