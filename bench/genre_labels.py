"""Do the tag table's genre moods agree with measured labels? Deezer valence/arousal by
the catalog's playlist genre.

    python bench/genre_labels.py      # needs ../shared/data (the catalog and Deezer labels)

The tag table reads "latin" as joyful (valence +0.70), "r&b" as romantic and calm
(arousal +0.10), "rap" as dark (valence +0.20, "gangster rap" -0.30) and so on. For the
catalog songs the Deezer mood dataset labels (joined as ``bench/evaluate.py`` joins them),
printed per genre and split: how many, and their mean true valence and arousal (Deezer's
scale: about -2.3 to 2.8, mean about -0.07 valence and +0.20 arousal; what
matters is the order of the genres).
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.ingest import (  # noqa: E402
    TrackMatcher,
    labelled_rows,
    load_catalog,
    read_va_labels,
)

DATA = ROOT.parent / "shared" / "data"
GENRES = ("pop", "rap", "rock", "latin", "r&b", "edm")


def main() -> None:
    catalog = load_catalog([DATA / "catalog" / "tidytuesday_spotify_songs.csv"])
    matcher = TrackMatcher(catalog.tracks)
    print(f"{'genre':6s} {'split':11s} {'songs':>5s} {'valence':>8s} {'arousal':>8s}")
    for split in ("train", "validation"):
        rows, va = labelled_rows(matcher, read_va_labels(DATA / "moods" / "deezer" /
                                                         f"{split}.csv"))
        tags = [{t.lower() for t in catalog.tracks[r].tags} for r in rows]
        for genre in GENRES:
            held = np.array([genre in t for t in tags])
            if held.any():
                print(f"{genre:6s} {split:11s} {held.sum():5d} {va[held, 0].mean():+8.3f} "
                      f"{va[held, 1].mean():+8.3f}")


if __name__ == "__main__":
    main()
