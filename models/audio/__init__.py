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
from .emotion import GEMS, GEMS_MOODS, AudioFeel, analysis_vector, gems_va, label_va
from .emotion_training import (
    AudioFeelTraining,
    EmotionSet,
    audio_feel_path,
    emotion_set,
    fit_audio_feel,
    load_audio_feel,
    read_fractions,
    save_audio_feel,
    train_audio_feel,
)
from .training import train
from .va_model import INPUTS, VaModel

__all__ = [
    "AudioFeel",
    "AudioFeelTraining",
    "audio_feel_path",
    "load_audio_feel",
    "save_audio_feel",
    "train_audio_feel",
    "EmotionSet",
    "GEMS",
    "GEMS_MOODS",
    "analysis_vector",
    "emotion_set",
    "fit_audio_feel",
    "gems_va",
    "label_va",
    "read_fractions",
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
