"""Audio: analysing files, caching results, and the learned audio -> mood model."""
from .analysis import AudioError, PITCH_CLASSES, SAMPLE_RATE, analyse, decode, key_and_mode, require, tempo
from .batch import AudioCache, analyse_many, as_track, expand
from .training import train
from .va_model import INPUTS, VaModel

__all__ = [
    "AudioCache",
    "AudioError",
    "INPUTS",
    "PITCH_CLASSES",
    "SAMPLE_RATE",
    "VaModel",
    "analyse",
    "analyse_many",
    "as_track",
    "decode",
    "expand",
    "key_and_mode",
    "require",
    "tempo",
    "train",
]
