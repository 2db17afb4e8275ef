"""The offline build: sources, mood evidence, feature scaling, vectors and neighbour lists."""
from .features import AudioScaler
from .neighbours import HUB_NEIGHBOURS, NeighbourModel, reduce_hubs
from .evidence import MoodAnalysis, analyse_moods, audio_positions, mood_profiles, reading_audit
from .pipeline import BuiltModel, build
from .progress import ProgressFactory, no_progress
from .sources import (BuildOptions, LoadedSources, Sources, build_from_sources, load_sources,
                      read_reviews)
from .vectors import BlockWeights, Blocks, vector_blocks

__all__ = [
    "AudioScaler",
    "MoodAnalysis",
    "ProgressFactory",
    "audio_positions",
    "no_progress",
    "BlockWeights",
    "Blocks",
    "BuildOptions",
    "BuiltModel",
    "HUB_NEIGHBOURS",
    "LoadedSources",
    "NeighbourModel",
    "Sources",
    "analyse_moods",
    "build",
    "build_from_sources",
    "load_sources",
    "mood_profiles",
    "read_reviews",
    "reading_audit",
    "reduce_hubs",
    "vector_blocks",
]
