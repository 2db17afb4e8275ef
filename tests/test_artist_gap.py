"""A playlist's artist gap counts every artist a track credits: its guests ("(feat. X)",
"(with X)") and the names of an artist field "A & B" that are artists of the catalog,
not its main artist only."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from models.language import normalise
from models.ranking import TrackTable, arc_points, sequence

from .fixtures import hand_table

#: (title, artist), most relevant first: greedy placing would put each pair side by side
TRACKS = [("Luz y Sal (feat. Edward Sanchez)", "Funky"), ("Impulso (feat. Funky)", "Alex"),
          ("No Quiere Novio", "Ñejo & Dalmata"), ("Otra Vez", "Ñejo"),
          ("Mad World", "Gary Jules"), ("Other (with Gary Jules)", "Band"),
          *[(f"Filler {i}", f"Filler Artist {i}") for i in range(12)]]


def _table(stored: bool) -> TrackTable:
    ids = [f"t{i}" for i in range(len(TRACKS))]
    vectors = np.random.default_rng(0).normal(size=(len(ids), 4))
    table = replace(hand_table(ids, {}, vectors), titles=[t for t, _ in TRACKS],
                    artists=[a for _, a in TRACKS],
                    artist_keys=[normalise(a) for _, a in TRACKS])
    return TrackTable.from_arrays(table.to_arrays()) if stored else table


def _places(rows: list[int]) -> dict[str, int]:
    return {TRACKS[r][0]: place for place, r in enumerate(rows)}


@pytest.mark.parametrize("stored", [False, True], ids=["built", "stored"])
def test_a_guest_is_kept_apart_as_the_main_artist_is(stored):
    """"Impulso (feat. Funky)" came right after "Luz y Sal (feat. Edward Sanchez)" by
    Funky: the gap compared main artists only."""
    table = _table(stored)
    relevance = np.linspace(1.0, 0.5, len(TRACKS)).astype(np.float32)
    placed = sequence(table, np.arange(len(TRACKS)), relevance,
                      arc_points((0, 0), (0, 0), 14), min_artist_gap=3, follow_arc=False)
    at = _places(placed.rows)
    assert len(placed.rows) == 14
    for first, second in (("Luz y Sal (feat. Edward Sanchez)", "Impulso (feat. Funky)"),
                          ("No Quiere Novio", "Otra Vez"),
                          ("Mad World", "Other (with Gary Jules)")):
        assert abs(at[second] - at[first]) > 3, (first, second, at)

