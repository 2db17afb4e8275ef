"""How well POST /v1/playlists keeps the feel of its seed, on the live model.

    python bench/playlist_quality.py [--seeds 100] [--length 20 | --minutes 45]
                                     [--catalog FILE] [--max-per-artist N]
                                     [--png docs/arc_playlist.png]

Reads the published model (``REDIS_URL`` or the embedded Redis under
``FEELALIKE_DATA_HOME``; ``feelalike demo --no-serve`` makes one) and, for a fixed
sample of seed tracks (plus every track of the demo's "Her" score), makes playlists
through the API's own view function, without an arc and along two arcs, and prints
the mean over seeds of:

* ``recs``: share of the playlist that is in the seed's top ``length`` recommendations
  (GET /v1/recommendations; with ``--minutes``, the top as many as it holds);
* ``off``: with ``--minutes``, how far the playlist's total is from the minutes asked
  (minutes, absolute), and ``off max`` the largest;
* ``cos``: cosine similarity of the playlist's tracks to the seed in the feel space;
* ``world``: the same over the columns that say how tracks sound and where they
  belong, without the mood columns (what an arc keeps of its seed);
* ``shared``: share of the playlist's tracks that share a Spotify playlist with the
  seed (``playlist_name`` of the TidyTuesday CSV given by ``--catalog``; seeds without
  one are left out), a judge the model does not own;
* ``recur``: share of playlists in which an artist, main or guest ("(feat. X)", "(with
  X)", "A & B", "A, B"), recurs within the default artist gap (3 places);
* ``recs cap``: with ``--max-per-artist N``, ``recs`` against the recommendations
  asked with the same cap (those without it list what the cap leaves out);
* ``over``: with ``--max-per-artist N`` (the playlists ask for that cap), share of
  playlists in which an artist, main or guest, is credited by more than N tracks;
* ``breaks``: share of transitions with a tempo jump beyond the tolerance or a key
  clash (either key unknown counts as no clash);
* for arcs, ``arc r``: correlation of position with valence, and ``arc err``: mean
  distance in valence/arousal to the arc's targets;
* ``energy``, ``acoustic``: where the playlist's median energy and acousticness fall
  in the catalog's (a percentile, 0 to 1; a quiet acoustic seed's playlists should
  sit low in energy and high in acousticness);
* ``hub``: the share of the seeds' playlists that hold the track most of them hold,
  and ``distinct``: distinct tracks over all places (the same few tracks in every
  playlist is a hub, not a feel).

``--png`` draws one arc playlist (from ``--png-seed``, "Loneliness #3" by default,
lonely -> hopeful) in valence/arousal, its tracks coloured by how much they sound like the seed,
beside the same arc with the seed weighed by whole vectors (its moods included).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.language import normalise  # noqa: E402
from models.ranking import Query, compatible, credited, tempo_jump  # noqa: E402
from service.requests import PlaylistBody, parse  # noqa: E402
from service.resources import Resources  # noqa: E402
from service.store import open_store  # noqa: E402
from service.views.playlists import playlist  # noqa: E402
from service.views.recommendations import similar  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "catalog" / "tidytuesday_spotify_songs.csv"
ARCS = (None, ("peaceful", "hopeful"), ("sad", "joyful"), ("energetic", "peaceful"))


def spotify_playlists(path: Path) -> dict[str, frozenset[str]]:
    names: dict[str, set[str]] = {}
    if path.is_file():
        with path.open(newline="", encoding="utf-8") as handle:
            for r in csv.DictReader(handle):
                names.setdefault(r["track_id"], set()).add(r["playlist_name"])
    return {k: frozenset(v) for k, v in names.items()}


def breaks(tracks: list[dict], tolerance: float = 0.08) -> float:
    """Share of transitions with a tempo jump beyond ``tolerance`` or a key clash."""
    bad = []
    for a, b in zip(tracks, tracks[1:]):
        ta, tb = a["tempo"] or np.nan, b["tempo"] or np.nan
        jump = tempo_jump(ta, np.array([tb]), tolerance)[0] > 0
        bad.append(jump or compatible(a["camelot"], b["camelot"]) is False)
    return float(np.mean(bad)) if bad else 0.0


def names(track: dict) -> set[str]:
    """Every artist ``track`` credits: main, guests, and each name of "A & B", "A, B"."""
    parts = re.split(r"\s*(?:,|&|\+|;|\band\b)\s*", track["artist"], flags=re.IGNORECASE)
    return set(credited(track["title"], track["artist"])) | {normalise(p) for p in parts} - {""}


def recurs(tracks: list[dict], gap: int = 3) -> float:
    """1.0 when an artist (main or guest) recurs within ``gap`` places, else 0.0."""
    credits = [names(t) for t in tracks]
    return float(any(credits[i] & credits[j] for i in range(len(credits))
                     for j in range(max(0, i - gap), i)))


def over_cap(tracks: list[dict], cap: int) -> float:
    """1.0 when an artist (main or guest) is credited by more than ``cap`` tracks."""
    counts: dict[str, int] = {}
    for track in tracks:
        for name in names(track):
            counts[name] = counts.get(name, 0) + 1
    return float(max(counts.values(), default=0) > cap)


def measure(res, seed: str, arc, length: int, groups: dict,
            cap: int | None = None, minutes: float | None = None) -> dict[str, float]:
    body = {"seed": seed, **({"minutes": minutes} if minutes else {"length": length}),
            **({"max_per_artist": cap} if cap else {})}
    if arc:
        body["arc"] = {"from": arc[0], "to": arc[1]}
    made = playlist(res, parse(PlaylistBody, body))
    tracks = made["tracks"]
    ids = [t["id"] for t in tracks]
    table, row = res.table, res.resolve(seed)
    rows = [res.resolve(i) for i in ids]
    unit = table.unit_vectors
    out = {"n": len(ids), "cos": float(np.mean(unit[rows] @ unit[row])) if rows else 0.0,
           "breaks": breaks(tracks), "recur": recurs(tracks), "ids": ids,
           **({"over": over_cap(tracks, cap)} if cap else {})}
    if minutes:
        length = max(1, len(ids))
        out["off"] = out["off max"] = abs(made["duration_ms"] / 60_000 - minutes)
    world = table.world_unit
    if world is not None and rows:
        out["world"] = float(np.mean(world[rows] @ world[row]))
    if arc is None:
        recs = {r["id"] for r in similar(res, seed, length)["results"]}
        out["recs"] = len(recs & set(ids)) / length
        if cap:
            capped = res.engine.rank(Query(seeds=[(row, 1.0)], limit=length,
                                           max_per_artist=cap)).rows
            out["recs cap"] = len({table.ids[r] for r in capped} & set(ids)) / length
    else:
        valence = np.array([t["valence"] for t in tracks], dtype=float)
        out["arc r"] = float(np.corrcoef(np.arange(len(valence)), valence)[0, 1])
        targets = np.array([[p["valence"], p["arousal"]] for p in made["arc"]])
        va = np.array([[t["valence"], t["arousal"]] for t in tracks], dtype=float)
        out["arc err"] = float(np.mean(np.linalg.norm(va - targets, axis=1)))
    for name, column in (("energy", "energy"), ("acoustic", "acousticness")):
        out[name] = percentile_of_median(table.column(column), rows)
    if groups.get(seed):
        out["shared"] = float(np.mean([bool(groups[seed] & groups.get(i, frozenset()))
                                       for i in ids]))
    return out


def percentile_of_median(values: np.ndarray, rows: list[int]) -> float:
    """The share of the catalog's known ``values`` at or below the median of ``rows``'
    (NaN when none of them is known)."""
    known = values[~np.isnan(values)]
    chosen = values[rows] if rows else np.array([])
    chosen = chosen[~np.isnan(chosen)]
    return float(np.mean(known <= np.median(chosen))) if len(chosen) else float("nan")


def spread(rows: list[dict]) -> dict[str, float]:
    """How much the seeds' playlists share: ``hub``, the share of them holding the track
    most of them hold; ``distinct``, distinct tracks over all places."""
    counts: dict[str, int] = {}
    for r in rows:
        for i in set(r["ids"]):
            counts[i] = counts.get(i, 0) + 1
    places = sum(len(r["ids"]) for r in rows)
    return {"hub": max(counts.values(), default=0) / max(len(rows), 1),
            "distinct": len(counts) / max(places, 1)}


def draw(res, seed: str, length: int, path: str) -> None:
    """The arc playlist from ``seed``, served and with the seed by whole vectors."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from models.ranking import arc_ends, arc_points, sequence

    table, row = res.table, res.resolve(seed)
    query = parse(PlaylistBody, {"seed": seed, "length": length,
                                 "arc": {"from": "lonely", "to": "hopeful"}})
    served = [res.resolve(t["id"]) for t in playlist(res, query)["tracks"]]
    rows = np.array([r for r in range(len(table)) if r != row])
    unit = table.unit_vectors
    arc = arc_points(*arc_ends(table, Query(), ("lonely", "hopeful")), length)
    whole = sequence(table, rows, (1 + unit[rows] @ unit[row]) / 2, arc).rows
    va = np.column_stack([table.column("valence_mood"), table.column("arousal_mood")])
    world = table.world_unit @ table.world_unit[row]
    back = np.random.default_rng(0).choice(len(table), min(4000, len(table)), replace=False)
    fig, axes = plt.subplots(1, 2, figsize=(12, 5.5), sharex=True, sharey=True)
    for ax, chosen, name in ((axes[0], whole, "seed by whole vectors"),
                             (axes[1], served, "seed by its sound and world (served)")):
        ax.scatter(va[back, 0], va[back, 1], s=3, c="#dddddd")
        ax.plot([p.valence for p in arc], [p.arousal for p in arc], "--", c="#888888")
        dots = ax.scatter(va[chosen, 0], va[chosen, 1], s=40, c=world[chosen], cmap="viridis",
                          vmin=0.0, vmax=1.0, edgecolors="black", linewidths=0.4)
        ax.scatter(*va[row], s=160, marker="*", c="#d62728")
        for i, r in enumerate(chosen):
            ax.annotate(str(i + 1), va[r], fontsize=7, xytext=(3, 3), textcoords="offset points")
        ax.set_title(f"{name}: mean {np.mean(world[chosen]):.2f}", fontsize=10)
        ax.set_xlabel("valence")
    axes[0].set_ylabel("arousal")
    fig.colorbar(dots, ax=axes, label=f"sounds like {table.titles[row]} (cosine without moods)")
    fig.suptitle(f"lonely -> hopeful from {table.titles[row]}: the arc (dashed), the seed "
                 "(star), the playlist in order")
    fig.savefig(path, dpi=110, bbox_inches="tight")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--length", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=None,
                        help="ask for this many minutes instead of --length tracks")
    parser.add_argument("--catalog", type=Path, default=DEFAULT)
    parser.add_argument("--max-per-artist", type=int, default=None,
                        help="ask every playlist for this artist cap (and count 'over')")
    parser.add_argument("--png", default=None, help="draw one arc playlist to this file")
    parser.add_argument("--png-seed", default="Loneliness #3",
                        help="the drawn playlist's seed (id or title)")
    args = parser.parse_args()
    res = Resources(open_store()).current()
    table = res.table
    if args.png:
        draw(res, args.png_seed, args.length, args.png)
    rng = np.random.default_rng(0)
    her = [i for i in table.ids if i.startswith("her-")]
    seeds = [table.ids[int(r)] for r in rng.choice(len(table), args.seeds, replace=False)]
    groups = spotify_playlists(args.catalog)
    print(f"model {res.version}: {len(table)} tracks, {len(seeds)} sampled seeds + "
          f"{len(her)} Her tracks, " + (f"{args.minutes} minutes" if args.minutes
                                        else f"length {args.length}"))
    for arc in ARCS:
        for name, chosen in (("sample", seeds), ("her", her)):
            if not chosen:
                continue
            rows = [measure(res, s, arc, args.length, groups, args.max_per_artist,
                            args.minutes) for s in chosen]
            keys = [k for k in ("n", "off", "off max", "recs", "recs cap", "cos", "world",
                                "shared", "breaks", "recur", "over", "arc r", "arc err",
                                "energy", "acoustic")
                    if any(k in r for r in rows)]
            means = {k: (np.nanmax if k == "off max" else np.nanmean)(
                [r[k] for r in rows if k in r]) for k in keys}
            means.update(spread(rows))
            label = ":".join(arc) if arc else "no arc"
            print(f"{label:16} {name:6} " + "  ".join(f"{k} {v:.3f}" for k, v in means.items()))


if __name__ == "__main__":
    main()
