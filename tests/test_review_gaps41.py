"""Misses of held-out batch 40 that general rules now read (2026-11-30).

"The first is ...; the second ..." after two titles gives each its own words, as "the
former / the latter" do; material named by where it comes from ("the same melody B
opens with", "the lamp theme from B") in a sentence about another track likens the two
and leaves the words with that track; "nothing in it is sad" denies "sad"; a paragraph
opening on a title leaves the heading's section though it names another title after;
"good crying" and "happy tears" are moved, not sad.  Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read, pairs_read as pairs, strongest

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
LIKE = frozenset(("Lowland", "Copper Sky"))


@pytest.mark.parametrize("text, first, second", [
    ("We ended with Lowland and Copper Sky. The first is quiet and lonely; the second "
     "grows into a bright, joyful chorale.", "lonely", "joyful"),
    ("Then Lowland and Copper Sky. The first sounds eerie, and the last feels hopeful.",
     "eerie", "hopeful"),
])
def test_the_first_and_the_second_each_take_their_words(text, first, second):
    found = moods_read(text, *TRACKS)
    assert strongest(found, "Lowland") == first
    assert strongest(found, "Copper Sky") == second


@pytest.mark.parametrize("text", [
    "Lowland and Copper Sky open it. The first notes are eerie; the second half is calm.",
    "Lowland and Copper Sky open it. For the first time it is calm.",
])
def test_ordinals_before_nouns_refer_to_no_track(text):
    found = moods_read(text, *TRACKS)
    assert found.get("Lowland") == found.get("Copper Sky")


@pytest.mark.parametrize("text", [
    "Lowland is grand and sweeping.\n\nCopper Sky rallied late. The title theme, the same "
    "melody Lowland opens with, but played on a toy piano, mocking and playful.",
    "Lowland is calm.\n\nQuestion 2. Copper Sky. Expect: the bell theme from Lowland "
    "returning in the horns. Mood: hopeful, warm.",
])
def test_material_named_by_its_source_likens_and_stays_with_the_subject(text):
    assert LIKE in pairs(text, *TRACKS)
    assert strongest(moods_read(text, *TRACKS), "Copper Sky") in ("playful", "hopeful")


@pytest.mark.parametrize("text", [
    "Lowland is calm. Copper Sky is slow; the same melody never returns.",
    "Lowland is calm. Copper Sky has a theme from the film's trailer.",
])
def test_no_sourced_material_links_nothing(text):
    assert LIKE not in pairs(text, *TRACKS)


@pytest.mark.parametrize("text, denied", [
    ("Lowland: nothing in it is sad, it is calm.", "sad"),
    ("Lowland: none of it sounds happy. It is calm.", "joyful"),
])
def test_a_negative_subject_denies_what_it_is(text, denied):
    assert moods_read(text, *TRACKS)["Lowland"].get(denied, 0.0) <= 0.0


@pytest.mark.parametrize("text, strongest_mood", [
    ("Lowland is the ending, the sun coming up. I cried but good crying.", "hopeful"),
    ("Lowland is sad. A good cry.", "sad"),
])
def test_good_crying_is_not_sad(text, strongest_mood):
    found = moods_read(text, *TRACKS)
    assert strongest(found, "Lowland") == strongest_mood
