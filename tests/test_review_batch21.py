"""What the twenty-first batch of our own reviews showed the reader missing (2026-11-29).

A one-word title that is a common word ("Dawn", "Bloom") opening "Dawn is the opposite of
Eclipse: warm, slow, hopeful" was not read as the track, so the words after the colon
went to the track it is set against; "like the sun after the rain" read the rain as sad
and lonely; "steady, grounded" said nothing calm; "Credits - slow piano version of
Gatehouse, sad" gave "sad" to Gatehouse and likened nothing. Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest

CUES = ("Nebula", "Eclipse", "Comet", "Dawn")
DARK = "'Eclipse' is the dark one: a deep drone, tense and ominous."


def _has(found: dict[str, dict[str, float]], title: str, mood: str) -> float:
    return found.get(title, {}).get(mood, 0.0)


@pytest.mark.parametrize("sentence", [
    "17:20 Dawn. Dawn is the opposite of Eclipse: warm, slow, hopeful.",
    "Dawn is the opposite of Eclipse: warm, slow and hopeful.",
    "Dawn is the exact opposite: warm, slow and hopeful.",
])
def test_a_one_word_title_that_is_the_opposite_of_the_track_before(sentence):
    found = moods(f"{DARK} {sentence}", *CUES)
    assert strongest(found, "Dawn") == "hopeful"
    assert strongest(found, "Eclipse") == "tense"
    assert _has(found, "Eclipse", "hopeful") < 0.5 * _has(found, "Dawn", "hopeful")


def test_the_opposite_of_what_you_expect_opening_a_review_is_no_track():
    found = moods("Dawn is the opposite of what you'd expect: slow, sad and lonely. "
                  "Comet is fast and joyful.", *CUES)
    assert strongest(found, "Dawn") == strongest(found, "Nebula")  # the album's share


@pytest.mark.parametrize("image", ["like the sun after the rain",
                                   "like sunshine after rain",
                                   "with the sun after the storm"])
def test_the_sun_after_the_rain_is_hope_not_rain(image):
    found = moods(f'"Comet" is fast and bright. "Dawn" ends the show {image}.', *CUES)
    assert strongest(found, "Dawn") == "hopeful"
    assert _has(found, "Dawn", "sad") == 0 and _has(found, "Dawn", "lonely") == 0


@pytest.mark.parametrize("words", [
    "Slow, steady, grounded; a low hum and a pulse like a heartbeat.",
    "It sits between the two: steady, grounded, an earthy bass.",
])
def test_steady_and_grounded_are_calm(words):
    found = moods(f'"Comet" is fast and joyful. "Dawn": {words}', *CUES)
    assert strongest(found, "Dawn") == "peaceful"


@pytest.mark.parametrize("sentence", [
    '"Dawn" - a slow piano version of "Comet", sad and nostalgic.',
    '"Dawn" is a slow piano version of "Comet", sad and nostalgic.',
    '"Dawn": slow piano version of "Comet", sad and nostalgic.',
])
def test_a_version_of_another_track_is_likened_to_it_and_keeps_its_words(sentence):
    text = f'"Comet" is fast and joyful. {sentence}'
    assert strongest(moods(text, *CUES), "Dawn") == "sad"
    assert pairs_read(text, *CUES) == {frozenset(("Dawn", "Comet"))}


def test_another_format_of_a_track_likens_nothing():
    text = '"Comet" is fast and joyful. The vinyl version of "Comet" sounds warmer.'
    assert pairs_read(text, *CUES) == set()
