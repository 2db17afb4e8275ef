"""What the twenty-third batch of our own reviews showed the reader missing (2026-11-29).

Voices not yet in the set: a theatre show report ("Director still wants it scarier; it's
loud but not frightening"), a record shop's staff-pick cards ("I can't sit still through
it"; "it's 'A' taken apart in the echo chamber"), a vinyl auction listing whose album is
named like its first track and also like the start of another ("Luci sul Porto" beside
"Luci (Ripresa)"). Every text here is our own."""
from __future__ import annotations

import pytest

from models.build import analyse_moods
from models.ingest import Catalog, Track
from models.language import MOODS, Review, load_lexicon, sentences

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest

CUES = ("Harbour Bells", "Copper Wire", "Low Fog")


def test_what_someone_wants_a_track_to_be_it_is_not_yet():
    found = moods('SQ 17 "Low Fog" - level at +3 as agreed. Director still wants it '
                  'scarier; it\'s loud but not frightening.', *CUES)
    assert found["Low Fog"].get("eerie", 0) == 0 and found["Low Fog"].get("tense", 0) == 0
    found = moods('"Low Fog" is loud. We wanted it to be a bit sadder.', *CUES)
    assert found["Low Fog"].get("sad", 0) == 0
    found = moods('"Low Fog" is scarier than anything on their last record.', *CUES)
    assert strongest(found, "Low Fog") in ("eerie", "tense")


def test_what_a_maker_wanted_a_track_to_be_it_is():
    found = moods('"Low Fog" uses the same figure, but frozen. I did not want it to be '
                  'frightening, exactly. I wanted it to be bleak and sad.', *CUES)
    assert strongest(found, "Low Fog") == "sad"


def test_a_listener_who_cannot_sit_still_hears_energy():
    found = moods('"Low Fog" is slow and sweet. "Copper Wire" is a runaway train. Drums, drums, '
                  'drums. I can\'t sit still through it and neither can the customers.', *CUES)
    assert strongest(found, "Copper Wire") == "energetic"
    found = moods('"Copper Wire" is so restless that you cannot keep still.', *CUES)
    assert found["Copper Wire"].get("energetic", 0) > 0


@pytest.mark.parametrize("sentence", [
    'Don\'t skip "Low Fog" - it\'s "Harbour Bells" taken apart in the echo chamber, loose '
    'and spacey, nowhere near as happy as the original but hypnotic.',
    '"Low Fog" is "Harbour Bells" slowed down to a crawl, hazy and dreamy.',
])
def test_a_track_that_is_another_remade_is_likened_to_it_and_keeps_the_words_after(sentence):
    text = f'"Harbour Bells" is the happiest song here. Dance or leave. {sentence}'
    found = moods(text, *CUES)
    assert strongest(found, "Low Fog") == "dreamy"
    assert strongest(found, "Harbour Bells") == "joyful"
    assert pairs_read(text, *CUES) == {frozenset(("Low Fog", "Harbour Bells"))}


def test_a_track_that_is_another_played_otherwise_likens_nothing():
    text = '"Harbour Bells" is bright. "Low Fog" is "Harbour Bells" played by a choir.'
    assert pairs_read(text, *CUES) == set()


def test_a_line_opening_with_a_list_number_is_one_sentence():
    text = ("Side A\n1. Harbour Bells (2:41) - lush strings, dreamy. Slight noise.\n"
            "2. Low Fog (2:05) - a chase cue, tense. Great. 3. Then more.")
    assert [text[a:b] for a, b in sentences(text)] == [
        "Side A", "1. Harbour Bells (2:41) - lush strings, dreamy.", "Slight noise.",
        "2. Low Fog (2:05) - a chase cue, tense.", "Great.", "3.", "Then more."]


