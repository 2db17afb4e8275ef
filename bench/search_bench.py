"""What the loose step of title search costs, and what it finds, before and after its
ties of WRatio came to be broken by token_set_ratio (the query's words all held).

    python bench/search_bench.py [--repeat 3] [--copies 1 10]

Over the TidyTuesday catalog's "title artist" strings (28k; ``--copies`` repeats them
to stand for a larger catalog) plus the eight "Her" titles (no popularity), the same
queries are run through WRatio alone (``process.extract``, as before) and through
``models.language.resemblance.resembling``. Printed: medians per query in ms and their
ratio, then where the intended track ranks among the loose matches for the queries
that name one.
"""
from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from models.language import normalise, resembling  # noqa: E402

CATALOG = ROOT.parent / "shared" / "data" / "catalog" / "tidytuesday_spotify_songs.csv"
HER = ["Loneliness #3 (Night Talking)", "We're All Leaving", "Sleepwalker", "Dimensions",
       "Photograph", "Some Other Places", "Song on the Beach", "Milk & Honey #1"]
#: query -> the title it means (None: a browse, nothing in particular)
QUERIES = {"loneliness night talking": "Loneliness #3 (Night Talking)",
           "loneliness arcade fire": "Loneliness #3 (Night Talking)",
           "kashmir led zeppelin": "Kashmir - 1990 Remaster",
           "sprawl ii arcade fire": "Sprawl II (Mountains Beyond Mountains)",
           "blindng lights": "Blinding Lights", "we are all leaving": "We're All Leaving",
           "bad guy billie": "bad guy", "shape of you": None, "love": None}


def load() -> tuple[list[str], list[str], list[float]]:
    rows: dict[str, tuple[str, str, float]] = {}
    with open(CATALOG, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows.setdefault(r["track_id"], (r["track_name"], r["track_artist"],
                                            float(r["track_popularity"] or 0)))
    titles = [t for t, _, _ in rows.values()] + HER
    artists = [a for _, a, _ in rows.values()] + ["Arcade Fire"] * len(HER)
    return titles, artists, [p for _, _, p in rows.values()] + [0.0] * len(HER)


def before(query: str, combined: list[str], pop: list[float], limit: int) -> list[int]:
    hits = process.extract(query, combined, scorer=fuzz.WRatio, limit=limit,
                           score_cutoff=60.0)
    return [row for _, _, row in sorted(hits, key=lambda h: (-h[1], -pop[h[2]], h[2]))]


def after(query: str, combined: list[str], pop: list[float], limit: int) -> list[int]:
    return resembling(query, combined, limit=limit, cutoff=60.0, popularity=pop)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10])
    args = parser.parse_args()
    if not CATALOG.exists():
        sys.exit(f"needs {CATALOG} (../shared/data)")
    titles, artists, pop = load()
    base = [normalise(f"{t} {a}") for t, a in zip(titles, artists)]
    print("| titles | WRatio ms | WRatio, ties by token_set ms | ratio |\n|---|---|---|---|")
    for copies in args.copies:
        combined, pops = base * copies, pop * copies
        times: dict[str, list[float]] = {"before": [], "after": []}
        for _ in range(args.repeat):
            for query in QUERIES:
                for name, run in (("before", before), ("after", after)):
                    start = time.perf_counter()
                    run(normalise(query), combined, pops, 30)
                    times[name].append(time.perf_counter() - start)
        b, a = (statistics.median(times[k]) * 1000 for k in ("before", "after"))
        print(f"| {len(combined):,} | {b:.0f} | {a:.0f} | {a / b:.2f} |")
    print("\n| query | rank before (of 50) | rank after |\n|---|---|---|")
    for query, meant in QUERIES.items():
        if meant is None:
            continue
        ranks = []
        for run in (before, after):
            found = [titles[r] for r in run(normalise(query), base, pop, 50)]
            ranks.append(str(found.index(meant) + 1) if meant in found else "-")
        print(f"| {query} | {ranks[0]} | {ranks[1]} |")


if __name__ == "__main__":
    main()
