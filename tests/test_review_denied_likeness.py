"""A likeness the sentence denies leaves its description with the subject (2026-11-30).

"'A' has nothing in common with 'B'; it is a slow, wistful waltz", "'A' doesn't sound like
'B' at all", "'A' is no 'B'": B is only mentioned, so the words of the sentence (and an
"It" in the next one) describe A; B keeps only what is clearly its own ("the frantic 'B'",
"'B', which is frantic; ...").  A stated likeness still shares the words.  Every text here
is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
PAIR = frozenset(("Copper Sky", "Lowland"))
SAD_WORDS = {"sad", "nostalgic"}


def top3(found: dict[str, float]) -> list[str]:
    """The three moods a track's reading scores highest."""
    return sorted(found, key=found.get, reverse=True)[:3]


@pytest.mark.parametrize("text", [
    "Copper Sky has nothing in common with Lowland, whatever the notes say; it is a slow, "
    "wistful waltz.",
    "Copper Sky has nothing in common with Lowland. It is a slow, wistful waltz.",
    "Copper Sky shares nothing with Lowland; it is slow and wistful.",
    "Copper Sky has little in common with Lowland; it is slow and wistful.",
    "Copper Sky has nothing to do with Lowland; it is slow and wistful.",
    "Copper Sky doesn't sound like Lowland at all; it is slow and wistful.",
    "Copper Sky doesn't sound like Lowland at all. It is slow and wistful.",
    "Copper Sky doesn't sound anything like Lowland. It is slow and wistful.",
    "Copper Sky does not resemble Lowland: slow and wistful.",
    "Copper Sky isn't anything like Lowland. It is slow and wistful.",
    "Copper Sky is no Lowland: it is slow and wistful.",
    "Copper Sky is nothing like Lowland; it is a slow, wistful waltz.",
    "Copper Sky is nothing like Lowland. It is a slow, wistful waltz.",
    "Unlike Lowland, Copper Sky is slow and wistful.",
])
def test_a_denied_likeness_describes_the_subject_alone(text):
    found = moods(text, *TRACKS)
    assert set(top3(found["Copper Sky"])[:2]) & SAD_WORDS
    assert not set(found.get("Lowland", {})) & SAD_WORDS
    assert PAIR not in pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Copper Sky is nothing like the frantic Lowland: slow and wistful.",
    "Copper Sky, unlike the frantic Lowland, is slow and wistful.",
    "Copper Sky is nothing like Lowland, which is frantic; it is slow and wistful.",
    "Copper Sky has nothing in common with Lowland, which is frantic; slow and wistful.",
    "Copper Sky doesn't sound like Lowland, which is frantic. It is slow and wistful.",
])
def test_the_denied_title_keeps_only_its_own_words(text):
    found = moods(text, *TRACKS)
    assert set(top3(found["Copper Sky"])[:2]) & SAD_WORDS
    assert "tense" in top3(found["Lowland"]) and not set(found["Lowland"]) & SAD_WORDS


@pytest.mark.parametrize("text", [
    "Copper Sky sounds like Lowland, dreamy and hazy.",
    "Copper Sky is a lot like Lowland: dreamy and hazy.",
])
def test_a_stated_likeness_still_shares_the_words(text):
    found = moods(text, *TRACKS)
    assert "dreamy" in top3(found["Copper Sky"]) and "dreamy" in top3(found["Lowland"])
    assert PAIR in pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    # a title described after the denial keeps that description when nothing follows it
    '"Copper Sky" is calm. It sounds nothing like "Lowland", which is bleak and desolate.',
    # "is no" is a denial only right before the title
    "Copper Sky is warm. It is no surprise that Lowland is sad and wistful.",
])
def test_what_is_said_of_the_other_title_stays_its_own(text):
    assert set(top3(moods(text, *TRACKS)["Lowland"])) & {"sad", "lonely"}
