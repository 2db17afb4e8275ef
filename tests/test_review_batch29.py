"""What the twenty-ninth batch of our own reviews showed the reader missing (2026-11-29).

A listener's body and memories say what the music did to them: a shiver is awe at a
huge climax or dread at a creepy cue, and the words around it tell which ("gave me
chills, and not the good kind"); "spine-chilling", "bone-chilling", "chilled me to the
bone" are dread. Voices not yet in the set: a bereavement group's handout, an oral
history, a podcast mailbag, a horror streamer's recap, a best man's speech, a memory
blog, a family-concert script, festival comment cards. Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods

SONGS = ("Crow Hill", "Lamp Room", "Quay")
AWE = ("epic", "hopeful")
DREAD = ("eerie", "tense")


def _top(found: dict[str, dict[str, float]], title: str, n: int = 2) -> list[str]:
    return sorted(found[title], key=found[title].get, reverse=True)[:n]


@pytest.mark.parametrize("text", [
    "Crow Hill is spine-chilling from start to finish.",
    "Crow Hill is bone-chilling, just a hum in the dark.",
    "The first time I played Crow Hill it chilled me to the bone.",
    "Crow Hill gave me chills, and not the good kind.",
    "Crow Hill gave me goosebumps in the worst way.",
    "Crow Hill is slow and creepy, a whisper under the floorboards. It gave me chills.",
    "Crow Hill gave me chills. Creepy, like something under the stairs.",
])
def test_a_shiver_of_dread_is_eerie_not_epic(text):
    found = moods(text, *SONGS)
    assert set(_top(found, "Crow Hill", 1)) <= set(DREAD)
    assert not any(found["Crow Hill"].get(mood, 0) > 0 for mood in AWE)


@pytest.mark.parametrize("text", [
    "When the horns take the tune up an octave in Lamp Room, I get goosebumps. Huge.",
    "Lamp Room gave me chills, the good kind: the choir swells and everything feels "
    "possible.",
    "Lamp Room gave me chills.",
])
def test_a_shiver_of_awe_stays_epic(text):
    found = moods(text, *SONGS)
    assert set(_top(found, "Lamp Room")) & set(AWE)
    assert not set(_top(found, "Lamp Room")) & set(DREAD)


def test_the_words_of_another_paragraph_do_not_turn_a_shiver():
    text = ("Crow Hill is creepy and sinister, a whisper in the dark.\n\n"
            "Lamp Room gave me chills. The brass soars.")
    found = moods(text, *SONGS)
    assert not set(_top(found, "Lamp Room")) & set(DREAD)
