"""The mood vocabulary and the project's mood lexicon (``models/lexicon/moods.json``).

The lexicon maps words and short phrases (and their listed word forms) to weights
over the 16 moods plus a valence/arousal position.  A separate ``tags`` table maps
genre, playlist and editorial tags onto the same vocabulary.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import settings
from ..errors import CatalogError
from .morphology import bases
from .text import normalise

MOODS: tuple[str, ...] = (
    "joyful", "playful", "energetic", "epic", "aggressive", "tense", "eerie", "sad",
    "lonely", "nostalgic", "tender", "romantic", "peaceful", "dreamy", "hopeful", "curious",
)
MOOD_INDEX = {m: i for i, m in enumerate(MOODS)}
LEXICON_PATH = Path(__file__).with_name("lexicon") / "moods.json"


@dataclass(frozen=True)
class Entry:
    """What one word or phrase says about mood."""

    headword: str
    moods: np.ndarray  # shape (16,), weights in [0, 1]
    valence: float
    arousal: float
    weight: float = 1.0  # below 1 for words from an external valence/arousal lexicon


@dataclass(frozen=True)
class Lexicon:
    entries: dict[tuple[str, ...], Entry]  # normalised token tuple -> entry
    tags: dict[str, Entry]  # normalised tag -> entry
    prototypes: np.ndarray  # shape (16, 2): valence/arousal of each mood
    rationale: dict[str, str]
    longest: int  # most tokens in one phrase
    not_derived: frozenset[str] = frozenset()  # forms whose apparent base means otherwise
    _derived: dict[str, Entry | None] = field(default_factory=dict, compare=False,
                                              repr=False)
    _starting: dict[str, int] = field(default_factory=dict, init=False, compare=False,
                                      repr=False)  # not kept by dataclasses.replace

    def lookup(self, words: tuple[str, ...]) -> Entry | None:
        return self.entries.get(words)

    def longest_from(self, word: str) -> int:
        """The most words (up to ``longest``) of an entry that starts with ``word`` (0:
        none does), so a reader tries only the phrase lengths that can be found there."""
        if not self._starting:
            for key in self.entries:
                self._starting[key[0]] = max(self._starting.get(key[0], 0), len(key))
        return min(self.longest, self._starting.get(word, 0))

    def derive(self, word: str) -> Entry | None:
        """The entry of a regular derivation of a listed word ("quirkier" -> "quirky")."""
        if word in self._derived:
            return self._derived[word]
        entry = None
        if word not in self.not_derived:
            entry = next((e for b in bases(word) if (e := self.entries.get((b,)))), None)
        self._derived[word] = entry
        return entry


def _entry(headword: str, spec: dict) -> Entry:
    vec = np.zeros(len(MOODS), dtype=np.float32)
    for mood, weight in spec.get("moods", {}).items():
        if mood not in MOOD_INDEX:
            raise CatalogError(f"lexicon entry {headword!r} names unknown mood {mood!r}")
        vec[MOOD_INDEX[mood]] = float(weight)
    return Entry(headword, vec, float(spec.get("valence", 0.0)), float(spec.get("arousal", 0.0)),
                 float(spec.get("weight", 1.0)))


def load_lexicon(path: str | Path | None = None, va_path: str | Path | None = None) -> Lexicon:
    """The lexicon at ``path``, else the LEXICON setting, else the built-in one; plus,
    when given (or set in VA_LEXICON), an external valence/arousal word list."""
    va = va_path or settings.get("VA_LEXICON")
    return _load(Path(path or settings.get("LEXICON") or LEXICON_PATH),
                 Path(va) if va else None)


VA_WEIGHT = 0.3  # an external word list gives direction, not moods: it counts less
VA_MIN_STRENGTH = 0.25  # ignore words near neutral (0.5 +- this on the 0..1 scale)


def load_va_words(path: Path) -> dict[tuple[str, ...], Entry]:
    """Read a word list in the NRC-VAD layout: ``word<TAB>valence<TAB>arousal[...]`` on a
    0..1 scale, an optional header line.  Only clearly non-neutral words are kept."""
    out: dict[tuple[str, ...], Entry] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise CatalogError(f"cannot read valence/arousal lexicon {path}: {exc.strerror}") \
            from None
    zero = np.zeros(len(MOODS), dtype=np.float32)
    for line in lines:
        parts = line.split("\t")
        try:
            valence, arousal = float(parts[1]), float(parts[2])
        except (IndexError, ValueError):
            continue  # header or malformed line
        if not (0 <= valence <= 1 and 0 <= arousal <= 1):  # another scale, another layout
            raise CatalogError(f"{path}: {parts[0][:40]!r} has valence {parts[1][:12]} and "
                               f"arousal {parts[2][:12]}; the layout is word<TAB>valence"
                               "<TAB>arousal on a 0..1 scale (NRC-VAD)")
        if max(abs(valence - 0.5), abs(arousal - 0.5)) < VA_MIN_STRENGTH:
            continue
        key = tuple(normalise(parts[0]).split())
        if key:
            out[key] = Entry(parts[0], zero, 2 * valence - 1, 2 * arousal - 1, VA_WEIGHT)
    if not out:
        raise CatalogError(f"{path}: no usable word<TAB>valence<TAB>arousal lines")
    return out


@lru_cache(maxsize=4)
def _load(path: Path, va_path: Path | None = None) -> Lexicon:
    """Read and index a lexicon file (cached: it is immutable once loaded)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise CatalogError(f"cannot read mood lexicon {path}: {exc}") from None
    try:
        return _indexed(raw, va_path)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        what = f"no {exc}" if isinstance(exc, KeyError) else str(exc)[:80]
        raise CatalogError(f"mood lexicon {path} is not in feelalike's format ({what}; see "
                           "docs/moods.md)") from None


def _indexed(raw: dict, va_path: Path | None) -> Lexicon:
    entries: dict[tuple[str, ...], Entry] = {}
    for headword, spec in raw["entries"].items():
        entry = _entry(headword, spec)
        for form in [headword, *spec.get("forms", [])]:
            key = tuple(normalise(form).split())
            if key:
                entries.setdefault(key, entry)
    if va_path is not None:
        for key, entry in load_va_words(va_path).items():
            entries.setdefault(key, entry)
    tags = {normalise(name): _entry(name, spec) for name, spec in raw.get("tags", {}).items()}
    protos = np.array([[raw["moods"][m]["valence"], raw["moods"][m]["arousal"]] for m in MOODS],
                      dtype=np.float32)
    return Lexicon(entries=entries, tags=tags, prototypes=protos,
                   rationale={m: raw["moods"][m].get("rationale", "") for m in MOODS},
                   longest=max(len(k) for k in entries),
                   not_derived=frozenset(raw.get("not_derived", ())))

