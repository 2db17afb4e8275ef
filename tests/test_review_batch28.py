"""What the twenty-eighth batch of our own reviews showed the reader missing (2026-11-29).

Praise, reception and other people's words are not the music's mood: "Love it." is
praise, not romance; what someone else calls a track, when the review answers it ("People
keep calling it romantic. It isn't"), is theirs; "Gorgeous." on its own is a verdict.
Idioms of a listener's reaction say what the music did: "no one could sit still", "had
the whole room on its feet", "I had to pull over". Voices not yet in the set: a streaming
app's star ratings, a couple's feedback form for their DJ, a radio call-in, a support
chat, an album club thread, a travel vlog's credits, a letter to a radio show, a
teacher's notes on a listening lesson. Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import load_lexicon, tag_text

from .fixtures import moods_read as moods
from .fixtures import strongest

SONGS = ("Tin Cup", "Amber", "Low Gate")


def _read(sentence: str) -> dict[str, float]:
    """Each mood word of one sentence and its signed weight."""
    return {h.phrase.lower(): h.weight for h in tag_text(sentence, load_lexicon(),
                                                          skip_names=True)}


@pytest.mark.parametrize("praise", [
    "Love it.", "Loved this one to bits.", "Love, love, love.",
    "She would have loved it.", "Honestly, love it when the horns come in.",
])
def test_loving_the_music_is_praise_not_romance(praise):
    found = moods(f"Tin Cup: bright, bouncy and silly. {praise}", *SONGS)
    assert "romantic" not in found["Tin Cup"]
    assert strongest(found, "Tin Cup") == "playful"


def test_love_as_a_noun_still_says_romance():
    assert _read("It is a love theme for the two of them.")["love"] > 0
    assert _read("A love that never quite ends.")["love"] > 0
    assert _read("The love scene is scored with a slow waltz.")["love"] > 0
    assert "falling in love" in _read("It sounds like falling in love.")
    assert not _read("Love it. Love love love.")


@pytest.mark.parametrize("text, denied", [
    ("Amber closes the record. People keep calling it romantic. It isn't, really - it is "
     "calm and slow.", "romantic"),
    ("Amber closes the record. Everyone says it's gloomy; I hear something hopeful.", "sad"),
    ("Amber closes the record. The label's sheet calls it spooky. It's really just quiet "
     "and slow.", "eerie"),
    ("Amber closes the record. My brother called it bleak. I'd call it something else: "
     "bright and warm.", "sad"),
    ("Amber closes the record. Some of you call it depressing but it's not depressing to "
     "me, it's calm.", "sad"),
])
def test_what_others_call_a_track_is_theirs_when_the_review_answers(text, denied):
    found = moods(text, *SONGS)
    assert found["Amber"].get(denied, 0) < 0.1  # no more than the spread of its other moods


def test_what_others_call_a_track_still_counts_when_the_review_lets_it_stand():
    found = moods("Amber closes the record. Everyone says it's gloomy. Fair enough, it is a "
                  "slow one. People keep calling it romantic. It isn't.", *SONGS)
    assert found["Amber"].get("sad", 0) > 0  # "gloomy" let stand
    assert found["Amber"].get("romantic", 0) < 0.1


@pytest.mark.parametrize("verdict", ["Gorgeous.", "Beautiful, honestly.", "Lovely, but short."])
def test_a_word_of_praise_on_its_own_is_a_verdict(verdict):
    found = moods(f"Tin Cup is fast and bright. {verdict} The drums never stop.", *SONGS)
    assert not {"romantic", "dreamy", "peaceful", "tender"} & set(found["Tin Cup"])


def test_praise_inside_a_description_keeps_its_mood():
    found = moods("Tin Cup is fast and bright. It has a gorgeous, dreamy middle.", *SONGS)
    assert found["Tin Cup"].get("dreamy", 0) > 0
    assert "romantic" not in moods("Tin Cup is fast. Gorgeous.", *SONGS)["Tin Cup"]


@pytest.mark.parametrize("sentence, mood", [
    ("Once it started, no one could sit still.", "energetic"),
    ("Nobody could sit still once it started.", "energetic"),
    ("It had the whole room on its feet.", "energetic"),
    ("The encore brought the crowd to its feet.", "energetic"),
    ("I had to pull over on the ring road.", "sad"),
    ("The second verse is a heartbreaker.", "sad"),
])
def test_idioms_of_how_a_listener_took_the_music(sentence, mood):
    found = moods(f"Low Gate comes third. {sentence}", *SONGS)
    assert strongest(found, "Low Gate") == mood


def test_a_crowd_on_its_feet_not_a_tune_light_on_its_feet():
    assert _read("It had the crowd on its feet.")["crowd on its feet"] > 0
    assert not _read("The waltz is light on its feet.")
