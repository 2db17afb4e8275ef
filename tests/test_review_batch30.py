"""What the thirtieth batch of our own reviews showed the reader missing (2026-11-29).

Comparisons a text denies or contrasts ("does not bring back the grief motif", "far
from 'A'", "I expected it to sound like 'A', it doesn't") must not blend one track's
moods into another's, and words a sentence says of the track just named stay its own
though they mention the film. Voices not yet in the set: a sequel's point-by-point
review, a "which is better" thread, a teacher's answer key, a remaster review, a jury
statement, game patch notes, an "if you liked" guide, record-shop staff picks. Every
text here is our own."""
from __future__ import annotations

from models.language import tag_text

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs

SONGS = ("Lamp Room", "Honey Wine", "Undertow")


def _read(sentence: str) -> dict[str, float]:
    """{headword: weight} of a sentence's mood words."""
    return {h.entry.headword: h.weight for h in tag_text(sentence, skip_names=True)}


def test_chills_before_a_comma_are_a_shiver_not_a_verb():
    assert "goose bumps" in _read("It gives you chills, the bad kind.")
    found = moods('"Lamp Room" gives you chills, the bad kind.', *SONGS)
    assert sorted(found["Lamp Room"]) == ["eerie", "tense"]  # read, and read as dread
    assert "goose bumps" not in _read("The wind chills the harbour.")  # a verb still


def test_relief_is_no_mood_of_the_music():
    assert _read("The eeriest song here, thank goodness.") == {"eerie": 1.0}
    assert not _read("Thankfully the remaster is nothing like the reissue.")
    assert _read("A thankful, gentle song.").get("grateful", 0) > 0


def test_none_of_a_mood_denies_it():
    assert _read("None of the original's menace survives.")["menacing"] < 0
    assert _read("It is none other than the haunting theme.")["haunting"] > 0


def test_a_good_shout_is_a_suggestion_not_shouting():
    assert not _read("ok Undertow is a good shout.")
    assert _read("A choir that starts to shout.")
