"""Which moods does an analysed file show?  The audio feel model's displayed moods,
cross-validated on the labelled clips.

    python bench/audio_moods.py [--folds 5] [--repeats 3]

The Emotify dev clips and the generated clips filed under mood folders are analysed
(cached) and split into folds; each fold's clips get their moods from an
``AudioFeel`` fitted on the other folds, two ways:

- "plain fractions": the moods of the predicted rater fractions as they are (what
  feelalike showed until the twenty-second session);
- "above base rate": the moods of the emotions predicted above their mean over the
  training clips (served).

Rows: how many clips show each top mood (the five most common); for the Emotify clips,
whether the top mood (top 3) is a mood of the clip's most distinctive emotion (the
largest rater fraction above the set's mean; the most-ticked emotion as well); for the
generated clips, whether it is a mood of their folder (calm: peaceful; energetic:
energetic, epic or joyful; happy: joyful or playful; nostalgic; tender: tender or
romantic).  Figures are means over ``--repeats`` random splits.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models import settings  # noqa: E402
from models.audio import GEMS, GEMS_MOODS, AudioCache, AudioFeel, emotion_set  # noqa: E402
from models.language import MOODS  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "audio"
FOLDER_MOODS = {"calm": {"peaceful"}, "energetic": {"energetic", "epic", "joyful"},
                "happy": {"joyful", "playful"}, "nostalgic": {"nostalgic"},
                "tender": {"tender", "romantic"}}


def moods_of(emotion: int) -> set[str]:
    return {m for m, w in GEMS_MOODS[GEMS[emotion]].items() if w >= 0.4}


def top_moods(data, folds: np.ndarray, plain: bool) -> list[list[str]]:
    """Each clip's three strongest moods from the model that did not see it."""
    out: list[list[str]] = [[] for _ in data.rows]
    for fold in np.unique(folds):
        train, test = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        model = AudioFeel().fit([data.rows[i] for i in train], data.fractions[train])
        if plain:
            model.base_ = None
        scores = model.moods([data.rows[i] for i in test])
        for row, clip in zip(scores, test):
            out[clip] = [MOODS[k] for k in np.argsort(-row, kind="stable")[:3]]
    return out


def hits(tops: list[list[str]], truths: list[set[str]], rows, n: int) -> float:
    return float(np.mean([bool(set(tops[r][:n]) & truths[r]) for r in rows]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    data = emotion_set(SHARED / "emotify_dev", [SHARED / "generated_moods"],
                       cache=AudioCache(settings.audio_cache_dir()))
    labelled, n = data.labelled, len(data.rows)
    fractions = data.fractions[:labelled]
    distinctive = [moods_of(e) for e in np.argmax(fractions - fractions.mean(axis=0), axis=1)]
    ticked = [moods_of(e) for e in np.argmax(fractions, axis=1)]
    folder = [FOLDER_MOODS.get(f.parent.name, set()) for f in data.files]
    truths = {"distinctive": distinctive + [set()] * (n - labelled),
              "most ticked": ticked + [set()] * (n - labelled), "folder": folder}
    emotify, generated = range(labelled), range(labelled, n)
    print(f"{labelled} Emotify clips, {n - labelled} filed clips; {args.folds} folds x "
          f"{args.repeats} splits")
    print(f"{'moods':<18}{'top mood shown (clips)':<60}{'distinctive':>13}{'ticked':>8}"
          f"{'folder':>13}")
    for name, plain in (("plain fractions", True), ("above base rate", False)):
        counts: Counter = Counter()
        figures = np.zeros(5)
        for split in range(args.repeats):
            folds = np.random.default_rng(split).permutation(n) % args.folds
            tops = top_moods(data, folds, plain)
            counts.update(t[0] for t in tops)
            figures += [hits(tops, truths["distinctive"], emotify, 1),
                        hits(tops, truths["distinctive"], emotify, 3),
                        hits(tops, truths["most ticked"], emotify, 1),
                        hits(tops, folder, generated, 1), hits(tops, folder, generated, 3)]
        figures /= args.repeats
        shown = ", ".join(f"{m} {c / args.repeats:.0f}" for m, c in counts.most_common(5))
        print(f"{name:<18}{shown:<60}{figures[0]:>6.3f}/{figures[1]:.3f}{figures[2]:>8.3f}"
              f"{figures[3]:>6.3f}/{figures[4]:.3f}")
    print("(distinctive: top 1 / top 3 hold a mood of the clip's most distinctive emotion; "
          "ticked: top 1, most-ticked emotion; folder: top 1 / top 3, generated clips)")


if __name__ == "__main__":
    main()
