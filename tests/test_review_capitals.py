"""Titles written in capitals: some reviewers set every track name apart that way.
A one-word title opening a sentence is read as the track only on a verb that describes
it; in capitals it is set apart as a name, as quotes would set it. Every text here is
our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import strongest


@pytest.mark.parametrize("second", [
    "TIDEWATER bursts with joy and giddy delight.",
    "TIDEWATER, the closer, bursts with joy and giddy delight.",
])
def test_a_title_in_capitals_opening_a_sentence_names_its_track(second):
    found = moods("LANTERN is a desolate, lonely piece. " + second, "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == "lonely"
    assert strongest(found, "Tidewater") == "joyful"
    assert found["Lantern"].get("joyful", 0) == 0


def test_the_same_title_capitalised_only_as_a_first_word_stays_a_word():
    found = moods("LANTERN is a desolate, lonely piece. Tidewater bursts with joy and "
                  "giddy delight.", "Lantern", "Tidewater")
    assert "Tidewater" not in found  # "Tidewater bursts ...": could be any sentence


@pytest.mark.parametrize("opening", ["OK", "TV"])
def test_a_short_word_in_capitals_is_no_title(opening):
    found = moods(f'"Lantern" is desolate and lonely. {opening} it bursts with giddy joy.',
                  "Lantern", opening.title())
    assert opening.title() not in found


TELEGRAM = ("Received Morning Lantern today. It is desolate and lonely, a grey piece. Salt Tide "
            "came after it and bursts with joy and giddy delight. Nobody could sit still.")
TITLES = ("Morning Lantern", "Salt Tide")


def test_a_review_all_in_capitals_reads_like_its_lower_case_version():
    shouted = moods(TELEGRAM.upper(), *TITLES)
    assert shouted == moods(TELEGRAM.lower(), *TITLES)
    assert strongest(shouted, "Morning Lantern") == "lonely"
    assert strongest(shouted, "Salt Tide") == "joyful"


def test_a_few_shouted_words_leave_the_review_as_written():
    text = "WHY did nobody warn me? Lantern is desolate and lonely. And TIDEWATER bursts with joy."
    found = moods(text, "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == "lonely"  # one-word titles still need capitals
    assert strongest(found, "Tidewater") == "joyful"
