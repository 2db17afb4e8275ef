"""Reading sources: catalogs, reviews and outside labels, joined to tracks."""
from .catalog import (
    AUDIO_FEATURES,
    MAX_PROBLEMS_KEPT,
    MAX_TRACK_ID_CHARS,
    Catalog,
    RowProblem,
    Track,
    load_catalog,
    merge_tracks,
    synthetic_id,
)
from .columns import SPEECH_TAG
from .cells import MAX_MAGNITUDE, MAX_NAME_CHARS, MAX_NOTES_CHARS
from .checksum import sha256_of
from .columns import FEATURE_RANGES, WHOLE_FEATURES, round_half_up, whole_features
from .feature_row import FeatureRow
from .external_ids import (
    ID_COLUMNS,
    KNOWN_PREFIXES,
    id_key,
    id_keys,
    is_isrc,
    normalise_id,
    parse_reference,
    path_inside,
    recording_keys,
    reference_key,
    unknown_kind,
)
from .labels import labelled_rows, read_groups, read_va_labels
from .markup import plain_text
from .matching import TrackMatcher
from .printable import UNPRINTABLE_REASON, blank, unprintable
from .reviews import load_album_review, load_review_jsonl
from .text_files import read_text_file

__all__ = [
    "AUDIO_FEATURES",
    "SPEECH_TAG",
    "FEATURE_RANGES",
    "MAX_MAGNITUDE",
    "MAX_NAME_CHARS",
    "MAX_NOTES_CHARS",
    "MAX_PROBLEMS_KEPT",
    "MAX_TRACK_ID_CHARS",
    "UNPRINTABLE_REASON",
    "unprintable",
    "blank",
    "ID_COLUMNS",
    "Catalog",
    "FeatureRow",
    "RowProblem",
    "Track",
    "TrackMatcher",
    "id_key",
    "id_keys",
    "is_isrc",
    "labelled_rows",
    "load_album_review",
    "load_catalog",
    "load_review_jsonl",
    "merge_tracks",
    "normalise_id",
    "plain_text",
    "parse_reference",
    "read_groups",
    "read_va_labels",
    "path_inside",
    "recording_keys",
    "read_text_file",
    "reference_key",
    "unknown_kind",
    "KNOWN_PREFIXES",
    "sha256_of",
    "synthetic_id",
    "WHOLE_FEATURES",
    "round_half_up",
    "whole_features",
]
