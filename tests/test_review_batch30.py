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


TRACKS = ("Embers", "Low Tide", "The Oxbow", "White Rapids", "Going Home")


def test_a_track_that_does_not_bring_a_motif_back_is_not_compared():
    told = ('"Embers" is where the grief motif lives: a mournful cello. '
            '"Low Tide" {} the grief motif. It is sparse and lonely.')
    assert pairs(told.format("brings back"), *TRACKS) == {frozenset(("Embers", "Low Tide"))}
    assert not pairs(told.format("does not bring back"), *TRACKS)
    assert not pairs(told.format("never brings back"), *TRACKS)


def test_a_question_asserts_no_likeness():
    text = ('Does "The Oxbow" sound like "White Rapids"? No. It is slow and curious.')
    assert not pairs(text, *TRACKS)
    assert pairs('"The Oxbow" sounds like "White Rapids".', *TRACKS)


def test_a_title_set_against_keeps_no_words_of_the_track_at_hand():
    for text in ['"The Oxbow" is far from "White Rapids" in mood. It is slow and curious.',
                 '"The Oxbow" is a world away from "White Rapids". It is slow and curious.',
                 '"The Oxbow" is calm. Slow and curious, and far from "White Rapids", '
                 'thank goodness.',
                 '"The Oxbow" is calm. I expected it to sound like "White Rapids", it '
                 "doesn't. Slow and curious."]:
        found = moods(text, *TRACKS)
        assert "White Rapids" not in found, text
        assert found["The Oxbow"].get("curious", 0) > 0, text


def test_what_a_track_lacks_of_another_is_its_own():
    text = ('"Low Tide" is sad and slow. "Going Home" is bright and hopeful. There is none '
            'of "Low Tide"\'s sadness here. Joyful, even.')
    found = moods(text, *TRACKS)
    assert "sad" not in found["Going Home"] and found["Going Home"].get("joyful", 0) > 0
    assert "joyful" not in found["Low Tide"] and found["Low Tide"]["sad"] > 0


def test_a_sentence_about_the_track_that_mentions_the_film_stays_the_track_s():
    text = ('"Embers" is slow. "Going Home" opens quietly. It\'s huge, heroic, the one '
            "moment in the film where you believe they'll make it.")
    found = moods(text, *TRACKS)
    assert found["Going Home"].get("epic", 0) > 0 and "epic" not in found["Embers"]
    album = moods('"Going Home" is tender. The film is bleak and they all die.', *TRACKS)
    assert "sad" not in album["Going Home"]  # about the film: no track's, no album's
