"""Audio: analysing files, caching results, reading their tags, and the learned audio ->
mood model."""
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
from .batch import (
    DEFAULT_WINDOW,
    AudioCache,
    Batch,
    analyse_many,
    analyse_paths,
    as_track,
    audio_tracks,
    expand,
)
from .tags import FileTags, read_tags
from .training import train
from .va_model import INPUTS, VaModel

__all__ = [
    "AudioCache",
    "Batch",
    "DEFAULT_WINDOW",
    "AudioError",
    "FileTags",
    "INPUTS",
    "PITCH_CLASSES",
    "SAMPLE_RATE",
    "VaModel",
    "analyse",
    "analyse_many",
    "analyse_paths",
    "as_track",
    "audio_tracks",
    "decode",
    "expand",
    "key_and_mode",
    "read_tags",
    "require",
    "tempo",
    "train",
]
