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
from .fixtures import pairs_read as pairs

SONGS = ("Crow Hill", "Lamp Room", "Quay")
AWE = ("epic", "hopeful")
DREAD = ("eerie", "tense")


def _top(found: dict[str, dict[str, float]], title: str, n: int = 2) -> list[str]:
    return sorted(found[title], key=found[title].get, reverse=True)[:n]


@pytest.mark.parametrize("text", [
    "Crow Hill is spine-chilling from start to finish.",
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


@pytest.mark.parametrize("awe, dread", [
    ("When the horns take the tune up an octave in Lamp Room, I get goosebumps. Huge.",
     "When the whispering starts in Lamp Room, I get goosebumps. Sinister."),
    ("Lamp Room gave me chills in the best way: the choir swells and it all feels possible.",
     "Lamp Room gave me chills in the worst way: a whisper, then something creaks."),
    ("Lamp Room gave me chills (the good kind). Huge and bright.",
     "Lamp Room gave me chills, and not the good kind. Slow and wrong."),
])
def test_a_shiver_reads_as_the_words_around_it(awe, dread):
    found = moods(awe, *SONGS)
    assert set(_top(found, "Lamp Room")) & set(AWE)
    assert not set(_top(found, "Lamp Room")) & set(DREAD)
    found = moods(dread, *SONGS)
    assert not any(found["Lamp Room"].get(mood, 0) > 0 for mood in AWE)


def test_the_words_of_another_paragraph_do_not_turn_a_shiver():
    text = ("Crow Hill is creepy and sinister, a whisper in the dark.\n\n"
            "Lamp Room gave me chills. The brass soars.\n\n"
            "Quay gave me chills. Sinister.")
    found = moods(text, *SONGS)
    assert not set(_top(found, "Lamp Room")) & set(DREAD)
    assert not set(_top(found, "Quay", 3)) & set(AWE)


@pytest.mark.parametrize("memory", [
    "Quay takes me back to summers at the lake.",
    "\"Quay\" took me back to my first flat and the bus home from school.",
    "Quay made me think of my grandad's records.",
    "Quay always makes me think of our old kitchen.",
])
def test_a_memory_the_music_brings_back_is_nostalgic(memory):
    found = moods(memory, *SONGS)
    assert "nostalgic" in _top(found, "Quay", 1)


def test_going_back_to_a_theme_or_another_track_is_no_memory():
    found = moods("Quay is bright and bouncy, and the coda takes us back to the main theme. "
                  "Lamp Room reminds me of Quay, just as bouncy.", *SONGS)
    assert "nostalgic" not in found["Quay"]
    assert "nostalgic" not in found["Lamp Room"]
    assert "nostalgic" in _top(moods("Lamp Room takes me back to being nine.", *SONGS),
                               "Lamp Room", 1)


MOTIFS = ("The Empty Room", "Harbour Lights", "Low Tide", "Gull")


def test_a_motif_named_by_its_meaning_links_the_track_that_brings_it_back():
    text = ("The Empty Room is slow and bare. Listen for the falling cello figure: the "
            "composer calls it the grief motif.\n\n"
            "Harbour Lights is bright and busy, all brass.\n\n"
            "Low Tide brings back the grief motif, deep in the violas.")
    assert frozenset({"Low Tide", "The Empty Room"}) in pairs(text, *MOTIFS)


def test_a_motif_first_named_without_a_track_and_then_its_track():
    text = ("A letter about the villain's leitmotif, that wheezing brass figure. It is "
            "first heard in Harbour Lights, which is menacing.\n\n"
            "An hour later, Low Tide brings back the villain's leitmotif under the dialogue.")
    assert frozenset({"Low Tide", "Harbour Lights"}) in pairs(text, *MOTIFS)
    # met first where it comes back, or with no track at all: no home to link to
    text = ("That trumpet tune is the hero's theme.\n\nThe Empty Room is slow and bare.\n\n"
            "Low Tide brings back the hero's theme, louder.")
    assert not pairs(text, *MOTIFS)


@pytest.mark.parametrize("text, moved", [
    ("Lamp Room had me grinning the whole time.", {"joyful", "playful"}),
    ("Lamp Room: my foot wouldn't stop tapping.", {"energetic", "playful"}),
    ("The first time I heard Lamp Room, I had to sit down.", {"tender"}),
    ("Lamp Room left me in pieces.", {"sad"}),
    ("Lamp Room leaves me in bits every time.", {"sad"}),
])
def test_what_the_music_did_to_the_listener_says_its_mood(text, moved):
    found = moods(text, *SONGS)
    assert "Lamp Room" in found and set(_top(found, "Lamp Room", 1)) <= moved


def test_a_one_word_title_that_is_the_one_that_gets_me():
    found = moods("Lamp Room is bright and quick. Homecoming is the one that gets me. It is "
                  "slow and sad.", "Lamp Room", "Homecoming", "Home")
    assert "Homecoming" in found and _top(found, "Homecoming", 1) == ["sad"]
    found = moods("Lamp Room is bright and quick. Home is the one thing I miss on tour; it is "
                  "slow and sad.", "Lamp Room", "Homecoming", "Home")
    assert "Home" not in found


def test_after_that_he_played_a_track_is_about_that_track():
    found = moods('"Lamp Room" was slow and grey. After that he played "Quay" and it was '
                  "pure fun, everyone laughing.", *SONGS)
    assert "Quay" in found and _top(found, "Quay", 1)[0] in ("joyful", "playful")
    assert _top(found, "Lamp Room", 1)[0] not in ("joyful", "playful")


def test_it_reminds_her_of_a_track_likens_the_track_at_hand():
    text = ('My sister wrote about "Quay", the funeral cue. She says it reminds her of '
            '"Lamp Room" in its melody, but slowed right down. It is very sad.')
    assert frozenset({"Quay", "Lamp Room"}) in pairs(text, *SONGS)
    assert _top(moods(text, *SONGS), "Quay", 1) == ["sad"]
