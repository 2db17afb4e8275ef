"""A one-word title that is also an English word, opening a sentence that neither opens
its line nor follows one naming a track: read as the title when the sentence goes on as
one about a track does (joined to another title, given a mood by a verb of description,
or in the possessive before music), and left the word where it is used as the word.
Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs
from .fixtures import strongest

TITLES = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
WORDS = ("Rain", "Stay", "Home", "Time", "Copper Sky", "Iron Gate")


@pytest.mark.parametrize("text, mood", [
    ("Lowland and Copper Sky are both sad.", "sad"),
    ("Lowland or Copper Sky would suit a funeral; both are mournful.", "sad"),
    ("It starts well. Lowland is sad.", "sad"),
    ("It starts well. Lowland was gloomy.", "sad"),
    ("It starts well. Lowland is so mournful.", "sad"),
    ("It starts well. Lowland feels lonely and cold.", "lonely"),
    ("It starts well. Lowland sounds menacing.", "tense"),
    ("It starts well. Lowland brings a tender warmth.", "tender"),
    ("It starts well. Lowland has a mournful cello.", "sad"),
    ("It starts well. Lowland's cello is mournful.", "sad"),
    ("It starts well. Lowland\u2019s main theme is mournful.", "sad"),
])
def test_a_one_word_title_opening_a_sentence_about_a_track_is_found(text, mood):
    found = moods(text, *TITLES)
    assert strongest(found, "Lowland") == mood
    assert found["Lowland"] != found.get("Iron Gate")  # its own words, not the album's


def test_a_one_word_title_joined_to_another_keeps_its_comparison():
    assert pairs("It starts well. Lowland sounds like Copper Sky.", *TITLES) == \
        {frozenset(("Lowland", "Copper Sky"))}


@pytest.mark.parametrize("text, title", [
    ("It starts well. Rain is falling outside as I write, and I feel sad.", "Rain"),
    ("It starts well. Stay tuned for a sad surprise.", "Stay"),
    ("It starts well. Home is where the sad heart is.", "Home"),
    ("It starts well. Time is short, and I feel gloomy.", "Time"),
    ("It starts well. Time and again I feel gloomy.", "Time"),
    ("It starts well. Time's up for the gloomy mood.", "Time"),
    ("It starts well. Rain's coming, and I feel gloomy.", "Rain"),
    ("It starts well. Home is a sad place.", "Home"),
    ("It starts well. Time keeps slipping away, gloomy as ever.", "Time"),
])
def test_the_word_used_as_a_word_is_not_the_title(text, title):
    found = moods(text, *WORDS)
    assert found.get(title) == found.get("Iron Gate")  # the album's share alike
