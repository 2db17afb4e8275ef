"""What the twentieth pass over our own reviews showed the reader missing (2026-11-29).

A one-word title that is a common word ("Ember", "Home", "Time") opening a sentence is
written like the common word. It was read as the track only before "is" in a run of
track talk, or before a few verbs at a line's start: not when another title followed it
("Ember is every bit as fast as Lantern" read only Lantern), nor before a verb of what
music does ("Ember now loops the riff", "Ember builds to a roar", "Homeport plays when
you dock"). A sentence that merely opens with the common word ("Ember glowed in the
grate as the record played") is no track's.
Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest

TITLES = ("Lantern", "Harbour Lights", "Salt Roads", "Ember")
SLOW = "Lantern is slow, sad and lonely."


def _energy(found: dict[str, dict[str, float]], title: str) -> float:
    return found.get(title, {}).get("energetic", 0) + found.get(title, {}).get("aggressive", 0)


@pytest.mark.parametrize("sentence", [
    "Ember is every bit as fast as Lantern, with pounding drums and a furious riff.",
    "Ember is louder than Salt Roads, pounding drums and a furious, aggressive riff.",
])
def test_a_one_word_title_opening_a_sentence_that_names_another_title(sentence):
    found = moods(f"{SLOW} {sentence}", *TITLES)
    assert strongest(found, "Ember") in ("energetic", "aggressive", "tense")


@pytest.mark.parametrize("sentence", [
    "Ember now loops the riff, loud, fast and aggressive.",
    "Ember builds to a roar, loud, fast and aggressive.",
    "Ember finally explodes into pounding drums, loud and aggressive.",
    "Ember plays when the fight starts, loud, fast and aggressive.",
])
def test_a_one_word_title_before_a_verb_of_what_music_does(sentence):
    found = moods(f"{SLOW} {sentence}", *TITLES)
    assert strongest(found, "Ember") in ("energetic", "aggressive", "tense")
    assert _energy(found, "Lantern") < _energy(found, "Ember") / 2


@pytest.mark.parametrize("sentence", [
    "Ember glowed in the grate as the record played, loud, fast and aggressive.",
    "Ember crackled in the stove while the record played, loud and aggressive.",
])
def test_a_sentence_that_opens_with_the_common_word_in_a_story(sentence):
    found = moods(f"The album is quiet. {sentence}", *TITLES)
    assert _energy(found, "Ember") == pytest.approx(_energy(found, "Lantern"))  # album's


@pytest.mark.parametrize("sentence", ["Time plays tricks on you, fast and furious.",
                                      "Time is where this album lives, fast and furious."])
def test_a_common_word_before_an_idiom_stays_a_word(sentence):
    found = moods(f"{SLOW} {sentence}", "Lantern", "Time", "Salt Roads")
    assert _energy(found, "Time") < 0.3 * _energy(found, "Lantern")


@pytest.mark.parametrize("value", ["Harbour Lights only.", "Harbour Lights again.",
                                   "Harbour Lights, please."])
def test_a_label_whose_value_is_a_title_and_how_it_is_used_names_the_track(value):
    text = (f"Mornings: Lantern. It is slow, sad and lonely.\n\nAfternoons: {value} It swings, "
            "it's upbeat, playful and lively.\n\nEvenings: Salt Roads. It is calm and still.")
    found = moods(text, *TITLES)
    assert strongest(found, "Harbour Lights") in ("playful", "energetic", "joyful")
    assert found["Lantern"].get("playful", 0) < found["Harbour Lights"]["playful"] / 2


@pytest.mark.parametrize("denial", ["Nobody found it scary, though.",
                                    "Nobody finds it creepy."])
def test_nobody_denies_the_mood_after_it(denial):
    found = moods(f"Lantern is slow, strange and dreamy, like floating underwater. {denial} "
                  "Harbour Lights is a creepy, scary nightmare.", *TITLES)
    assert found["Lantern"].get("eerie", 0) < found["Harbour Lights"]["eerie"] / 3


def test_nobody_does_a_mood_like_it_is_praise():
    found = moods("Lantern is slow. Nobody does heartbreak like this band. Harbour Lights is "
                  "fast.", *TITLES)
    assert strongest(found, "Lantern") == "sad"


@pytest.mark.parametrize("first", ["Ember with a smoky Islay, obviously.",
                                   "Ember for the last dance."])
def test_a_one_word_title_heading_two_sentences_running_is_the_track(first):
    text = (f"Lantern is slow, sad and lonely.\n\n{first} Ember pours out slow and smooth, "
            "all candlelight and longing, the most romantic thing here.\n\nHarbour Lights is "
            "fast and loud.")
    found = moods(text, *TITLES)
    assert strongest(found, "Ember") in ("romantic", "tender")
    assert found["Harbour Lights"].get("romantic", 0) < found["Ember"]["romantic"] / 3


def test_a_common_word_defining_twice_is_still_no_track():
    text = ("Lantern is slow and sad. Home is where the heart is. Home is where this album "
            "lives, warm, romantic and tender.")
    found = moods(text, "Lantern", "Home", "Salt Roads")
    assert found.get("Home", {}).get("romantic", 0) == \
        pytest.approx(found.get("Salt Roads", {}).get("romantic", 0))


@pytest.mark.parametrize("aside", ["It is not sad, whatever the minor key tells them.",
                                   "Whatever the gloomy minor key says, it is not sad."])
def test_what_a_whatever_clause_says_is_set_aside(aside):
    found = moods(f"Lantern is lazy, hazy and dreamy, slow saxophone. {aside} Harbour Lights "
                  "is fast and loud.", *TITLES)
    top3 = sorted(found["Lantern"], key=found["Lantern"].get, reverse=True)[:3]
    assert "sad" not in top3


@pytest.mark.parametrize("mine", ["but that's me, not the track.", "but that's just me, not "
                                                                    "the song."])
def test_a_feeling_the_listener_owns_is_not_the_tracks(mine):
    found = moods(f"Last pose: Lantern. Soft piano notes far apart. Peaceful. I always feel a "
                  f"little sad when it ends, {mine}\n\nHarbour Lights is fast and loud.",
                  *TITLES)
    assert strongest(found, "Lantern") == "peaceful"
    assert "sad" not in sorted(found["Lantern"], key=found["Lantern"].get, reverse=True)[:3]


@pytest.mark.parametrize("likeness", ["It's basically Lantern with a full orchestra.",
                                      "Harbour Lights is essentially Lantern with drums."])
def test_basically_another_track_compares_them(likeness):
    pairs = pairs_read(f"Lantern is light and floaty. End credits: Harbour Lights. Warm, "
                       f"hopeful strings. {likeness}", *TITLES)
    assert frozenset({"Lantern", "Harbour Lights"}) in pairs


def test_basically_over_before_another_track_compares_nothing():
    pairs = pairs_read("Lantern is light and floaty. Harbour Lights is basically over before "
                       "Lantern kicks in.", *TITLES)
    assert frozenset({"Lantern", "Harbour Lights"}) not in pairs
