"""Serving-time ranking: the track table, candidate indexes, the one ranking engine,
playlists, paths and explanations."""
from .arc_warnings import ArcPoint, far_ends
from .arcs import arc_ends, held, held_ends
from .camelot import camelot, compatible, key_name
from .cells import Cells, cell_arrays
from .columns import CodedColumn, StringColumn, TagColumn
from .engine import Ranking, RankingEngine
from .explain import reasons, request_reasons
from .hubs import hub_penalty, keep_penalty
from .index import CandidateIndex, Candidates, ExactScan, NeighbourLists, VectorIndex
from .paths import PATH_POOL, mood_space, path, path_fit, typical_distance
from .placement import tempo_jump
from .playlist import (
    MAX_WIDENING,
    Placement,
    arc_points,
    arc_pool,
    arc_relevance,
    pool_size,
    sequence,
)
from .query import (
    Query,
    allowed,
    refuse_unplaced_seeds,
    relevance,
    to_unit,
    unplaced_seed_warnings,
    world_similarity,
)
from .rows import placed_rows
from .shaping import POOL, SPREAD, clamp, pick, seed_songs, spreads
from .credits import credited
from .songs import song_key, song_keys
from .table import NUMERIC, TrackTable
from .tag_words import MUSIC_KINDS, text_tags
from .text_target import (TextTarget, apply_text_target, read_text_target,
                          reads_wholly_as_moods)
from .title_arrays import (title_arrays, title_arrays_from_bytes, title_arrays_to_bytes,
                           title_index, title_source)
from .title_patch import patch_title_arrays
from .timed import Timed, durations, fill, tracks_for

__all__ = [
    "ArcPoint",
    "MAX_WIDENING",
    "MUSIC_KINDS",
    "Placement",
    "far_ends",
    "NUMERIC",
    "PATH_POOL",
    "POOL",
    "SPREAD",
    "spreads",
    "CandidateIndex",
    "Cells",
    "CodedColumn",
    "StringColumn",
    "TagColumn",
    "Candidates",
    "ExactScan",
    "NeighbourLists",
    "Query",
    "Ranking",
    "RankingEngine",
    "TextTarget",
    "TrackTable", "placed_rows",
    "VectorIndex",
    "allowed", "refuse_unplaced_seeds", "unplaced_seed_warnings",
    "apply_text_target",
    "arc_ends",
    "held",
    "held_ends",
    "hub_penalty",
    "keep_penalty",
    "arc_pool",
    "arc_relevance",
    "arc_points",
    "camelot",
    "cell_arrays",
    "clamp",
    "compatible",
    "key_name",
    "mood_space",
    "path",
    "path_fit",
    "pick",
    "typical_distance",
    "pool_size",
    "read_text_target",
    "reads_wholly_as_moods",
    "text_tags",
    "reasons",
    "relevance",
    "request_reasons",
    "seed_songs",
    "sequence",
    "credited",
    "song_key",
    "song_keys",
    "tempo_jump",
    "patch_title_arrays",
    "title_arrays",
    "title_arrays_from_bytes",
    "title_arrays_to_bytes",
    "title_index",
    "title_source",
    "Timed", "durations", "fill", "tracks_for",
    "to_unit",
    "world_similarity",
]
