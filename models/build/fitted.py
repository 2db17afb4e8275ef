"""What a build fitted on its catalog and an incremental update reuses.

A full build standardises mood and valence/arousal columns on its catalog, scales
audio features, places tracks with the learned feel model (or weighs the plain
blocks) and discounts hubs with a strength.  :class:`FittedState` keeps all of it, so
a track added later gets the vector the same build would have given it.  It travels
as one ``.npz`` (``to_bytes``/``from_bytes``, ``allow_pickle=False``): the feel and
valence/arousal models inside are their own ``.npz`` files, as raw bytes.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field, fields
from typing import Sequence

import numpy as np

from ..audio import GEMS, AudioFeel, VaModel
from ..errors import CatalogError
from ..ingest import Track
from .features import AudioScaler
from .feel import FeelModel
from .feel_space import FeelWeights
from .vectors import MOOD_COLUMNS, BlockWeights, emotion_block, timbre_block

FORMAT = 1


@dataclass
class FittedState:
    """The fitted state of one build (``feel_model`` None: the plain blocks)."""

    centre: np.ndarray  # per standardised mood / valence-arousal column
    spread: np.ndarray
    scaler: AudioScaler
    feel_model: FeelModel | None = None
    feel_weights: FeelWeights = field(default_factory=FeelWeights)
    block_weights: BlockWeights = field(default_factory=BlockWeights)
    va_model: VaModel | None = None
    k: int = 100
    metric: str = "cosine"
    hubness: float = 0.5
    audio_feel: AudioFeel | None = None  # analysed files' emotion block follows

    def with_emotions(self, vectors: np.ndarray, tracks: Sequence[Track]) -> np.ndarray:
        """``vectors`` with the emotion and timbre blocks of analysed files appended,
        when this build had an audio feel model (0 for tracks without an analysis)."""
        if self.audio_feel is None:
            return vectors
        weights = self.feel_weights if self.feel_model is not None else self.block_weights
        blocks = [vectors, weights.emotion * emotion_block(tracks, self.audio_feel)]
        if weights.timbre:  # 0: a build from before the timbre block, whose vectors lack it
            blocks.append(weights.timbre * timbre_block(tracks, self.audio_feel))
        return np.hstack(blocks).astype(np.float32)

    def mood_mask(self, width: int) -> np.ndarray:
        """Which of this build's ``width`` vector columns say how a track feels
        (valence/arousal, the 16 moods, analysed files' emotions), not how it sounds or
        where it belongs (audio, co-membership, sound, timbre, the anchor): a playlist
        along a mood arc moves the first and keeps the seeds' second."""
        mask = np.zeros(width, dtype=bool)
        start = 0 if self.feel_model is not None else len(self.scaler.features)
        mask[start:start + len(MOOD_COLUMNS)] = True
        if self.audio_feel is not None:
            weights = self.feel_weights if self.feel_model is not None else self.block_weights
            end = width - (len(self.audio_feel.inputs_) if weights.timbre else 0)
            mask[end - len(GEMS):end] = True
        return mask

    @property
    def stats(self) -> tuple[np.ndarray, np.ndarray]:
        return self.centre, self.spread

    def to_bytes(self) -> bytes:
        arrays = {"format": np.int32(FORMAT), "centre": self.centre, "spread": self.spread,
                  "audio_features": np.array(self.scaler.features, dtype=str),
                  "audio_mean": self.scaler.mean_, "audio_scale": self.scaler.scale_,
                  "feel_weights": np.array(list(vars(self.feel_weights).values())),
                  "block_weights": np.array(list(vars(self.block_weights).values())),
                  "neighbours": np.array([self.k, self.hubness]),
                  "metric": np.str_(self.metric)}
        for name, model in (("feel_model", self.feel_model), ("va_model", self.va_model),
                            ("audio_feel", self.audio_feel)):
            if model is not None:
                arrays[name] = np.frombuffer(_saved(model), dtype=np.uint8)
        out = io.BytesIO()
        np.savez(out, **arrays)
        return out.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> "FittedState":
        try:
            with np.load(io.BytesIO(blob), allow_pickle=False) as data:
                if int(data["format"]) != FORMAT:
                    raise CatalogError("the stored fitted state has another format")
                scaler = AudioScaler(tuple(str(f) for f in data["audio_features"]),
                                     data["audio_mean"], data["audio_scale"])
                k, hubness = data["neighbours"]
                return cls(data["centre"], data["spread"], scaler,
                           feel_model=_load(FeelModel, data, "feel_model"),
                           feel_weights=_weights(FeelWeights, data["feel_weights"]),
                           block_weights=_weights(BlockWeights, data["block_weights"]),
                           va_model=_load(VaModel, data, "va_model"),
                           k=int(k), metric=str(data["metric"]), hubness=float(hubness),
                           audio_feel=_load(AudioFeel, data, "audio_feel"))
        except (OSError, KeyError, ValueError, TypeError) as exc:
            raise CatalogError(f"cannot read the stored fitted state: {exc}") from None


def _weights(cls: type, stored: np.ndarray):
    """Block weights as stored; a block newer than the build that stored them weighs 0
    (its vectors were made without it, and a track added later must match them)."""
    values = [float(v) for v in stored]
    return cls(*values, *[0.0] * (len(fields(cls)) - len(values)))


def _saved(model: FeelModel | VaModel | AudioFeel) -> bytes:
    out = io.BytesIO()
    model.save(out)
    return out.getvalue()


def _load(cls: type, data: np.lib.npyio.NpzFile, name: str):
    if name not in data.files:
        return None
    return cls.load(io.BytesIO(data[name].tobytes()))
