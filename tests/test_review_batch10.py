"""Phrasings found in a tenth batch of real reviews read held out (2026-11-28,
twenty-second session): "her title track", a two-word title misspelt without quotes,
"the equally growling vocals" (a likeness inside one track, not to the one before) and
"the effects at play" (no playfulness). Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest


@pytest.mark.parametrize("owner", ["her", "his", "their"])
def test_an_artist_s_title_track_is_the_album_s(owner):
    found = moods(f"The band comes in. {owner.capitalize()} title track turns eerie and "
                  "ghostly halfway.", "Lantern", "Salt Roads")
    assert strongest(found, "Salt Roads") == "eerie"
    assert "eerie" not in found.get("Lantern", {})


def test_a_title_misspelt_without_quotes_is_still_the_track():
    found = moods("The opener is bright. The pace drops further for Mira N\u2019Kenena, a song "
                  "of separation, loss and loneliness.", "Mira N'Kelena", "Lantern")
    assert strongest(found, "Mira N'Kelena") in ("lonely", "sad")


def test_a_name_that_only_resembles_a_title_is_not_the_track():
    """Another first word makes another name: the sentence goes on about 'Lantern'."""
    found = moods("'Lantern' is joyful and bright. Bassist Paul Sikivie is gloomy and sad "
                  "throughout.", "Paul Simon", "Lantern")
    assert "Paul Simon" not in found and "sad" in found["Lantern"]


def test_an_equally_inside_one_track_compares_nothing():
    text = ("The synths whirr like lightsabers in 'Lantern'. Next is 'Tidewater', and here "
            "we hear a harsher side, between the growling guitar and the equally growling "
            "vocals.")
    assert pairs_read(text, "Lantern", "Tidewater") == set()
    alike = "'Lantern' is dark and brooding. 'Tidewater' is equally brooding."
    assert pairs_read(alike, "Lantern", "Tidewater") == {frozenset(("Lantern", "Tidewater"))}


@pytest.mark.parametrize("idiom", ["at play", "into play", "in play"])
def test_play_in_an_idiom_is_not_playful(idiom):
    found = moods(f"'Lantern' has science fiction effects {idiom} and a violent intent.")
    assert "playful" not in found["Lantern"]
    assert "playful" in moods("'Lantern' is full of play and mischief.")["Lantern"]


@pytest.mark.parametrize("text, title", [
    ("The Cure opened for them; it is sad and slow.", "The Curse"),  # the informative word
    ("In Part III it ends sadly and slowly.", "Part I"),  # numbers as they are
    ("You And I closes it, sad and slow.", "You And I"),  # stopwords: quotes needed
])
def test_an_unquoted_near_name_is_not_taken_loosely(text, title):
    found = moods("'Lantern' is joyful and bright. " + text, title, "Lantern")
    assert title not in found


def test_the_closest_title_wins_and_the_album_s_name_is_not_a_track():
    found = moods("'Lantern' is joyful. Then Dark Watters comes, lonely and sad.",
                  "Dark Water", "Dark Waters", "Lantern")
    assert "Dark Waters" in found and "Dark Water" not in found
    found = moods("'Lantern' is joyful. Salt Road is a lonely, sad album.",
                  "Salt Roads", "Lantern", "Salt Rods")
    assert "Salt Rods" not in found
