"""Extend the mood lexicon's word forms from the VADER lexicon (MIT), offline.

    python bench/lexicon_build.py [--vader ../shared/data/lexicons/vader_lexicon.txt]
                                  [--write]

The product never reads VADER: this script writes what it derives into
``models/language/lexicon/moods.json`` (with ``--write``; without it, it only
reports), so the lexicon stays self-contained.  Two things are derived:

* forms: a VADER word that is a regular derivation of a lexicon word (by the same
  suffix rules the tagger uses at run time, plus -ing) or a member of its word family
  (same stem; only VADER's judgement lets these in), and whose VADER valence has the
  same sign as the entry's, is added to that entry's ``forms`` ("mournfully" ->
  "mournful", "gloominess" -> "gloomy").
* ``not_derived``: a VADER word the run-time fallback would read as a lexicon word
  although VADER gives it the opposite valence ("terrific" is not "terrify") is
  listed, so the tagger leaves it alone.

Weakly valenced words (|valence| < 1 on VADER's -4..4 scale) decide nothing.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.language import LEXICON_PATH, bases, stem  # noqa: E402

DEFAULT_VADER = ROOT.parent / "shared" / "data" / "lexicons" / "vader_lexicon.txt"
NEUTRAL = 1.0  # VADER valence below this (of 4) says too little about direction
#: derivations whose meaning drifted away from the base in music writing
SKIP = frozenset({"dynamics", "dynamisms", "thankfully", "grimes", "diviners", "frights"})
VERB_ENDINGS = (("ing", ("", "e")),)  # not -ed: "celebrated", "graced" are praise


def read_vader(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            try:
                out[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return out


def verb_bases(word: str) -> list[str]:
    out = []
    for suffix, reps in VERB_ENDINGS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            out += [stem + r for r in reps]
            if len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out


def families(owner: dict[str, str], raw: dict) -> dict[str, str]:
    """Word family (stem) -> headword, for families whose words all share one entry's
    strongest mood (a family split between moods decides nothing)."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for word, head in owner.items():
        if " " in word:
            continue
        s = stem(word)
        if s in out and top(raw, out[s]) != top(raw, head):
            clash.add(s)
        out.setdefault(s, head)
    return {s: h for s, h in out.items() if s not in clash}


def top(raw: dict, head: str) -> str:
    moods = raw["entries"][head].get("moods", {})
    return max(moods, key=moods.get) if moods else ""


def derive(raw: dict, vader: dict[str, float]) -> tuple[dict[str, list[str]], list[str]]:
    """(headword -> new forms, words the run-time fallback must not derive)."""
    owner: dict[str, str] = {}
    for head, spec in raw["entries"].items():
        for form in [head, *spec.get("forms", [])]:
            owner.setdefault(form.lower(), head)
    family = families(owner, raw)
    new_forms: dict[str, list[str]] = {}
    blocked: list[str] = []
    for word, valence in sorted(vader.items()):
        if word in owner or word in SKIP or abs(valence) < NEUTRAL:
            continue
        runtime = [b for b in bases(word) if b in owner]
        candidates = [owner[b] for b in runtime + verb_bases(word) if b in owner]
        if stem(word) in family:
            candidates.append(family[stem(word)])
        if not candidates:
            continue
        head = candidates[0]
        entry_valence = raw["entries"][head].get("valence", 0.0)
        if abs(entry_valence) < 0.1:
            continue
        if entry_valence * valence > 0:
            new_forms.setdefault(head, []).append(word)
        elif runtime:
            blocked.append(word)
    return new_forms, blocked


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vader", default=str(DEFAULT_VADER))
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    vader_path = Path(args.vader)
    if not vader_path.is_file():
        sys.exit(f"no VADER lexicon at {vader_path}")
    raw = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    new_forms, blocked = derive(raw, read_vader(vader_path))
    added = sum(len(v) for v in new_forms.values())
    print(f"{added} VADER-vetted forms for {len(new_forms)} entries; "
          f"{len(blocked)} derivations blocked")
    for head, forms in sorted(new_forms.items()):
        print(f"  {head}: {', '.join(forms)}")
    print(f"  not derived: {', '.join(blocked)}")
    if args.write:
        for head, forms in new_forms.items():
            raw["entries"][head].setdefault("forms", []).extend(forms)
        raw["not_derived"] = sorted(set(raw.get("not_derived", [])) | set(blocked))
        LEXICON_PATH.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n",
                                encoding="utf-8")
        print(f"written to {LEXICON_PATH}")


if __name__ == "__main__":
    main()
