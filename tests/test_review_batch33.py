"""What the thirty-third batch of our own reviews showed the reader missing (2026-11-29).

Voices not yet in the set: an in-flight audio guide, a tattoo studio's playlist notes, an
ESL reading exercise with quiz questions, a composer's grant application, a birdwatcher's
field notes, an escape-room audio brief, an estate agent's staging notes and a peer
reviewer's report.  What someone else claims, says or is asked to judge is not the
review's own view once the review answers it; a one-word title opening a paragraph is
the track before more of what music does ("slows", "states", "does not bring back").
Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
PAIR = frozenset(("Lowland", "Copper Sky"))


def top3(found: dict[str, float]) -> list[str]:
    """The three moods a track's reading scores highest."""
    return sorted(found, key=found.get, reverse=True)[:3]


@pytest.mark.parametrize("text", [
    'The authors claim that "Copper Sky" reprises "Lowland". It does not.',
    "Dana insists that Copper Sky reprises Lowland, but I can't hear it.",
    'According to the sleeve notes, "Copper Sky" reprises "Lowland".',
    "The label argued that Copper Sky reprises Lowland.",
])
def test_a_likeness_someone_else_claims_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    '"Copper Sky" reprises "Lowland".',
    "I'd argue that Copper Sky reprises Lowland.",
    "We maintain that Copper Sky reprises Lowland, whatever the label says.",
])
def test_a_likeness_the_review_itself_claims_still_links(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("answer", [
    "My brother says it is a very sad song, but I don't agree.",
    "My brother says it is a very sad song. I disagree.",
    "My brother says it is a very sad song, but we do not agree.",
])
def test_a_report_the_review_disagrees_with_is_not_its_mood(answer):
    found = moods(f"Copper Sky is calm and dreamy. {answer}", *TRACKS)["Copper Sky"]
    assert "peaceful" in found and "sad" not in found


def test_a_quoted_title_someone_calls_something_the_review_cannot_hear():
    text = 'The authors call "Copper Sky" melancholic. I cannot hear this. It is bright.'
    assert "sad" not in top3(moods(text, *TRACKS)["Copper Sky"])
    kept = 'The authors call "Copper Sky" melancholic, and they are right.'
    assert "sad" in top3(moods(kept, *TRACKS)["Copper Sky"])  # no answer: the view stands


def test_a_report_the_review_lets_stand_still_counts():
    found = moods("Copper Sky is calm. My brother says it is a very sad song.", *TRACKS)
    assert "sad" in found["Copper Sky"]


@pytest.mark.parametrize("quiz", [
    "True or false: Kenji thinks 'Copper Sky' is a sad song.",
    "2. True or false: 'Copper Sky' is a sad song.",
    "Agree or disagree: Copper Sky is a sad song?",
    "Right or wrong - 'Copper Sky' is a sad song.",
])
def test_a_statement_put_to_the_reader_is_no_mood(quiz):
    text = f"'Copper Sky' is calm and dreamy.\n\nQuestions\n\n{quiz}"
    assert "sad" not in moods(text, *TRACKS)["Copper Sky"]


@pytest.mark.parametrize("text", [
    "It's true: 'Copper Sky' is a sad song.",
    "True, 'Copper Sky' is a sad song.",
    "'Copper Sky' is a sad song, true or false? True.",
])
def test_a_statement_merely_near_those_words_is_still_said(text):
    assert "sad" in moods(text, *TRACKS)["Copper Sky"]


@pytest.mark.parametrize("text", [
    "Lowland slows things right down: calm and peaceful.",
    "Lowland states the main theme properly, calm and peaceful.",
    "Lowland does not bring back the old theme. It is calm and peaceful.",
    "Lowland doesn't build at all, just calm and peaceful.",
])
def test_a_one_word_title_opening_a_paragraph_before_what_music_does(text):
    found = moods(f"A record review.\n\n{text}", *TRACKS)
    assert found["Lowland"]["peaceful"] > found.get("Copper Sky", {}).get("peaceful", 0.0)


@pytest.mark.parametrize("text", [
    "Time does not heal, the singer insists, over calm and peaceful guitars.",
    "Time doesn't matter much when the guitars are this calm and peaceful.",
    "Time does not stand still, even in calm and peaceful company.",
])
def test_a_common_word_opening_with_does_not_is_no_title(text):
    found = moods(f"A record review.\n\n{text}", "Time", "Copper Sky")
    assert found.get("Time") == found.get("Copper Sky")  # the album's share alike


@pytest.mark.parametrize("line", [
    "Sample 1: 'Copper Sky' (2:54).",
    'Work sample 2: "Copper Sky" (3:10)',
    "Cue 4: Copper Sky (1:05:12).",
])
def test_a_label_s_one_title_with_its_running_time_heads_what_follows(line):
    found = moods(f"{line} It is the saddest music I have written.\n\nMore soon.", *TRACKS)
    assert found["Copper Sky"]["sad"] > found.get("Lowland", {}).get("sad", 0.0)


def test_a_label_with_a_running_time_and_no_title_names_no_track():
    found = moods("Sample 1: (2:54). It is the saddest music I have written.", *TRACKS)
    assert len({str(v) for v in found.values()}) == 1  # the album's share, alike


@pytest.mark.parametrize("denied", [
    "It does not bring back the grief motif.",
    "It doesn't bring back the grief motif at all.",
    "It never returns to the sadness of the opening.",
    "It does not go back to the film's sadness.",
])
def test_a_feeling_a_track_does_not_bring_back_is_not_its_mood(denied):
    found = moods(f"Copper Sky is busy and curious. {denied}", *TRACKS)["Copper Sky"]
    assert "curious" in top3(found) and "sad" not in top3(found)


@pytest.mark.parametrize("kept", [
    "It brings back the grief motif.",
    "It finally returns to the sadness of the opening.",
    "It does not bring the grief motif back to life; it stays sad and slow.",
])
def test_a_return_not_denied_keeps_its_mood(kept):
    found = moods(f"Copper Sky is busy and curious. {kept}", *TRACKS)["Copper Sky"]
    assert "sad" in top3(found)


@pytest.mark.parametrize("text", [
    "Iron Gate sounds like a Lowland outtake, same warmth, just sleepier.",
    "Iron Gate could pass for a Lowland remix: same warmth, sleepier.",
    "Iron Gate sounds like a Lowland demo, same warmth, sleepier.",
])
def test_a_one_word_title_before_a_kind_of_recording_is_the_track(text):
    assert pairs(text, *TRACKS) == {frozenset(("Iron Gate", "Lowland"))}


@pytest.mark.parametrize("text", [
    "Iron Gate sounds like a Lowland service, same warmth, just sleepier.",
    "Iron Gate sounds like a Lowland chill, same warmth, just sleepier.",
])
def test_a_one_word_title_before_any_other_noun_is_still_the_common_word(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Lowland is Copper Sky in reverse: the same tune, slowed until it falls apart.",
    "Fail state: Lowland. It is Copper Sky in reverse, more or less: the same tune.",
    "Lowland is Copper Sky backwards, sad and slow.",
    "Lowland is Copper Sky upside down, sad and slow.",
])
def test_a_track_that_is_another_in_reverse_is_likened_to_it(text):
    assert pairs(text, *TRACKS) == {PAIR}


def test_titles_in_reverse_order_are_no_likeness():
    assert not pairs("Lowland is Copper Sky in reverse order, on side B.", *TRACKS)


@pytest.mark.parametrize("complaint", [
    "My mother says it is too sad.",
    "Priya says Copper Sky is far too sad for a viewing.",
    "Passengers have written to tell us that Copper Sky is too sad for a flight.",
    "The owner keeps saying it's way too sad for the lobby.",
])
def test_someone_else_s_complaint_of_too_much_is_not_the_review_s_mood(complaint):
    found = moods(f"Copper Sky is bright and playful. {complaint}", *TRACKS)["Copper Sky"]
    assert "playful" in top3(found) and "sad" not in top3(found)


@pytest.mark.parametrize("taken_up", [
    "I think it is too sad for a flight.",
    "My mother says it is too sad, and she's right.",
    "The staff said it was too sad, so I was happy.",
    "Dad finds it too sad. I agree.",
])
def test_a_complaint_the_review_makes_or_takes_up_still_counts(taken_up):
    found = moods(f"Copper Sky is bright and playful. {taken_up}", *TRACKS)["Copper Sky"]
    assert "sad" in top3(found)
