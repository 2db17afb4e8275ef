"""What the twenty-first batch of our own reviews showed the reader missing (2026-11-29).

"like the sun after the rain" read the rain as sad and lonely. Every text here is our
own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import strongest

CUES = ("Nebula", "Eclipse", "Comet", "Dawn")


def _has(found: dict[str, dict[str, float]], title: str, mood: str) -> float:
    return found.get(title, {}).get(mood, 0.0)


@pytest.mark.parametrize("image", ["like the sun after the rain",
                                   "like sunshine after rain",
                                   "with the sun after the storm"])
def test_the_sun_after_the_rain_is_hope_not_rain(image):
    found = moods(f'"Comet" is fast and bright. "Dawn" ends the show {image}.', *CUES)
    assert strongest(found, "Dawn") == "hopeful"
    assert _has(found, "Dawn", "sad") == 0 and _has(found, "Dawn", "lonely") == 0
