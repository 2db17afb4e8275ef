"""Agreement of the documented tag -> mood mapping with MTG-Jamendo's own tags.

    python bench/mtg_agreement.py [--split validation]

MTG-Jamendo (split 0) tags each track with mood/theme tags such as "sad", "calm",
"epic".  Tags whose mapping in the lexicon's ``tags`` table has a clear top mood
serve as labels.  For every track with at least two tags, each mapped tag is held
out in turn and the moods are predicted from the track's *other* tags only, through
the same tag reader the build uses.  Reported per mood: how many held-out labels,
ROC AUC of the predicted score for that mood (label present vs absent), and the
share of held-out labels whose mood is in the top 3 predicted, against a baseline
that always predicts the three most frequent moods.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.language import (  # noqa: E402
    MOODS,
    MoodAccumulator,  # noqa: E402
    TagReader,  # noqa: E402
    load_lexicon,
    normalise,  # noqa: E402
)

MTG = ROOT.parent / "shared" / "data" / "moods" / "mtg_jamendo"
CLEAR = 0.6  # a tag labels a mood when its top weight is at least this


def read_tags(split: str) -> list[list[str]]:
    path = MTG / f"autotagging_moodtheme-{split}.tsv"
    rows = []
    with path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t")
        next(reader)
        for row in reader:
            tags = [c.split("---", 1)[1] for c in row[5:] if "---" in c]
            if len(tags) >= 2:
                rows.append(tags)
    return rows


def label_of(lexicon, tag: str) -> int | None:
    entry = lexicon.tags.get(normalise(tag))
    if entry is None or entry.moods.max() < CLEAR:
        return None
    return int(entry.moods.argmax())


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC with ties counted half (most tracks score 0 for most moods)."""
    if labels.all() or not labels.any():
        return float("nan")
    return float(roc_auc_score(labels, scores))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="validation")
    args = parser.parse_args()
    lexicon = load_lexicon()
    read = TagReader(lexicon)
    predictions, labels = [], []
    for tags in read_tags(args.split):
        for held in tags:
            label = label_of(lexicon, held)
            if label is None:
                continue
            acc = MoodAccumulator()
            for other in tags:
                if other != held:
                    acc.add_hits(read(other), weight=1.0, source="", kind="tags")
            predictions.append(acc.raw.copy())
            labels.append(label)
    pred, lab = np.array(predictions), np.array(labels)
    prior = [m for m, _ in Counter(lab.tolist()).most_common(3)]
    top3 = np.argsort(-pred, axis=1, kind="stable")[:, :3]
    print(f"MTG-Jamendo {args.split}: {len(lab)} held-out mood tags from tracks with 2+ tags")
    print(f"{'mood':<12}{'labels':>8}{'AUC':>8}{'top-3':>8}{'prior top-3':>13}")
    for m, mood in enumerate(MOODS):
        mask = lab == m
        if not mask.any():
            continue
        hit = np.mean([m in row for row in top3[mask]])
        print(f"{mood:<12}{mask.sum():>8}{auc(pred[:, m], mask):>8.3f}{hit:>8.3f}"
              f"{float(m in prior):>13.3f}")
    hit_all = np.mean([l in row for l, row in zip(lab, top3)])
    prior_all = np.mean([l in prior for l in lab])
    print(f"{'all':<12}{len(lab):>8}{'':>8}{hit_all:>8.3f}{prior_all:>13.3f}")


if __name__ == "__main__":
    main()
