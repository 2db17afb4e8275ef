"""Misses of our own labelled set that general rules now read (2026-11-29).

A time-stamped log's notes each open an entry ("07:15 Nothing for half an hour.
Spoonbill is the album's oddball"); a one-word title said to hold a place in the work
("is the album's oddball") is a track; the work's name likened to, after the review
called it the title track, is that track; a motif named by its mood that the sentence
turns into another ("but in a major key, warm and hopeful") lends no mood by its name;
what a contrasted title is said to have ("with none of Lowland's loneliness") is that
title's, not the subject's.  Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
WITH_TITLE_TRACK = ("Salt Roads", "Lowland", "Copper Sky", "Sleepwalker")


def top3(found: dict[str, float]) -> list[str]:
    """The three moods a track's reading scores highest."""
    return sorted(found, key=found.get, reverse=True)[:3]


@pytest.mark.parametrize("stamp", ["07:15", "7:15am", "[07:15]", "07:15:30"])
@pytest.mark.parametrize("note", [
    "Sleepwalker plays in my left ear only. A bright, cheerful, skipping melody.",
    "Sleepwalker is the album's oddball, a bright, cheerful, skipping melody.",
])
def test_a_one_word_title_opening_a_later_note_of_a_log_line_is_the_track(stamp, note):
    text = f"06:10 Arrive. Put on Lowland, calm and peaceful.\n{stamp} Nothing yet. {note}"
    assert "joyful" in top3(moods(text, *TRACKS).get("Sleepwalker", {}))


@pytest.mark.parametrize("text", [
    # one time stamp is no log: the note is an ordinary second sentence
    "Lowland is calm and peaceful.\n07:15 Nothing yet. Sleepwalker plays in my left ear "
    "only. A bright, cheerful, skipping melody.",
    # no time at all
    "Lowland is calm and peaceful. Nothing yet. Sleepwalker plays in my left ear only. "
    "A bright, cheerful, skipping melody.",
])
def test_outside_a_log_a_later_sentence_needs_more_to_open_with_a_title(text):
    assert "Sleepwalker" not in moods(text, *TRACKS)


@pytest.mark.parametrize("opening", [
    "Sleepwalker is the album's oddball; I found it curious rather than relaxing.",
    "Sleepwalker was the record's big surprise; I found it curious rather than relaxing.",
])
def test_a_one_word_title_given_a_role_in_the_work_is_the_track(opening):
    text = f"06:10 Put on Lowland, calm and peaceful.\n07:15 Nothing yet. {opening}"
    assert top3(moods(text, *TRACKS)["Sleepwalker"])[:1] == ["curious"]


@pytest.mark.parametrize("opening", [
    "Time is the album's central theme, and it is sad and lonely throughout.",
    "Time is the record's real subject, and it is sad and lonely throughout.",
])
def test_a_word_the_work_is_about_names_no_track(opening):
    text = f"06:10 Put on Lowland, calm and peaceful.\n07:15 Nothing yet. {opening}"
    found = moods(text, "Time", *TRACKS)
    assert found.get("Time") == found.get("Copper Sky")  # no more than any other track


@pytest.mark.parametrize("text", [
    "Put on Salt Roads, the title track: slow and peaceful. "
    "Lowland is basically Salt Roads with a heartbeat.",
    "The title track is slow and peaceful. Lowland sounds like Salt Roads, only faster.",
    "'Salt Roads' opens the record, slow and peaceful. "
    "Lowland is reminiscent of Salt Roads in its drones.",
])
def test_the_works_name_likened_to_after_it_was_called_a_track_is_the_title_track(text):
    assert pairs(text, *WITH_TITLE_TRACK) == {frozenset(("Lowland", "Salt Roads"))}


@pytest.mark.parametrize("text", [
    # never called a track: the name is the album's
    "Salt Roads is a calm album. Lowland is basically Salt Roads in miniature.",
    # called a track, but no likeness: the best thing on the album
    "Put on Salt Roads, the title track: slow and peaceful. "
    "Lowland is the best thing on Salt Roads.",
])
def test_the_works_name_elsewhere_is_no_title_track(text):
    assert not pairs(text, *WITH_TITLE_TRACK)


INTRO = "Lowland introduces the grief motif, slow and sad. "


