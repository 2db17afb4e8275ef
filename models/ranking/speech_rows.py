"""Files that sound like speech (an audiobook chapter, a podcast episode in a music
folder; tagged ``speech`` by the analysis, :mod:`models.audio.speech`) are no music
recommendations: they stay in the model, can be seeds and be looked up, and are
recommended for a seed that is speech itself, or to a query that asks for their tag;
FEELALIKE_SPEECH_IN_RECOMMENDATIONS=on recommends them like music."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .. import settings
from ..ingest import SPEECH_TAG
from .table import TrackTable


def speech_rows_hidden(table: TrackTable, seeds: Sequence[int], include_tags: set[str],
                       rows: np.ndarray) -> np.ndarray:
    """Boolean mask over ``rows`` of the speech rows a query with ``seeds`` and
    ``include_tags`` leaves out (none when it may have them)."""
    if SPEECH_TAG in include_tags or settings.get("SPEECH_IN_RECOMMENDATIONS"):
        return np.zeros(len(rows), dtype=bool)
    if len(seeds) and table.rows_with_tags({SPEECH_TAG}, np.asarray(seeds, np.int64)).any():
        return np.zeros(len(rows), dtype=bool)
    return table.rows_with_tags({SPEECH_TAG}, rows)
