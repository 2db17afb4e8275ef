"""The offline build: mood evidence, feature scaling, vectors and neighbour lists."""
from .features import AudioScaler
from .neighbours import HUB_NEIGHBOURS, NeighbourModel, reduce_hubs
from .evidence import MoodAnalysis, analyse_moods, audio_positions, mood_profiles
from .pipeline import BuiltModel, build
from .progress import ProgressFactory, no_progress
from .feel import FeelModel, feel_columns
from .feel_space import FeelCoordinates, FeelWeights, feel_coordinates, feel_vectors
from .feel_training import (default_model_path, fit_feel_model, load_default_model,
                            save_default_model, train_default_model)
from .vectors import BlockWeights, Blocks, vector_blocks

__all__ = [
    "FeelCoordinates",
    "FeelModel",
    "FeelWeights",
    "default_model_path",
    "feel_columns",
    "feel_coordinates",
    "feel_vectors",
    "fit_feel_model",
    "load_default_model",
    "save_default_model",
    "train_default_model",
    "AudioScaler",
    "MoodAnalysis",
    "ProgressFactory",
    "audio_positions",
    "no_progress",
    "BlockWeights",
    "Blocks",
    "BuiltModel",
    "HUB_NEIGHBOURS",
    "NeighbourModel",
    "analyse_moods",
    "build",
    "mood_profiles",
    "reduce_hubs",
    "vector_blocks",
]
