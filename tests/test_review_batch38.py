"""What the thirty-eighth batch of our own reviews showed the reader missing (2026-11-30).

Voices not yet in the set: a sewing pattern, a weather-forecast parody, a travel itinerary,
a church bulletin, a siblings' text thread, a lost-and-found poster, homeowners'
association minutes and a graduation speech, aimed at comparisons between tracks.
Titles listed as sharing one piece of music ("'A' and 'B' share the waltz rhythm, as does
'C'", "'A', 'B' and 'C' all share the same whistled tune", "are basically the same song")
are alike two by two; a likeness the next sentence answers with a bare "no" ("It
doesn't.", "nah they're nothing alike") links nothing.  Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import pairs_read as pairs

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker (Reprise)", "Iron Gate")
PAIR = frozenset(("Lowland", "Copper Sky"))
ALL_THREE = {PAIR, frozenset(("Lowland", "Iron Gate")), frozenset(("Copper Sky", "Iron Gate"))}


@pytest.mark.parametrize("text", [
    "Copper Sky and Lowland share the waltz rhythm.",
    "Copper Sky and Lowland all share the same whistled tune.",
    "Copper Sky and Lowland are basically the same song??",
    "Copper Sky & Lowland share one melody, so the record hangs together.",
])
def test_two_titles_listed_as_sharing_music_are_alike(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "Copper Sky, Lowland and Iron Gate all share the same whistled tune.",
    "Copper Sky and Lowland share the waltz rhythm, as does Iron Gate, so the trip sways.",
])
def test_three_titles_sharing_music_give_three_pairs(text):
    assert pairs(text, *TRACKS) == ALL_THREE


@pytest.mark.parametrize("text", [
    "Copper Sky and Lowland don't share the same tune.",
    "Copper Sky and Lowland share a key and nothing else.",
    "Copper Sky and Lowland are the same length.",
    "Copper Sky and Lowland only share the same producer.",
    "Copper Sky, Lowland and Iron Gate are all highlights.",
    "Copper Sky is fast, and Lowland and Iron Gate share the waltz rhythm.",
])
def test_a_list_without_shared_music_links_nothing_or_only_its_own(text):
    found = pairs(text, *TRACKS)
    assert PAIR not in found and frozenset(("Copper Sky", "Iron Gate")) not in found


@pytest.mark.parametrize("answer", [
    "It doesn't.",
    "It really doesn't!",
    "They aren't.",
    "Maya: nah they're nothing alike.",
    "They're not alike at all.",
])
def test_a_likeness_answered_no_by_the_next_sentence_links_nothing(answer):
    text = f"People keep telling me Copper Sky sounds like Lowland. {answer} Iron Gate is loud."
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("after", [
    "It doesn't sound sad, though.",
    "It does.",
    "No wonder: they were written the same week.",
])
def test_a_likeness_followed_by_anything_else_still_links(after):
    assert pairs(f"Copper Sky sounds like Lowland. {after}", *TRACKS) == {PAIR}
