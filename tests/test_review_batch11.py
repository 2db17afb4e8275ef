"""Phrasings found in an eleventh batch of real reviews read held out (2026-11-28,
twenty-third session): a one-word title opening its sentence with a gloss in brackets,
"his old haunts" (places, not eeriness), "one wishes" (the reviewer's wish), and words
the lexicon lacked (disillusioning, wearied, a weeper, torchy, a powerhouse). Every
text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import strongest


def test_a_title_opening_its_sentence_with_a_gloss_is_the_track():
    found = moods("The opener is bright and joyful. Lantern (written for her sister) "
                  "carries a mournful, sad voice over a bare guitar.", "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == "sad"


@pytest.mark.parametrize("text", [
    "Lantern, in the end, is sad and slow.",  # a sentence's first word, no gloss
    "Lantern (2019) was sad and slow, the band's last.",  # a year is no gloss
])
def test_a_sentence_s_first_word_without_a_gloss_names_no_track(text):
    found = moods("'Tidewater' is joyful and bright. " + text, "Lantern", "Tidewater")
    assert "Lantern" not in found


@pytest.mark.parametrize("before", ["his old", "their usual", "a favourite"])
def test_a_haunt_that_is_a_place_is_not_eerie(before):
    found = moods(f"'Lantern' finds him back in {before} haunts, joyful and bright.")
    assert "eerie" not in found["Lantern"]
    assert "eerie" in moods("'Lantern' haunts the record, ghostly and strange.")["Lantern"]


@pytest.mark.parametrize("wish", ["one wishes", "I wish", "you wish", "we wished"])
def test_the_reviewer_s_wish_is_no_mood(wish):
    found = moods(f"'Lantern' is a slow, sad ballad, though {wish} it were longer.")
    assert strongest(found, "Lantern") == "sad" and "hopeful" not in found["Lantern"]


@pytest.mark.parametrize("phrase, mood", [
    ("the story of a disillusioning affair", "sad"),
    ("a wearied wife waiting by the door", "sad"),
    ("a bar room weeper", "sad"),
    ("the torchy ballad of the set", "romantic"),
    ("the second act powerhouse", "epic"),
])
def test_words_the_lexicon_lacked(phrase, mood):
    assert strongest(moods(f"'Lantern' is {phrase}."), "Lantern") == mood
