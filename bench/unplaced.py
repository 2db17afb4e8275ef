"""Do title-only tracks fill the lists of seeds with little evidence?  Measured.

    python bench/unplaced.py [--tagged 300] [--features-only 150] [--bare 15] [--seed 0]

A self-hoster's library, drawn from the TidyTuesday catalog: ``--tagged`` tracks as
they are (audio features, playlist, genre and subgenre), ``--features-only`` with their
tags removed (a file's features and nothing else: a thin seed) and ``--bare`` rows with
a title and an artist only, each by an artist and album of its own.  Built with the
served default (the feel model trained on the Deezer train labels, as ``feelalike demo``
does).  For every placed seed of each kind, its served top 10 (neighbour lists first,
as the service answers a plain seed): the share of seeds whose top 10 holds a
title-only track and the mean number it holds.

"before" is the same build with each title-only row given the vector the feel space
made for it until the twenty-second session (its anchor alone: the centre), ranked by
its neighbour lists without the serving filter; "served" is this build as served.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.build import NeighbourModel, build, fit_feel_model  # noqa: E402
from models.ingest import Catalog, Track, load_catalog  # noqa: E402
from models.ranking import NeighbourLists, Query, RankingEngine  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
TIDY = SHARED / "catalog" / "tidytuesday_spotify_songs.csv"
K = 10


def library(catalog: Catalog, tagged: int, thin: int, bare: int,
            seed: int) -> tuple[list[Track], dict[str, list[int]]]:
    picked = random.Random(seed).sample(catalog.tracks, tagged + thin)
    tracks = [*picked[:tagged],
              *(Track(id=t.id, title=t.title, artist=t.artist, album=t.album,
                      features=dict(t.features)) for t in picked[tagged:])]
    tracks += [Track(id=f"bare{i}", title=f"Untitled Demo {i}", artist=f"Garage Band {i}")
               for i in range(bare)]
    kinds = {"tagged": list(range(tagged)), "features only": list(range(tagged, tagged + thin))}
    return tracks, kinds


def lists_hold(engine: RankingEngine, rows: list[int], bare: set[int]) -> np.ndarray:
    return np.array([len(bare.intersection(engine.rank(Query(seeds=[(r, 1.0)],
                                                             limit=K)).rows)) for r in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tagged", type=int, default=300)
    parser.add_argument("--features-only", type=int, default=150)
    parser.add_argument("--bare", type=int, default=15)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not TIDY.is_file():
        sys.exit(f"needs {TIDY} (../shared/data)")
    catalog = load_catalog([TIDY])
    print("training the feel model on the Deezer train labels ...", file=sys.stderr)
    model = fit_feel_model(catalog, SHARED / "moods" / "deezer")
    tracks, kinds = library(catalog, args.tagged, args.features_only, args.bare, args.seed)
    built = build(Catalog(tracks=tracks), k=100, feel_model=model)
    bare = {r for r, t in enumerate(tracks) if t.id.startswith("bare")}
    before = built.vectors.copy()
    before[sorted(bare), -1] = 1.0  # the anchor alone, as the feel space placed them
    old = NeighbourModel(k=100).fit(before)
    old_table = built.table()
    old_table.vectors, old_table.__dict__["_placed"] = before, np.ones(len(tracks), bool)
    old_table.__dict__.pop("_unit", None)
    engines = {
        "before": RankingEngine(old_table, [NeighbourLists(
            lambda row: (old.neighbours_[row], old.scores_[row]))]),
        "served": RankingEngine(built.table(), [NeighbourLists(
            lambda row: (built.neighbours[row], built.scores[row]))])}
    print(f"{len(tracks)} tracks ({len(bare)} title only, unplaced by the build: "
          f"{built.meta['unplaced_tracks']}); top {K} of every seed")
    print(f"{'seeds':<16}{'build':<9}{'lists holding one':>19}{'title-only per list':>21}")
    for kind, rows in kinds.items():
        for name, engine in engines.items():
            held = lists_hold(engine, rows, bare)
            print(f"{kind:<16}{name:<9}{np.mean(held > 0):>19.3f}{held.mean():>21.2f}")


if __name__ == "__main__":
    main()
