"""An update's title arrays, patched from the live version's, are the ones a build
makes of the new titles: a worker serving the new version opens them as they are."""
from __future__ import annotations

import random

import numpy as np
import pytest

from models.ranking import patch_title_arrays, title_arrays

WORDS = ["love", "night", "don't", "Blue", "café", "(Remix)", "- Live", "feat. Ann", "II",
         "Sky", "Ünïcode", "2009", "&"]


def changed_catalog(rng: random.Random, n: int):
    """A catalog of ``n`` rows, and another made from it as updates do: rows removed and
    the rest reordered, some renamed, some added; with ``keep`` (new row -> old row or
    -1) for the rows whose strings are new."""
    def title() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))

    old = [(title(), rng.choice(["Ann", "Bob", "Cé", "Sky"]), float(rng.randint(0, 9)),
            rng.choice(["", "Sky", "Album X", "love"])) for _ in range(n)]
    kept = [r for r in range(n) if rng.random() < 0.8]
    rng.shuffle(kept)
    new, keep = [], []
    for r in kept:
        renamed = rng.random() < 0.2
        new.append((title(), *old[r][1:]) if renamed else old[r])
        keep.append(-1 if renamed else r)
    for _ in range(rng.randint(0, 4)):
        new.append((title(), "New", 1.0, rng.choice(["", "Sky"])))
        keep.append(-1)
    return old, new, np.array(keep, dtype=np.int64)


@pytest.mark.parametrize("seed", range(60))
def test_patched_title_arrays_are_the_arrays_made_anew(seed: int):
    rng = random.Random(seed)
    old, new, keep = changed_catalog(rng, rng.randint(0, 40))
    before = title_arrays(*zip(*old)) if old else title_arrays([], [], [], [])
    columns = [list(c) for c in zip(*new)] if new else [[], [], [], []]
    got = patch_title_arrays(before, keep, *columns)
    want = title_arrays(*columns)
    assert sorted(got) == sorted(want)
    for name, array in want.items():
        assert got[name].dtype == array.dtype and np.array_equal(got[name], array), name


def test_a_row_count_that_does_not_fit_is_refused():
    before = title_arrays(["A"], ["B"], [1.0], [""])
    with pytest.raises(ValueError):
        patch_title_arrays(before, np.array([0, -1]), ["A"], ["B"], [1.0], [""])
