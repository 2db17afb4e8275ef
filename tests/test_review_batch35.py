"""What the thirty-fifth batch of our own reviews showed the reader missing (2026-11-30).

Voices not yet in the set: a podcast transcript, a band director's note to parents,
crossword solutions, a tasting sheet, an app bug report, lecture slides, a horoscope and
a lab notebook, each comparing tracks.  A transcript's line opening with a bracketed
time ("[02:05] MAYA: ...") opens a sentence; a track that borrows, lifts or repeats
another's material ("borrows the opening melody of 'B'", "repeats the 'B' theme") or is
"a slowed-down 'B'" is likened to it; a denied one links nothing.  Every text here is
our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
PAIR = frozenset(("Lowland", "Copper Sky"))


def top3(found: dict[str, float]) -> list[str]:
    """The three moods a track's reading scores highest."""
    return sorted(found, key=found.get, reverse=True)[:3]


TRANSCRIPT = ("[01:10] MAYA: Copper Sky is the flashback. It's joyful.\n"
              "[01:31] DEV: Lowland is the chase. Tense, aggressive, distorted bass.\n"
              "[02:05] MAYA: Sleepwalker is lonely, one trumpet.")


def test_a_line_opening_with_a_time_opens_a_sentence():
    found = moods(TRANSCRIPT, *TRACKS)
    assert "joyful" in top3(found["Copper Sky"])
    assert "tense" in top3(found["Lowland"]) and "joyful" not in top3(found["Lowland"])
    assert "lonely" in top3(found["Sleepwalker"])


def test_a_time_within_a_line_ends_no_sentence():
    found = moods("Lowland is tense from [01:10] on, and it stays that way.", *TRACKS)
    assert "tense" in top3(found["Lowland"])


@pytest.mark.parametrize("text", [
    "Copper Sky is energetic. It borrows the opening melody of Lowland, turned into a march.",
    "Copper Sky lifts the main tune of Lowland and speeds it up.",
    "We finish with Copper Sky, which repeats the Lowland theme with the whole band.",
    "Copper Sky repeats the melody of Lowland.",
    "Copper Sky is lonely. Kind of a slowed-down Lowland, the same four notes at the start.",
    "Copper Sky is basically a sped-up Lowland with drums.",
])
def test_borrowed_repeated_or_slowed_material_likens_the_tracks(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "Copper Sky never borrows the melody of Lowland.",
    "Copper Sky doesn't repeat the Lowland theme.",
    "Copper Sky repeats the same chord four times, and Lowland is bright.",
    "Copper Sky borrows the melody of an old hymn, and Lowland is bright.",
    "Copper Sky is not a slowed-down Lowland at all.",
    "Copper Sky is a slowed-down waltz. Lowland is bright.",
    "Copper Sky is a slowed-down version, and Lowland is bright.",
])
def test_material_denied_or_from_elsewhere_links_nothing(text):
    assert not pairs(text, *TRACKS)
