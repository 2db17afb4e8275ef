"""The offline build: sources, mood evidence, the learned feel space, feature scaling,
vectors and neighbour lists."""
from .distributed import spark_build, spark_session
from .evidence import MoodAnalysis, analyse_moods, audio_positions, mood_profiles, reading_audit
from .features import AudioScaler
from .feel import FeelModel, feel_columns
from .feel_space import (
                         FeelCoordinates,
                         FeelWeights,
                         album_key,
                         feel_coordinates,
                         feel_vectors,
                         share_album_prior,
)
from .feel_training import (
                         default_model_path,
                         fit_feel_model,
                         is_current,
                         load_default_model,
                         save_default_model,
                         train_default_model,
)
from .feel_words import SOUND, is_score, sound_votes
from .fitted import FittedState
from .incremental import (
                         AlbumMates,
                         ListChanges,
                         Placed,
                         add_lists,
                         compaction,
                         extend_payload,
                         place,
                         remove_lists,
                         take_table,
)
from .neighbours import HUB_NEIGHBOURS, NeighbourModel, reduce_hubs
from .pipeline import BuiltModel, build
from .progress import ProgressFactory, no_progress
from .song_names import rename_rows
from .sources import (
                         BuildOptions,
                         LoadedSources,
                         Sources,
                         build_from_sources,
                         load_sources,
                         read_reviews,
)
from .trees import TreeEnsemble
from .va_head import VaHead
from .vectors import Blocks, BlockWeights, vector_blocks

__all__ = [
    "AlbumMates", "FittedState", "ListChanges", "Placed", "add_lists", "compaction",
    "extend_payload", "place", "album_key", "rename_rows",
    "remove_lists", "take_table", "spark_build", "spark_session",
    "AudioScaler", "SOUND", "BlockWeights", "Blocks", "BuildOptions", "BuiltModel",
    "FeelCoordinates",
    "FeelModel", "FeelWeights", "HUB_NEIGHBOURS", "LoadedSources", "MoodAnalysis",
    "NeighbourModel", "ProgressFactory", "Sources", "analyse_moods", "audio_positions", "build",
    "build_from_sources", "default_model_path", "feel_columns", "feel_coordinates",
    "feel_vectors", "fit_feel_model", "is_current", "is_score", "load_default_model",
    "load_sources", "mood_profiles", "no_progress", "read_reviews", "reading_audit",
    "reduce_hubs", "save_default_model", "share_album_prior", "sound_votes",
    "train_default_model", "vector_blocks", "TreeEnsemble", "VaHead",
]
