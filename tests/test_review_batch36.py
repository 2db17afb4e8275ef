"""What the thirty-sixth batch of our own reviews showed the reader missing (2026-11-30).

Voices not yet in the set: yearbook superlatives, a dream journal, a dating profile,
flat-pack assembly instructions, a will, a security guard's incident report, classified
ads and a prescription, with moods said plainly and obliquely and a few comparisons.
A "Label: Title (Part)." line names its track though the mention stops short of the
closing bracket; a title, or a "Label: text" sentence right after one, that follows
another sentence on its line heads no section but goes on about the line's track
("Tue 4 Nov. The Lamp Room. Dreamt ...", "Rx 5: X. Caution: may cause restlessness.");
"the same ingredients / sound / palette ... as 'B'" likens the tracks.  Every text here
is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker (Reprise)", "Iron Gate")
PAIR = frozenset(("Lowland", "Copper Sky"))


def top3(found: dict[str, float]) -> list[str]:
    """The three moods a track's reading scores highest."""
    return sorted(found, key=found.get, reverse=True)[:3]


@pytest.mark.parametrize("label", ["Best Comeback", "Winner", "Best Dressed", "Rx 2"])
def test_a_label_before_a_bracketed_title_names_the_track(label):
    text = (f"{label}: Sleepwalker (Reprise). It's hopeful, like looking at the road ahead."
            "\n\nMost Dramatic: Iron Gate. Tense and aggressive.")
    found = moods(text, *TRACKS)
    assert "hopeful" in top3(found["Sleepwalker (Reprise)"])
    # the track's own, more than the album's share a track never named has
    assert found["Sleepwalker (Reprise)"]["hopeful"] > \
        found.get("Copper Sky", {}).get("hopeful", 0.0)


DIARY = ("Mon 3 Nov. Copper Sky. Dreamt of nothing at all. Calm and peaceful.\n\n"
         "Tue 4 Nov. Iron Gate: bad idea before bed. Chased all night, tense and aggressive.")


def test_a_title_after_another_sentence_on_its_line_heads_no_section():
    found = moods(DIARY, *TRACKS)
    assert "peaceful" in top3(found["Copper Sky"])
    assert "aggressive" in top3(found["Iron Gate"])
    assert "aggressive" not in top3(found["Copper Sky"])


def test_a_title_alone_on_its_line_still_heads_its_section():
    found = moods("Copper Sky\nCalm and peaceful. Slow strings.\n\nIron Gate\nTense.",
                  *TRACKS)
    assert "peaceful" in top3(found["Copper Sky"])
    assert "peaceful" not in top3(found["Iron Gate"])


@pytest.mark.parametrize("text", [
    "Rx 5: Iron Gate. Caution: may cause restlessness. It makes her jittery and tense.",
    "Step 2. Attach Iron Gate. Warning: very loud. Tense, anxious, a ticking clock.",
])
def test_a_label_right_after_a_title_on_its_line_goes_on_about_it(text):
    found = moods(text + "\n\nCopper Sky is calm and peaceful.", *TRACKS)
    assert "tense" in top3(found["Iron Gate"])
    assert "tense" not in top3(found["Copper Sky"])


def test_a_label_after_a_line_naming_no_track_stays_a_heading():
    found = moods("Copper Sky is calm and peaceful.\n\nNose: smoke. Palate: aggressive, sharp.",
                  *TRACKS)
    # only the album's share, as every track has it: not Copper Sky's own
    assert found["Copper Sky"].get("aggressive", 0.0) <= found["Iron Gate"]["aggressive"]


@pytest.mark.parametrize("text", [
    "Rx 6: Copper Sky. Same ingredients as Lowland, but taken at 3 a.m.: lonely.",
    "Copper Sky uses the same palette as Lowland, only darker.",
    "Copper Sky has the same sound as Lowland.",
    "Copper Sky is built from the same building blocks as Lowland.",
])
def test_the_same_ingredients_as_another_track_likens_them(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "Copper Sky doesn't have the same sound as Lowland.",
    "Copper Sky was recorded on the same day as Lowland.",
    "Copper Sky does not use the same instruments as Lowland at all.",
    "Copper Sky has the same ingredients as the last album, and Lowland is bright.",
])
def test_the_same_ingredients_denied_or_from_elsewhere_links_nothing(text):
    assert not pairs(text, *TRACKS)