def _read(text: str, album: str, *titles: str) -> dict[str, dict[str, float]]:
    cat = Catalog([Track(id=f"t{i}", title=t, artist="Valcasi", album=album)
                   for i, t in enumerate(titles)])
    profiles = analyse_moods(cat, [Review(text=text, album=album)], load_lexicon()).profiles
    return {t.title: {m: float(p.scores[i]) for i, m in enumerate(MOODS) if p.scores[i] > 0}
            for t, p in zip(cat.tracks, profiles) if p.scores.any()}


def test_a_numbered_line_labelled_with_the_albums_name_is_the_title_track():
    """The album is "Luci sul Porto", and so is its first track; "Luci (Ripresa)" is
    another, whose bare "Luci" the album's name starts with."""
    text = ("LP - \"Luci sul Porto\" (1974) - VG+\n\nSide A\n1. Luci sul Porto (2:41) - the "
            "title cut, lush strings over a lazy bossa beat, dreamy and warm.\n"
            "2. Low Fog (2:05) - a chase cue, tense and very fast.\n\nSide B\n"
            "1. Luci (Ripresa) (1:30) - the last cue, playful and cheeky.")
    found = _read(text, "Luci sul Porto", "Luci sul Porto", "Low Fog", "Luci (Ripresa)")
    assert strongest(found, "Luci sul Porto") in ("dreamy", "peaceful")
    assert strongest(found, "Luci (Ripresa)") == "playful"
    assert found["Luci (Ripresa)"].get("dreamy", 0) < 0.3


def test_a_quoted_movement_number_ends_no_sentence():
    text = ('Q2. How does "II. The Nursery" contrast with the first movement?\n'
            "A: It is much warmer.\nThen came World War II. It was long.\nIV. Finale - big. "
            "Great.")
    assert [text[a:b] for a, b in sentences(text)] == [
        "Q2.", 'How does "II. The Nursery" contrast with the first movement?',
        "A: It is much warmer.", "Then came World War II.", "It was long.",
        "IV. Finale - big.", "Great."]


def test_a_worksheets_answers_go_to_the_movement_each_question_names():
    movements = ("Four Rooms: I. The Attic", "Four Rooms: II. The Nursery")
    text = ('Q1. Listen to the first movement, "I. The Attic". Describe the mood.\n'
            "A: Mysterious and curious, like someone exploring.\n\n"
            'Q2. What instrument carries the tune of "II. The Nursery"?\n'
            "A: The violas. A simple rocking tune, gentle and loving, like a lullaby.")
    found = moods(text, *movements)
    assert strongest(found, movements[0]) == "curious"
    assert found[movements[0]].get("tender", 0) < 0.3


CHAT = ("grub - Today at 8:03 PM\nLow Fog is HEAVY. blast beats, screaming, absolute chaos\n"
        "soft_ivy - Today at 8:06 PM\nok but can we talk about Copper Wire\ni cried. not even "
        "joking\ndeltav - Today at 8:06 PM\njust an acoustic guitar and her voice\n"
        "grub - Today at 8:07 PM\nsweet memories. nostalgic and warm")


def test_a_chat_line_without_a_full_stop_is_a_message_not_a_heading():
    found = moods(CHAT, *CUES)
    assert "Copper Wire" in found and strongest(found, "Copper Wire") in (
        "sad", "nostalgic", "tender")


def test_a_chats_headers_end_no_subject():
    found = moods(CHAT, *CUES)
    assert found["Copper Wire"].get("nostalgic", 0) > 0.3
    assert found["Low Fog"].get("nostalgic", 0) < 0.1


def test_a_track_that_takes_the_tune_from_another_is_likened_to_it():
    text = ('"Harbour Bells" is a music box, calm and safe. What\'s clever is that "Low Fog" '
            'takes the music-box tune from "Harbour Bells" and detunes it. It\'s heartbreaking.')
    assert pairs_read(text, *CUES) == {frozenset(("Low Fog", "Harbour Bells"))}
    assert pairs_read('"Low Fog" takes the time it needs before "Harbour Bells".', *CUES) == set()
