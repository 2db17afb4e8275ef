"""What the thirty-seventh batch of our own reviews showed the reader missing (2026-11-30).

Voices not yet in the set: a weather forecast, a knitting pattern, a travel itinerary, a
school report card, annotated chess moves, a train's on-board announcements, a holiday
cottage's visitors' book and a board game's rulebook, about each track's strongest mood
(mixed moods, degrees, corrections) with a few comparisons.  A line's stamp ("DAY 1,
14:00.", "Move 22.") opens a new entry: the section above ends and the title after it
heads the entry; a paragraph opening on another title leaves a heading's section; "mostly"
/ "a hint of" weigh a mood up / down; "like B ...: the same tune" and "the title tune
again" liken; "everyone calls Title sad; it isn't" and "I called it tense; really it's
peaceful" take the word back.  Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs
from .fixtures import strongest

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker (Reprise)", "Iron Gate", "Salt Roads")
PAIR = frozenset(("Lowland", "Copper Sky"))


def top3(found: dict[str, float]) -> list[str]:
    """The three moods a track's reading scores highest."""
    return sorted(found, key=found.get, reverse=True)[:3]


@pytest.mark.parametrize("stamp", ["DAY 1, 14:00.", "Move 22.", "Step 3.", "12 Aug."])
def test_a_title_after_a_stamp_heads_the_entry(stamp):
    text = (f"Iron Gate\nBrutal, aggressive drums.\n\n{stamp} Copper Sky. Waiting alone. "
            "Lonely and forlorn.")
    found = moods(text, *TRACKS)
    assert "lonely" in top3(found["Copper Sky"])
    assert "lonely" not in top3(found["Iron Gate"])


def test_a_one_word_title_alone_after_a_stamp_is_that_track():
    text = "Move 6. Iron Gate. Tense.\n\nMove 22. Lowland. Dread, a creeping eerie drone."
    found = moods(text, *TRACKS)
    assert strongest(found, "Lowland") == "eerie"
    assert found["Lowland"]["eerie"] > 2 * found["Iron Gate"].get("eerie", 0.0)


def test_a_mood_word_alone_after_a_stamp_names_no_track():
    found = moods("Move 6. Iron Gate. Tense.\n\nMove 22. Lonely. Nothing else to say.",
                  *TRACKS)
    # only the album's share, as every track has it
    assert found["Iron Gate"].get("lonely", 0.0) <= found["Lowland"]["lonely"]


@pytest.mark.parametrize("opening", ["Sleep 3 hours now.", "At 15:00 sharp it starts.",
                                     "Subject: Lowland's cousin."])
def test_a_longer_or_titled_opening_is_no_stamp(opening):
    # no stamp: the paragraph stays under the heading above it
    found = moods(f"Iron Gate\nTense.\n\n{opening} Brutal, aggressive drums.", *TRACKS)
    assert "aggressive" in top3(found["Iron Gate"])


def test_a_paragraph_opening_on_another_title_leaves_the_heading():
    text = ("Iron Gate.\nPanic! Frantic and tense.\n\nCopper Sky is dreamy and hazy. It drifts "
            "like steam.\n\nLowland: triumphant! A huge, joyful finish.")
    found = moods(text, *TRACKS)
    assert "joyful" in top3(found["Lowland"])
    assert "joyful" not in top3(found["Iron Gate"])
    assert "dreamy" not in top3(found["Iron Gate"])


def test_a_paragraph_naming_a_track_later_stays_under_its_heading():
    found = moods("Iron Gate.\nTense.\n\nUnlike Lowland, it is frantic and aggressive.",
                  *TRACKS)
    assert "aggressive" in top3(found["Iron Gate"])


@pytest.mark.parametrize("text,main", [
    ("Copper Sky is a mostly hopeful departure, with just a trace of sadness.", "hopeful"),
    ("Copper Sky is eerie, with just a hint of tension near the end.", "eerie"),
    ("Copper Sky: overwhelmingly tender, slightly sad.", "tender"),
])
def test_a_mood_by_degree_decides_the_strongest(text, main):
    assert strongest(moods(text, *TRACKS), "Copper Sky") == main


@pytest.mark.parametrize("text", [
    "Iron Gate is warm, like Copper Sky played back to you: the same tune, slower.",
    "Copper Sky is the Lowland tune again on a music box.",
])
def test_the_same_tune_named_after_a_likeness_links(text):
    assert len(pairs(text, *TRACKS)) == 1


@pytest.mark.parametrize("text", ["Copper Sky is the title tune again on a music box.",
                                  "Copper Sky is the title theme again, quieter."])
def test_the_title_tune_again_is_the_title_track(text):
    assert pairs(text, *TRACKS) == {frozenset(("Copper Sky", "Salt Roads"))}


@pytest.mark.parametrize("text", [
    "Iron Gate is warm, like Copper Sky.",
    "Iron Gate is not the title tune again.",
    "The title tune is lovely. Copper Sky is sad.",
])
def test_no_shared_tune_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Everyone calls Copper Sky sad; it isn't, to me. It's hopeful.",
    "People call Copper Sky sad; it isn't to me. It's hopeful.",
    "Copper Sky. I called it sad in my first notes; really it's hopeful.",
    "Copper Sky. Last week I forecast this one as sad. I got it wrong. It's hopeful.",
])
def test_a_word_taken_back_is_not_the_tracks(text):
    found = moods(text, *TRACKS)["Copper Sky"]
    assert "sad" not in top3(found)
    assert "hopeful" in top3(found)


@pytest.mark.parametrize("text", [
    "Everyone calls Copper Sky sad. Fair enough.",
    "Copper Sky. I called it sad, and it is.",
    "Copper Sky. I called it the saddest thing here. It really is.",
])
def test_a_word_left_standing_still_counts(text):
    assert "sad" in top3(moods(text, *TRACKS)["Copper Sky"])