@pytest.mark.parametrize("turn", [
    "In Copper Sky the grief motif returns, but in a major key, warm and hopeful.",
    "In Copper Sky the grief motif returns, now warm and hopeful.",
    "In Copper Sky the grief motif comes back transformed, warm and hopeful.",
    "In Copper Sky the grief motif returns, turned warm and hopeful.",
    "In Copper Sky the grief motif returns, no longer bleak: warm and hopeful.",
    "In Copper Sky the grief motif returns and becomes warm and hopeful.",
])
def test_a_motif_the_sentence_turns_takes_the_mood_of_its_new_words(turn):
    found = moods(INTRO + turn, *TRACKS)["Copper Sky"]
    assert top3(found)[0] == "hopeful"


@pytest.mark.parametrize("again", [
    "In Copper Sky the grief motif returns, but only briefly.",
    "In Copper Sky the grief motif returns, heavier than ever.",
    "In Copper Sky the grief motif returns, and the tide turned against the village.",
])
def test_a_motif_returning_unchanged_keeps_the_mood_of_its_name(again):
    assert "sad" in top3(moods(INTRO + again, *TRACKS)["Copper Sky"])


@pytest.mark.parametrize("text", [
    "Copper Sky is a hazy, dreamy synth piece with none of Lowland's loneliness.",
    "Copper Sky is a hazy, dreamy synth piece with none of 'Lowland''s loneliness.",
    "Copper Sky is hazy and dreamy, far from Lowland's lonely sorrow.",
    "Copper Sky is hazy and dreamy, nothing like Lowland's lonely ache.",
])
def test_what_a_contrasted_title_has_is_not_the_subjects(text):
    found = moods(text, *TRACKS)["Copper Sky"]
    assert "dreamy" in top3(found) and "lonely" not in found and "sad" not in found


@pytest.mark.parametrize("text", [
    # past the possessed phrase's clause, the words are the subject's again
    "Copper Sky is dreamy, with none of Lowland's polish, and lonely as the sea.",
    # no possessive: what follows the contrasted title goes back to the subject
    "Copper Sky is nothing like Lowland, lonely and sad.",
])
def test_words_after_a_contrasted_title_beyond_its_possession_stay_the_subjects(text):
    assert "lonely" in top3(moods(text, *TRACKS)["Copper Sky"])


SOURCE = "Lowland is slow, sad and mournful. "


@pytest.mark.parametrize("taken", [
    "Copper Sky recalls the material of the opening track, but reharmonised in the major, "
    "consoling and hopeful.",
    "Copper Sky reprises the melody of the first track, in a major key this time, "
    "consoling and hopeful.",
    "Copper Sky takes up the main theme of the opening track, now consoling and hopeful.",
])
def test_words_after_the_track_whose_material_is_taken_up_are_the_takers(taken):
    found = moods(SOURCE + taken, *TRACKS)
    assert top3(found["Copper Sky"])[0] == "hopeful"
    assert "hopeful" not in found["Lowland"]


def test_words_that_describe_the_track_whose_material_is_taken_up_stay_its_own():
    text = "Copper Sky is calm. Iron Gate recalls the material of Lowland, which is sad."
    found = moods(text, *TRACKS)
    assert "sad" in top3(found["Lowland"])


@pytest.mark.parametrize("turn", [
    'Copper Sky brings the "Lowland" melody back, this time on warm strings, '
    "and it is hopeful and tender at last.",
    "Copper Sky reprises Lowland, now warm, hopeful and tender.",
    "Copper Sky echoes Lowland, this time hopeful and tender.",
])
def test_what_is_new_in_a_likeness_is_the_subjects_alone(turn):
    found = moods(SOURCE + turn, *TRACKS)
    assert "hopeful" in top3(found["Copper Sky"])
    assert "hopeful" not in found["Lowland"] and "tender" not in found["Lowland"]


@pytest.mark.parametrize("shared", [
    "Copper Sky echoes Lowland, hopeful and tender.",
    "Copper Sky reprises Lowland: both hopeful and tender.",
])
def test_what_a_likeness_says_without_a_turn_is_both_tracks(shared):
    found = moods(SOURCE + shared, *TRACKS)
    assert "hopeful" in found["Lowland"] and "hopeful" in found["Copper Sky"]
