"""What a thirteenth batch of real reviews read held out (2026-11-28, twenty-fourth
session) wrote that the reader missed: a list of moods each placed in the title after
it ("bleak desolation in B"), a sentence-case title misspelt, "it's hard not to feel",
a track true to its title, spy music, amping a mood up. Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import strongest

FRENCH = ("Les Cloches du soir", "La mer est calme", "Ce que dit la pluie d'hiver")


def test_each_mood_of_a_list_goes_to_the_title_it_is_placed_in():
    found = moods("My favourite run: shrouded mystery in Lantern (The Light), sunlit "
                  "playfulness in Tidewater (The Tide), bleak desolation in Copper Bells "
                  "(The Bells).", "Lantern", "Tidewater", "Copper Bells")
    assert strongest(found, "Lantern") == "curious"
    assert strongest(found, "Tidewater") == "playful"
    assert strongest(found, "Copper Bells") in ("sad", "lonely")
    assert found["Lantern"].get("playful", 0) == 0  # no longer the list's first title's


def test_a_sentence_case_title_misspelt_is_still_its_track():
    found = moods("Bleak desolation in Les Cloches du soir, and untamed violence in Ce que "
                  "dis la pluie d'hiver (what the winter rain says).", *FRENCH)
    assert strongest(found, "Ce que dit la pluie d'hiver") == "aggressive"
    assert found["Les Cloches du soir"].get("aggressive", 0) == 0


def test_a_misspelling_must_begin_as_the_title_begins():
    found = moods("Untamed violence in Le que dis la pluie d'hiver.", *FRENCH)
    assert "Ce que dit la pluie d'hiver" not in found or \
        found["Ce que dit la pluie d'hiver"] == found["La mer est calme"]


@pytest.mark.parametrize("text, expected", [
    ("It's about a breakup, but when the chorus lands it's hard not to feel ecstasy.",
     "joyful"),
    ("It is impossible not to feel elated.", "joyful"),
])
def test_hard_not_to_feel_affirms_the_feeling(text, expected):
    assert strongest(moods(f'"Lantern" plays. {text}', "Lantern", "Tidewater"),
                     "Lantern") == expected


def test_trying_hard_not_to_be_sad_still_denies_it():
    found = moods('"Lantern" tries hard not to be sad.', "Lantern", "Tidewater")
    assert found.get("Lantern", {}).get("sad", 0) == 0


@pytest.mark.parametrize("sentence", [
    '"Haunted Caverns" takes its title quite seriously, with low synths and dripping water.',
    '"Haunted Caverns" lives up to its name.',
    'The aptly named "Haunted Caverns" closes the first half.',
])
def test_a_track_true_to_its_title_is_what_its_title_says(sentence):
    found = moods(sentence, "Haunted Caverns", "Tidewater")
    assert strongest(found, "Haunted Caverns") == "eerie"


@pytest.mark.parametrize("sentence", [
    '"Haunted Caverns" is, despite its title, bright and sunny.',
    '"Haunted Caverns" is not, whatever its title suggests, anything but bright and sunny.',
    '"Haunted Caverns" closes the first half.',
])
def test_a_title_alone_or_denied_says_nothing_of_its_track(sentence):
    found = moods(sentence, "Haunted Caverns", "Tidewater")
    assert found.get("Haunted Caverns", {}).get("eerie", 0) == 0


@pytest.mark.parametrize("phrase, mood", [
    ("would be well-suited to espionage", "tense"),
    ("sounds lifted from a spy thriller", "tense"),
    ("amps the mood back up", "energetic"),
])
def test_words_the_lexicon_lacked(phrase, mood):
    assert strongest(moods(f"'Lantern' {phrase}.", "Lantern", "Tidewater"), "Lantern") == mood
