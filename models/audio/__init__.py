"""Audio: analysing files, caching results, reading their tags, and the learned audio ->
mood model."""
from ..errors import AudioError
from .analysis import PITCH_CLASSES, analyse, key_and_mode, tempo
from .decoding import SAMPLE_RATE, decode, printable_path, require
from .batch import (
    DEFAULT_WINDOW,
    AudioCache,
    Batch,
    analyse_many,
    analyse_paths,
    as_track,
    audio_tracks,
    is_file_id,
    library_root,
    expand,
)
from .checkpoint import read_checkpoint
from .listing import has_audio, misnamed
from .stream_digest import stream_digest
from .compile_check import compile_checked
from .embedding import MODELS as EMBEDDING_MODELS
from .embedding import Musicnn, find_checkpoint, load_weights, log_mel_patches
from .embedding import network as embedding_network
from .file_names import name_from_file
from .folder_names import below_music_folder, names_from_folders
from .emotion import GEMS, GEMS_MOODS, AudioFeel, analysis_vector, gems_va, label_va
from .emotion_training import (
    AudioFeelTraining,
    EmotionSet,
    MoodFolders,
    audio_feel_path,
    emotion_set,
    fit_audio_feel,
    load_audio_feel,
    mood_folders,
    read_fractions,
    save_audio_feel,
    train_audio_feel,
)
from .speech import SPEECH_THRESHOLD, sounds_like_speech, speech_score, with_speech_tag
from .speech_pass import score_cached, speech_of
from .spectrum import Spectrum, frequency_moments
from .tags import FileTags, read_tags
from .training import train
from .va_model import INPUTS, VaModel, column_stats
from .workers import run_jobs

__all__ = [
    "compile_checked",
    "DEFAULT_WINDOW",
    "EMBEDDING_MODELS",
    "GEMS",
    "GEMS_MOODS",
    "INPUTS",
    "PITCH_CLASSES",
    "SAMPLE_RATE",
    "SPEECH_THRESHOLD",
    "Spectrum",
    "AudioCache",
    "AudioError",
    "AudioFeel",
    "AudioFeelTraining",
    "Batch",
    "EmotionSet",
    "MoodFolders",
    "FileTags",
    "Musicnn",
    "VaModel",
    "analyse",
    "analyse_many",
    "analyse_paths",
    "analysis_vector",
    "as_track",
    "audio_feel_path",
    "audio_tracks",
    "below_music_folder",
    "is_file_id",
    "library_root",
    "column_stats",
    "decode",
    "embedding_network",
    "emotion_set",
    "expand",
    "has_audio",
    "find_checkpoint",
    "fit_audio_feel",
    "frequency_moments",
    "gems_va",
    "key_and_mode",
    "printable_path",
    "label_va",
    "name_from_file",
    "names_from_folders",
    "load_audio_feel",
    "load_weights",
    "log_mel_patches",
    "misnamed",
    "mood_folders",
    "read_checkpoint",
    "read_fractions",
    "read_tags",
    "require",
    "run_jobs",
    "save_audio_feel",
    "score_cached",
    "sounds_like_speech",
    "speech_of",
    "speech_score",
    "stream_digest",
    "tempo",
    "train",
    "train_audio_feel",
    "with_speech_tag",
]
