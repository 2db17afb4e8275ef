"""A recording under several ids: do its ids give one answer, and at what cost?

    python bench/recordings.py [--seeds 2000] [--seed 0]

Builds the served default on the TidyTuesday catalog (the feel model fitted on the
Deezer train songs, as ``bench/evaluate.py`` does) and ranks each seed's top 10 the way
the service shapes a list (one version per song, the seed's song left out), twice:
"own id" with each id's own vector as its query (before), "recording" with the mean of
its recording's ids (what the build and the service do now).  Prints:

* ``overlap``: for every recording listed under several ids, the share of songs its
  first two ids' top 10 have in common (1.0: either id gives the same answer);
* ``playlist@10`` / ``subgenre@10``: share of the top 10 sharing a playlist / subgenre
  with the seed id, and with any id of the seed's song ("song's");
* ``agreement``: validation mood agreement@10 ranked as in ``bench/evaluate.py``
  (the 218 validation songs, hub discount included), with a paired bootstrap margin.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.build import FeelModel, build, recordings_of  # noqa: E402
from models.build.recording_lists import SharedQueries  # noqa: E402
from models.evaluation import bootstrap, mood_agreement, paired_difference  # noqa: E402
from models.ingest import (TrackMatcher, labelled_rows, load_catalog,  # noqa: E402
                           read_groups, read_va_labels)
from models.ranking import shared_recordings, song_keys  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
CATALOG = DATA / "catalog" / "tidytuesday_spotify_songs.csv"
LABELS = DATA / "moods" / "deezer"
HUBNESS, K = 0.5, 10


def unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, np.float64)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def hub_discount(u: np.ndarray) -> np.ndarray:
    """The service's hub discount per candidate (as ``harness.served_lists``)."""
    r = np.zeros(len(u))
    for start in range(0, len(u), 2048):
        sims = (1 + u[start:start + 2048] @ u.T) / 2
        top = -np.sort(-sims, axis=1)[:, 1:K + 1]
        r[start:start + 2048] = top.mean(axis=1)
    return HUBNESS * (r - r.mean())


def top10(queries: np.ndarray, u: np.ndarray, penalty: np.ndarray, keys: np.ndarray,
          rows: np.ndarray) -> list[list[int]]:
    sims = (1 + queries[rows] @ u.T) / 2 - penalty[None, :]
    out = []
    for i, row in enumerate(rows):
        seen, found = {keys[row]}, []
        for j in np.argsort(-sims[i]):
            if keys[j] not in seen:
                seen.add(keys[j])
                found.append(int(j))
                if len(found) == K:
                    break
        out.append(found)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    catalog = load_catalog([CATALOG])
    matcher = TrackMatcher(catalog.tracks)
    train_rows, train_va = labelled_rows(matcher, read_va_labels(LABELS / "train.csv"))
    val_rows, val_va = labelled_rows(matcher, read_va_labels(LABELS / "validation.csv"))
    keep = ~np.isin(val_rows, train_rows)
    val_rows, val_va = val_rows[keep], val_va[keep]
    built = build(catalog, [], k=100, feel_model=FeelModel().fit(catalog.tracks, train_rows,
                                                                  train_va))
    u = unit(built.vectors)
    penalty = hub_discount(u)
    codes = recordings_of(catalog.tracks)
    groups = shared_recordings(codes)
    pooled = unit(SharedQueries.of(built.vectors, codes, "cosine").of_rows(u, np.arange(len(u))))
    keys = np.array(song_keys(catalog.tracks))
    playlists, subgenres = read_groups(CATALOG, catalog)
    song_pl, song_sg = defaultdict(frozenset), defaultdict(frozenset)
    for row, key in enumerate(keys):
        song_pl[key] |= playlists[row]
        song_sg[key] |= subgenres[row]
    rng = np.random.default_rng(args.seed)
    seeds = rng.choice(len(u), min(args.seeds, len(u)), replace=False)
    print(f"{len(groups)} recordings under {sum(map(len, groups))} ids; {len(seeds)} seeds\n")
    print(f"{'query':12} {'overlap':>8} {'playlist@10':>12} {'song':>6} {'subgenre@10':>12} "
          f"{'song':>6} {'agreement':>22}")
    base = None
    for name, queries in (("own id", u), ("recording", pooled)):
        firsts = np.array([g[0] for g in groups])
        seconds = np.array([g[1] for g in groups])
        a, b = top10(queries, u, penalty, keys, firsts), top10(queries, u, penalty, keys, seconds)
        overlap = np.mean([len({keys[j] for j in x} & {keys[j] for j in y}) / K
                           for x, y in zip(a, b)])
        lists = top10(queries, u, penalty, keys, seeds)
        shares = [np.mean([[bool(group(s) & column[j]) for j in found]
                           for s, found in zip(seeds, lists)])
                  for group, column in ((lambda s: playlists[s], playlists),
                                        (lambda s: song_pl[keys[s]], playlists),
                                        (lambda s: subgenres[s], subgenres),
                                        (lambda s: song_sg[keys[s]], subgenres))]
        sims = (1 + queries[val_rows] @ u[val_rows].T) / 2 - penalty[val_rows][None, :]
        np.fill_diagonal(sims, -np.inf)
        ranked = np.argsort(-sims, axis=1, kind="stable")[:, :K]
        agreement = mood_agreement(ranked, val_va, range(len(val_rows)))
        base = agreement if base is None else base
        print(f"{name:12} {overlap:8.3f} {shares[0]:12.3f} {shares[1]:6.3f} {shares[2]:12.3f} "
              f"{shares[3]:6.3f} {str(bootstrap(agreement, seed=args.seed)):>22}")
    print(f"\nagreement, recording minus own id (paired): "
          f"{paired_difference(agreement, base, seed=args.seed)}")


if __name__ == "__main__":
    main()
