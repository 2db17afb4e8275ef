"""Leave-out test of the lexicon's coverage: do unseen words get the right mood?

    python bench/lexicon_leaveout.py [--share 0.2] [--seeds 5]

For each seed, 20% of the single-word headwords are hidden, in two ways: the
headword alone (its listed forms stay: a reviewer writes a form the lexicon does
not list) and the whole entry with all its forms (a word family nobody listed).
Each hidden word is then read with only the rest of the lexicon, the way the
tagger reads a word it does not list: the morphological fallback
(:mod:`models.language.morphology`); in the "+VADER" columns also the way the
lexicon builder extends the lexicon (``bench/lexicon_build.py``): a word VADER
rates clearly (|valence| >= 1) joins the listed word family it belongs to.  A word counts as right
when the predicted entry's strongest mood is the hidden entry's strongest mood.

Printed: coverage (hidden words that get any reading), accuracy where read, accuracy
over all hidden words, and two chance levels: guessing a mood at the hidden words'
own mood frequencies (sum of squared shares) and always guessing the commonest mood.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from lexicon_build import DEFAULT_VADER, NEUTRAL, read_vader  # noqa: E402

from models.language import LEXICON_PATH, bases, normalise, stem  # noqa: E402


def top_mood(spec: dict) -> str:
    return max(spec["moods"].items(), key=lambda kv: kv[1])[0]


def families(seen: dict[str, str]) -> dict[str, str]:
    """Stem -> strongest mood, as the lexicon builds it (clashing stems left out)."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for word, mood in seen.items():
        s = stem(word)
        if s in out and out[s] != mood:
            clash.add(s)
        out.setdefault(s, mood)
    return {s: m for s, m in out.items() if s not in clash}


def predict(word: str, seen: dict[str, str], not_derived: frozenset[str],
            stems: dict[str, str], vetted: dict[str, float] | None) -> str | None:
    """Run-time derivation; with ``vetted`` (VADER valences, word -> agrees-with-family
    sign check done by the caller), also the builder's family step."""
    if word in not_derived:
        return None
    guess = next((seen[b] for b in bases(word) if b in seen), None)
    if guess is None and vetted is not None and word in vetted:
        guess = stems.get(stem(word))
    return guess


def score(words: list[tuple[str, str]], seen: dict[str, str],
          not_derived: frozenset[str], vetted: dict[str, float] | None = None) -> dict:
    read = right = 0
    stems = families({w: m for w, m in seen.items() if " " not in w})
    for word, mood in words:
        guess = predict(word, seen, not_derived, stems, vetted)
        if guess is not None:
            read += 1
            right += guess == mood
    counts = Counter(m for _, m in words)
    n = len(words)
    return {"words": n, "coverage": read / n, "precision": right / max(read, 1),
            "accuracy": right / n,
            "chance": sum((c / n) ** 2 for c in counts.values()),
            "majority": counts.most_common(1)[0][1] / n}


def run(entries: dict, share: float, seed: int, not_derived: frozenset[str],
        family: bool, vader: dict[str, float] | None = None) -> dict:
    """``family``: hide whole entries (headword and forms); else only the headword."""
    heads = sorted(h for h, s in entries.items() if " " not in h and s.get("moods"))
    hidden = set(random.Random(seed).sample(heads, int(share * len(heads))))
    seen: dict[str, str] = {}
    for head, spec in entries.items():
        if not spec.get("moods") or (family and head in hidden):
            continue
        for form in ([] if head in hidden else [head]) + spec.get("forms", []):
            seen.setdefault(normalise(form), top_mood(spec))
    forms = (lambda h: [h, *entries[h].get("forms", [])]) if family else (lambda h: [h])
    words = [(normalise(f), top_mood(entries[h])) for h in sorted(hidden) for f in forms(h)
             if " " not in f]
    words = [(w, m) for w, m in dict(words).items() if w not in seen]
    vetted = None if vader is None else \
        {w: v for w, v in vader.items() if abs(v) >= NEUTRAL}
    return score(words, seen, not_derived, vetted)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--share", type=float, default=0.2)
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    raw = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    not_derived = frozenset(raw.get("not_derived", ()))
    vader = read_vader(DEFAULT_VADER) if DEFAULT_VADER.is_file() else None
    columns = [("headword", False, None), ("headword+VADER", False, vader),
               ("entry", True, None), ("entry+VADER", True, vader)]
    columns = [c for c in columns if c[0].find("VADER") < 0 or vader is not None]
    print(f"hide {args.share:.0%} of the single-word headwords, {args.seeds} seeds (mean)")
    print(f"{'':<28}" + "".join(f"{name:>15}" for name, _, _ in columns))
    tables = [[run(raw["entries"], args.share, seed, not_derived, family, v)
               for seed in range(args.seeds)] for _, family, v in columns]
    for key, label in (("words", "hidden words"), ("coverage", "read at all"),
                       ("precision", "right when read"), ("accuracy", "right overall"),
                       ("chance", "chance (mood frequencies)"),
                       ("majority", "chance (commonest mood)")):
        values = [statistics.mean(r[key] for r in runs) for runs in tables]
        cells = "".join(f"{v:>15.0f}" if key == "words" else f"{v:>15.3f}" for v in values)
        print(f"{label:<28}{cells}")

if __name__ == "__main__":
    main()
