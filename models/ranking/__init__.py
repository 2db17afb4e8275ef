"""Serving-time ranking: the track table, candidate indexes, the one ranking engine,
playlists, paths and explanations."""
from .camelot import camelot, compatible, key_name
from .playlist import arc_points, path, sequence, tempo_jump
from .query import Query, _unit, allowed, rank, relevance
from .table import TrackTable, song_key

__all__ = [
    "Query",
    "TrackTable",
    "_unit",
    "allowed",
    "arc_points",
    "camelot",
    "compatible",
    "key_name",
    "path",
    "rank",
    "relevance",
    "sequence",
    "song_key",
    "tempo_jump",
]
