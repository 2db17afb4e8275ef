"""How well the review reader does on the development set of real score reviews.

    python bench/review_eval.py [--dir ../shared/data/reviews/dev] [--verbose]

For every review in the folder (``<id>.txt`` with its catalog ``<id>.csv`` and the
labels in ``gold.json``) the review is read against its own catalog, with no tags,
notes or audio, so every mood comes from the text.  Printed per review and in total:

  hit@3        labelled tracks with a gold mood among their top 3 moods (top-1: as
               their strongest), of those the gold gives moods (a track the text
               names without any has none to hit)
  found        labelled tracks the reader attributes a passage to (more than the
               album-level share every track gets)
  comparisons  gold comparisons (unordered pairs) among those the reader asserts
  false        asserted comparisons the text does not make
  ruled out    (sets whose gold lists moods the text rules out, "not") tracks with
               such a mood among their top 3

``--verbose`` also lists each miss and each false comparison.  The dev set's texts are
third-party development material: read in place, never copied into the project;
``tests/data/reviews_own`` is a second set the project wrote itself.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.build import analyse_moods  # noqa: E402
from models.ingest import Catalog, Track  # noqa: E402
from models.language import Review, load_lexicon  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "reviews" / "dev"
ALBUM_LEVEL = 0.35  # passages at or below this weight are the album's share, not a find


def load_case(folder: Path, rid: str, album: str) -> tuple[Catalog, Review]:
    with open(folder / f"{rid}.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    tracks = [Track(id=f"{rid}:{i}", title=r["title"], artist=r["artist"], album=album)
              for i, r in enumerate(rows)]
    text = (folder / f"{rid}.txt").read_text(encoding="utf-8")
    return Catalog(tracks), Review(text=text, album=album, source=rid)


def score_case(folder: Path, rid: str, gold: dict, lexicon) -> dict:
    catalog, review = load_case(folder, rid, gold["album"])
    titles = [t.title for t in catalog.tracks]
    analysis = analyse_moods(catalog, [review], lexicon)
    found_rows = {row for p in analysis.passages if p.weight > ALBUM_LEVEL for row in p.rows}
    out = {"id": rid, "tracks": 0, "moody": 0, "hit": 0, "top1": 0, "found": 0, "misses": [],
           "ruled": 0, "ruled_in": 0, "gold_cmp": 0, "cmp_found": 0, "asserted": 0,
           "false": [], "missed_cmp": []}
    for title, label in gold["tracks"].items():
        row = titles.index(title)
        top = analysis.profiles[row].top(3)
        out["tracks"] += 1
        out["moody"] += bool(label["moods"])  # a track named without moods has none to hit
        out["hit"] += bool(set(top) & set(label["moods"]))
        out["top1"] += bool(set(top[:1]) & set(label["moods"]))
        out["found"] += row in found_rows
        out["ruled"] += bool(label.get("not"))
        out["ruled_in"] += bool(set(top) & set(label.get("not", [])))
        if label["moods"] and not set(top) & set(label["moods"]) or row not in found_rows:
            out["misses"].append(f"{title}: gold {label['moods']}, top3 {top}"
                                 + ("" if row in found_rows else " (not found)"))
    asserted = {frozenset((titles[c.subject], titles[c.other])) for c in analysis.comparisons
                if c.subject != c.other}
    wanted = {frozenset((a, b)) for a, b, _ in gold["comparisons"]}
    out["gold_cmp"], out["asserted"] = len(wanted), len(asserted)
    out["cmp_found"] = len(asserted & wanted)
    out["false"] = sorted(" ~ ".join(sorted(p)) for p in asserted - wanted)
    out["missed_cmp"] = sorted(" ~ ".join(sorted(p)) for p in wanted - asserted)
    return out


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else f"{a}/{b}"


def evaluate(folder: Path) -> list[dict]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    lexicon = load_lexicon()
    return [score_case(folder, rid, g, lexicon) for rid, g in gold.items()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", default=str(DEFAULT))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    folder = Path(args.dir)
    if not (folder / "gold.json").is_file():
        sys.exit(f"no development set at {folder} (needs gold.json; see its README.md)")
    results = evaluate(folder)
    print("| review | hit@3 | tracks found | comparisons found | false / asserted |")
    print("|---|---|---|---|---|")
    for r in results:
        print(f"| {r['id']} | {pct(r['hit'], r['moody'])} | {pct(r['found'], r['tracks'])} | "
              f"{pct(r['cmp_found'], r['gold_cmp'])} | {len(r['false'])}/{r['asserted']} |")
    total = {k: sum(r[k] for r in results) for k in ("tracks", "moody", "hit", "found",
                                                       "gold_cmp", "cmp_found", "asserted")}
    false = sum(len(r["false"]) for r in results)
    print(f"| **total** | {pct(total['hit'], total['moody'])} | "
          f"{pct(total['found'], total['tracks'])} | "
          f"{pct(total['cmp_found'], total['gold_cmp'])} | "
          f"{pct(false, total['asserted'])} |")
    print(f"\ntop-1: {sum(r['top1'] for r in results)} of {total['moody']} tracks with moods "
          "have a gold one as their strongest")
    ruled = sum(r["ruled"] for r in results)
    if ruled:
        print(f"ruled out: {sum(r['ruled_in'] for r in results)} of {ruled} tracks with "
              "moods the text rules out have one among their top 3")
    if args.verbose:
        for r in results:
            for line in r["misses"]:
                print(f"miss  {r['id']}: {line}")
            for line in r["false"]:
                print(f"false {r['id']}: {line}")
            for line in r["missed_cmp"]:
                print(f"lost  {r['id']}: {line}")


if __name__ == "__main__":
    main()
