"""What the forty-first batch of our own reviews (held out, blind) showed the reader
ruling in that its texts rule out: a short question answered no ("Sad? Not quite.
Nostalgic."), someone else's view the review answers bare or with a correction
("Several trainers find it sinister. We don't", "may think it's a love song too. It is
about nerves, not love"), a mood wanted by those a track is "not one for" or who are
told to avoid it, and a quoted label someone else gives the music ('He says it's
"dreamy"', 'disputes the description of it as "melancholy"').  Every text here is our
own."""
from __future__ import annotations

import pytest

from models.language import tag_text

from .fixtures import moods_read

TRACKS = ("Lantern", "Copper Sky", "Iron Gate")


def signed(sentence: str) -> dict[str, float]:
    return {hit.phrase: hit.weight for hit in tag_text(sentence)}


def lantern(text: str) -> dict[str, float]:
    return moods_read(f'"Lantern" is a piano piece. {text}', *TRACKS).get("Lantern", {})


@pytest.mark.parametrize("text, mood", [
    ("Wistful, looking back. Sad? Not quite. Nostalgic.", "sad"),
    ("Just strings. Is it sad? Not really. It is calm.", "sad"),
    ("Romantic? Not really. Tender, though.", "romantic"),
])
def test_a_mood_question_answered_no_is_denied(text, mood):
    assert lantern(text).get(mood, 0) < 0.2


@pytest.mark.parametrize("text, mood", [
    ("Sad? Yes, very.", "sad"),
    ("Sad? Very.", "sad"),
    ("Romantic, though? Only this one is romantic.", "romantic"),
])
def test_a_mood_question_answered_otherwise_still_counts(text, mood):
    assert lantern(text)[mood] > 0.3


@pytest.mark.parametrize("sentence", ["It's sad, no?", "It is sad, no doubt."])
def test_a_tag_question_or_a_no_that_goes_on_keeps_the_mood(sentence):
    assert signed(sentence)["sad"] > 0


def test_a_long_question_answered_no_is_left_as_it_is():
    assert lantern("Was it the saddest thing on the whole record I heard? No.")["sad"] > 0.3


@pytest.mark.parametrize("text, mood", [
    ("Several trainers find it sinister. We don't: it's curious.", "eerie"),
    ("Some find it sinister. I don't.", "eerie"),
    ("Your husband may think it's a love song too. It is about nerves, not love.",
     "romantic"),
    ("Critics might call it bleak. It's a lullaby, not a dirge.", "sad"),
])
def test_someone_elses_view_the_review_answers_is_not_the_tracks(text, mood):
    assert lantern(text).get(mood, 0) < 0.2


@pytest.mark.parametrize("text, mood", [
    ("Several trainers find it sinister.", "eerie"),
    ("You might call it a love song. I would.", "romantic"),
    ("Some find it sinister. We do: it is chilling.", "eerie"),
])
def test_a_view_the_review_lets_stand_still_counts(text, mood):
    assert lantern(text)[mood] > 0.3


@pytest.mark.parametrize("sentence, word", [
    ("Not one for the punters who want excitement.", "excitement"),
    ("Never one for the crowd that needs excitement.", "excitement"),
    ("Avoid it if you need a thrill.", "thrill"),
    ("Skip this one if you want excitement; it is a lullaby.", "excitement"),
])
def test_a_mood_wanted_by_those_told_away_is_denied(sentence, word):
    assert signed(sentence)[word] < 0


@pytest.mark.parametrize("sentence, word", [
    ("One for the punters who want excitement.", "excitement"),
    ("Play it if you need a thrill.", "thrill"),
])
def test_a_mood_wanted_by_those_it_suits_still_counts(sentence, word):
    assert signed(sentence)[word] > 0


@pytest.mark.parametrize("text, mood", [
    ('He says it\'s "dreamy". There is nothing dreamy about it.', "dreamy"),
    ('The label disputes the description of it as "melancholy". It is serene.', "sad"),
    ('It shall not be described in promotional materials as "dreamy".', "dreamy"),
])
def test_a_quoted_label_someone_else_gives_is_not_the_tracks(text, mood):
    assert lantern(text).get(mood, 0) < 0.2


@pytest.mark.parametrize("text, mood", [
    ('My flatmate says it\'s "dreamy" which, fine, it is that too.', "dreamy"),
    ('My beta says it\'s "too scary to write to" but she\'s a coward.', "eerie"),
    ("He says it's dreamy and he is right.", "dreamy"),
])
def test_a_label_granted_or_not_quoted_alone_still_counts(text, mood):
    assert lantern(text)[mood] > 0.3
