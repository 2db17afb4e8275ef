"""Audio: analysing files, caching results, and the learned audio -> mood model."""
from .analysis import (
    PITCH_CLASSES,
    SAMPLE_RATE,
    AudioError,
    analyse,
    decode,
    key_and_mode,
    require,
    tempo,
)
from .batch import DEFAULT_WINDOW, AudioCache, Batch, analyse_many, analyse_paths, as_track, expand
from .training import train
from .va_model import INPUTS, VaModel

__all__ = [
    "AudioCache",
    "Batch",
    "DEFAULT_WINDOW",
    "AudioError",
    "INPUTS",
    "PITCH_CLASSES",
    "SAMPLE_RATE",
    "VaModel",
    "analyse",
    "analyse_many",
    "analyse_paths",
    "as_track",
    "decode",
    "expand",
    "key_and_mode",
    "require",
    "tempo",
    "train",
]
