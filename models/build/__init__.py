"""The offline build: mood evidence, feature scaling, vectors and neighbour lists."""
from .features import AudioScaler
from .neighbours import HUB_NEIGHBOURS, NeighbourModel, reduce_hubs
from .evidence import MoodAnalysis, analyse_moods, audio_positions, mood_profiles
from .pipeline import BuiltModel, build
from .progress import ProgressFactory, no_progress
from .vectors import BlockWeights, Blocks, vector_blocks

__all__ = [
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
