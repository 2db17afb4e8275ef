"""What the twenty-fifth batch of our own reviews showed the reader missing (2026-11-29).

Voices not yet in the set: a game site's list ("think a Sunday service held inside a
boiler room"), a music-theory exam's answers ("you would expect it to sound sinister. It
doesn't."), Instagram captions, a liner-notes draft with tracked changes. Every text
here is our own."""
from __future__ import annotations

import pytest

from models.language import find_mentions

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest

GAME = ("Foundry Hymn", "Sunday", "Autumn")


@pytest.mark.parametrize("sentence", [
    "It's solemn, think a Sunday service held inside a boiler room.",
    "There is an Autumn chill in the strings.",
])
def test_a_one_word_title_between_a_and_its_noun_is_the_common_word(sentence):
    assert find_mentions(sentence, list(GAME)) == []


@pytest.mark.parametrize("sentence", [
    "After that comes Sunday, a waltz.", 'It is a "Sunday" kind of cue.',
    "Then Autumn plays.",
])
def test_a_one_word_title_written_as_one_still_names_its_track(sentence):
    assert len(find_mentions(sentence, list(GAME))) == 1


def test_the_common_word_lends_its_sentence_to_no_track():
    text = ("Foundry Hymn is a slow processional. It's solemn rather than gloomy, think a "
            "Sunday service held inside a boiler room, and it still feels weirdly comforting."
            "\nSunday plays in the final arena. A lilting waltz, almost playful, eerie and sad.")
    found = moods(text, *GAME)
    assert found["Sunday"].get("tender", 0) < found["Sunday"]["eerie"]


@pytest.mark.parametrize("sentence", [
    "Mencken scores the fight with a lilting music-box waltz, almost playful.",
    "He scored the whole final battle with a lilting music-box waltz, almost playful.",
])
def test_the_scene_a_track_scores_is_not_its_mood(sentence):
    found = moods(f"Sunday plays in the last level. {sentence}", *GAME)
    assert strongest(found, "Sunday") == "playful"
    assert found["Sunday"].get("aggressive", 0) == 0


def test_a_fight_in_the_music_keeps_its_mood():
    found = moods("Sunday plays in the last level. The score is a fight: brass against "
                  "drums, aggressive.", *GAME)
    assert strongest(found, "Sunday") == "aggressive"


EXAM = ("Lydian Mist", "Devil's Interval", "Chorale")


@pytest.mark.parametrize("expectation", [
    "Given the tritones you would expect it to sound sinister. It doesn't.",
    "You'd expect \"Devil's Interval\" to be terrifying. It isn't.",
    "I expected something menacing.",
])
def test_what_someone_expected_of_a_track_is_not_its_mood(expectation):
    text = (f'"Devil\'s Interval" is built on the tritone. {expectation} A swung, jazzy '
            "bass line: mischievous and playful, almost a joke.")
    found = moods(text, *EXAM)
    got = found["Devil's Interval"]
    assert strongest(found, "Devil's Interval") == "playful"
    assert got.get("eerie", 0) == 0 and "tense" not in sorted(got, key=got.get)[-3:]


def test_what_a_track_is_as_expected_it_still_is():
    text = '"Devil\'s Interval" is exactly as sinister as you would expect. Low brass.'
    assert strongest(moods(text, *EXAM), "Devil's Interval") in ("eerie", "tense")


def test_nothing_exciting_to_expect_is_no_excitement():
    text = ("Chorale: gentle rhythm, a muted organ, it rocks you along. Don't expect anything "
            "exciting to happen.")
    found = moods(text, *EXAM)
    assert strongest(found, "Chorale") in ("peaceful", "tender")
    assert found["Chorale"].get("energetic", 0) == 0


def test_a_denial_takes_no_mood_a_tracks_own_words_affirm_outright():
    text = ("Chorale plays over the funeral. It is never once menacing. A lilting waltz, "
            "almost playful, and the whole thing feels eerie and sad.")
    found = moods(text, *EXAM)["Chorale"]
    assert "eerie" in sorted(found, key=found.get)[-2:]
    assert found.get("tense", 0) < found["eerie"]


def test_a_denied_main_mood_stays_denied():
    text = "Chorale is not sad. Later a sad cello enters, but the piece is calm and warm."
    found = moods(text, *EXAM)["Chorale"]
    assert max(found, key=found.get) != "sad"


ALBUM = ("Paper Crown", "no signal", "Tidepool")


@pytest.mark.parametrize("answer", [": it really doesn't", " - it doesn't", ". It isn't."])
def test_a_likeness_the_writer_answers_no_to_likens_nothing(answer):
    text = ('"no signal" is lonely. "Paper Crown" is tender. To everyone saying "Paper Crown" '
            f'sounds like "no signal"{answer}, one is heartbreak and one is a hug.')
    # the answer in a sentence of its own is beyond the likeness's sentence: left alone
    alike = {frozenset(("Paper Crown", "no signal"))} if answer.startswith(".") else set()
    assert pairs_read(text, *ALBUM) == alike


@pytest.mark.parametrize("after", [": it doesn't stop there, it builds", ", and it does"])
def test_a_likeness_not_answered_no_stands(after):
    text = f'"no signal" is lonely. "Paper Crown" sounds like "no signal"{after}.'
    assert pairs_read(text, *ALBUM) == {frozenset(("Paper Crown", "no signal"))}


DRAFT = ("Dust on the Horn", "Ama's Waltz", "Harmattan (Reprise)")


@pytest.mark.parametrize("struck", ["[deleted: angry, furious]", "~~angry, furious~~",
                                    "<del>angry, furious</del>"])
def test_what_a_draft_marks_deleted_is_not_said(struck):
    text = (f'"Dust on the Horn" opens the set. It is {struck} [inserted: restless], a '
            "searching, wandering solo that keeps asking questions.")
    found = moods(text, *DRAFT)["Dust on the Horn"]
    assert found.get("aggressive", 0) == 0 and found.get("tense", 0) > 0


def test_a_word_about_deleting_is_no_deletion():
    text = '"Dust on the Horn" was cut: angry, furious, a snarling solo.'
    assert strongest(moods(text, *DRAFT), "Dust on the Horn") == "aggressive"


def test_an_instrument_alone_is_a_solo_not_loneliness():
    found = moods('"Sunday" is restless and searching: the tenor alone for a full minute, '
                  'then the band crashes back in.', *GAME)
    assert "lonely" not in found["Sunday"] or \
        found["Sunday"]["lonely"] < 0.5 * max(found["Sunday"].values())
    found = moods('"Autumn" is a voice alone in an empty hall.', *GAME)
    assert strongest(found, "Autumn") == "lonely"
