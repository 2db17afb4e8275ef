"""What the twenty-sixth batch of our own reviews showed the reader missing (2026-11-29).

Where a negation's reach ends (at a new clause with its own subject and verb, not inside
a list of moods) and what a cue scores (the scene) against how it scores it. Voices not
yet in the set: a crossword blog, a sports broadcast's cue list, a shooting script, a
concert live blog, a Q&A site's answers, an email thread with quoted lines, a spin
class's ride plan, a note for a babysitter. Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import load_lexicon, tag_text

from .fixtures import moods_read as moods
from .fixtures import strongest

CUES = ("Floodlights", "Low Tide", "Second Wind")


def _signed(sentence: str) -> dict[str, float]:
    """Each mood word of one sentence and its signed weight."""
    return {h.phrase.lower(): h.weight for h in tag_text(sentence, load_lexicon(),
                                                          skip_names=True)}


@pytest.mark.parametrize("sentence, word", [
    ("No drums, tension comes from the strings.", "tension"),
    ("It never gets loud, dread creeps in anyway.", "dread"),
    ("It doesn't shout, menace builds slowly underneath.", "menace"),
    ("Nothing is resolved, tension hangs over every bar.", "tension"),
    ("There are no drums - dread does the work.", "dread"),
    ("There are no drums -- dread crept in anyway.", "dread"),
    ("No drums, just menace.", "menace"),  # a clause on "just" corrects: menace is there
])
def test_a_negation_ends_where_a_clause_with_its_own_verb_begins(sentence, word):
    assert _signed(sentence)[word] > 0


def test_a_negation_still_reaches_what_has_no_clause_of_its_own():
    assert _signed("It never swells, shimmers or soars.")["soars"] < 0  # verbs, no subject
    for sentence, word in [("A not-so-sad tune.", "sad"), ("It is never, in any way, sad.", "sad")]:
        assert _signed(sentence)[word] < 0


@pytest.mark.parametrize("sentence, words, outside", [
    ("It is not sad, gloomy or bleak.", ("sad", "gloomy", "bleak"),
     "Not sad, but gloomy or bleak."),
    ("It never gets loud, harsh or angry.", ("loud", "harsh", "angry"),
     "It's sad, gloomy or bleak, never joyful."),
    ("It is not loud, brash or joyful.", ("loud", "joyful"),
     "There's no joy, the strings are sad or bleak."),
    ("Not dark, heavy or menacing, just pretty.", ("dark", "menacing"),
     "It is not sad, and the strings are hopeful or bleak."),
    ("It is not sad, gloomy, bleak or lonely.", ("sad", "gloomy", "bleak", "lonely"),
     "Nothing is sad; it is hopeful, warm or bleak."),
])
def test_a_negation_reaches_every_mood_of_its_list_and_no_further(sentence, words, outside):
    signed = _signed(sentence)
    assert all(signed[w] < 0 for w in words)
    assert _signed(outside)["bleak"] > 0  # a list outside the negation's clause


def test_stray_marks_and_empty_lists_read_no_mood():
    assert _signed("It is not sad, gloomy or bleak.")["bleak"] < 0
    for sentence in ["", "   ", ", or ,", "not, or nor -", "- - -", "not -- or,"]:
        assert tag_text(sentence, load_lexicon(), skip_names=True) == []


def test_a_list_denied_leaves_the_track_what_it_is():
    found = moods("Low Tide opens the record. It is not sad, gloomy or bleak; the strings "
                  "are warm and tender. Floodlights is joyful.", *CUES)
    assert strongest(found, "Low Tide") == "tender"
    assert found["Low Tide"].get("sad", 0) == 0


@pytest.mark.parametrize("scene, manner, mood", [
    ("Low Tide scores the montage of last year's semi-final heartbreak, warm and hopeful.",
     "Low Tide scores the chase, tense and breathless.", "tense"),
    ("Low Tide scored the aftermath of the terrible battle with a hopeful horn call.",
     "Low Tide scores the reunion with an achingly romantic waltz.", "romantic"),
])
def test_the_scene_a_cue_scores_is_not_its_mood_but_how_it_scores_it_is(scene, manner, mood):
    found = moods(f"{scene} Floodlights is joyful.", *CUES)
    assert strongest(found, "Low Tide") == "hopeful"
    assert found["Low Tide"].get("sad", 0) == 0 and found["Low Tide"].get("aggressive", 0) == 0
    assert strongest(moods(f"{manner} Floodlights is joyful.", *CUES), "Low Tide") == mood


@pytest.mark.parametrize("sentence, word", [
    ("It has an aching tenderness.", "tenderness"),
    ("An aching loneliness.", "loneliness"),
])
def test_aching_before_a_mood_word_says_how_strongly(sentence, word):
    hits = tag_text(sentence, load_lexicon(), skip_names=True)
    assert [h.phrase.lower() for h in hits] == [word] and hits[0].weight > 1
    alone = tag_text("A slow, aching waltz.", load_lexicon(), skip_names=True)
    assert "aching" in [h.phrase for h in alone]  # on its own, still its own mood


def test_the_love_scene_scored_with_aching_tenderness_is_tender_first():
    found = moods("Floodlights is joyful. Low Tide scores the love scene with aching "
                  "tenderness, a solo viola. Not sentimental, never syrupy.", *CUES)
    assert strongest(found, "Low Tide") == "tender"
    assert found["Low Tide"].get("sad", 0) < found["Low Tide"]["tender"] / 2


EMAIL = ("Notes inline.\n\n> 1M1 \"Low Tide\": I kept it slow.\n\nThis made me cry. It's sweet "
         "and tender, a little nostalgic.\n\n> 1M2 \"Floodlights\": the big one.\n\nYes. "
         "Loud, joyful, stomping.\n\n> 1M3 \"Second Wind\"\n\nHaven't heard it.\n")


def test_a_reply_under_a_quoted_line_is_about_the_track_quoted():
    found = moods(EMAIL, *CUES)
    assert strongest(found, "Low Tide") == "tender"
    assert found["Low Tide"].get("energetic", 0) == 0 and found["Low Tide"].get("joyful", 0) == 0
    assert found["Floodlights"].get("tender", 0) == 0 < found["Floodlights"]["joyful"]
    one = moods("> a quote from the liner notes\n\nLow Tide is tender. Floodlights is joyful.\n",
                *CUES)  # one quoted line is no email
    assert strongest(one, "Low Tide") == "tender" and strongest(one, "Floodlights") == "joyful"


@pytest.mark.parametrize("text", [
    EMAIL.replace("> 1M2 \"Floodlights\"", "> 1M2 \"Floodlights\" and \"Second Wind\""),
    EMAIL.replace("> 1M2 \"Floodlights\": the big one.", "> a note on the mix."),
])
def test_a_quoted_line_naming_no_one_track_ends_the_reply_to_the_last(text):
    found = moods(text, *CUES)
    assert strongest(found, "Low Tide") == "tender"
    assert found["Low Tide"].get("joyful", 0) < found["Low Tide"]["tender"] / 2

