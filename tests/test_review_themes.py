"""Phrasings found by a batch of real third-party score reviews read held out
(2026-11-27): a theme introduced on one cue and followed through others, sequel numbers
written the other way ("Sentinel 2" or "Part Two" for "Sentinel II" or "Pt. 2"),
"action-packed". The texts here are our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs
from .fixtures import strongest

INTRODUCED = ("The score's first theme is introduced on 'Lantern', a mournful, "
              "grieving piece for cello. ")


def test_tracks_a_theme_is_heard_on_again_carry_the_cue_that_introduced_it():
    text = INTRODUCED + ("This motif is heard again on 'Tidewater' and in a quieter variation "
                         "on 'The Cold Field'.")
    found = pairs(text)
    assert found == {frozenset({"Tidewater", "Lantern"}),
                     frozenset({"The Cold Field", "Lantern"})}
    assert strongest(moods(text), "Tidewater") == "sad"


@pytest.mark.parametrize("opening", ["'Lantern' introduces the love theme, mournful and "
                                     "grieving. ",
                                     "A theme first heard on 'Lantern' is mournful. "])
def test_the_cue_that_introduces_a_theme_can_come_before_or_after_the_words(opening):
    found = pairs(opening + "The same melody returns in 'Morning Ferry'.")
    assert found == {frozenset({"Morning Ferry", "Lantern"})}


def test_it_right_after_the_introduction_is_the_theme():
    found = pairs(INTRODUCED + "But it gets a fuller treatment on 'Copper Bells'.")
    assert found == {frozenset({"Copper Bells", "Lantern"})}


def test_it_two_sentences_later_is_no_longer_the_theme():
    found = pairs(INTRODUCED + "The film is long. But it gets better on 'Copper Bells'.")
    assert not found


@pytest.mark.parametrize("text", [
    "This motif is heard on 'Tidewater'.",  # no theme introduced
    INTRODUCED + "\n\nThis motif is heard on 'Tidewater'.",  # a new paragraph
    INTRODUCED + "This motif never appears on 'Tidewater'.",
    INTRODUCED + "'Tidewater' is loud and brash.",
])
def test_no_theme_carried_without_an_introduction_in_the_paragraph_or_when_denied(text):
    assert frozenset({"Tidewater", "Lantern"}) not in pairs(text)


@pytest.mark.parametrize("title, written", [("Sentinel II", "Sentinel 2"),
                                            ("Part 3: Embers", "Part III: Embers"),
                                            ("Boss Theme XII", "Boss Theme 12"),
                                            ("Sentinel, Pt. 2", "Sentinel Part II"),
                                            ("Sentinel Part II", "Sentinel, Pt. 2"),
                                            ("Sentinel, Part 2", "Sentinel Part Two")])
def test_a_sequel_number_written_the_other_way_names_the_track(title, written):
    found = moods(f"Next, {written} is frantic and menacing.", "Sentinel I", title, "Harbour")
    def tense(name: str) -> float:
        return found.get(name, {}).get("tense", 0.0)
    assert tense(title) > 2 * tense("Harbour")  # the text does not name Harbour
    assert tense("Sentinel I") == tense("Harbour")


def test_a_title_that_is_only_a_number_is_not_every_number_in_the_text():
    found = moods("Next, the 2 minutes of 'Harbour' are frantic.", "II", "Harbour", "Quay")
    def tense(name: str) -> float:
        return found.get(name, {}).get("tense", 0.0)
    assert tense("II") == tense("Quay") < tense("Harbour")


@pytest.mark.parametrize("said, mood", [("action-packed", "energetic"),
                                        ("the score's big action cue", "energetic"),
                                        ("hilarious", "playful")])
def test_words_of_action_and_comedy(said, mood):
    found = moods(f"'Tidewater' is {said}.")
    assert strongest(found, "Tidewater") == mood


def test_the_sentence_that_introduces_a_theme_can_follow_it_to_another_cue():
    found = pairs("The main theme, a mournful march first heard over 'Lantern', comes back in "
                  "fragments before receiving a full treatment over 'Morning Ferry'.")
    assert found == {frozenset({"Morning Ferry", "Lantern"})}


def test_a_track_containing_elements_of_another_is_compared_with_it():
    assert pairs("'Tidewater' contains elements of 'Lantern'.") == \
        {frozenset({"Tidewater", "Lantern"})}
    assert not pairs("'Tidewater' contains none of 'Lantern'.")


def test_words_before_a_clause_that_names_the_next_track_stay_with_the_first():
    found = moods("'Lantern' is the opening cue with its mournful grieving strings before "
                  "'Copper Bells' rumbles forward.")
    assert strongest(found, "Lantern") == "sad"
    assert found.get("Copper Bells", {}).get("sad", 0) < found["Lantern"]["sad"] / 2


THEN_MOURNFUL = "The main theme is first heard on 'Lantern', mournful and grieving. "


@pytest.mark.parametrize("text", [
    "'Lantern' introduces the main theme, mournful. 'Tidewater' lacks that motif, joyful.",
    "'Lantern' introduces the theme, mournful. Critics who praise this melody overlook "
    "'Copper Bells'.",
    "'Lantern' introduces the theme, mournful. I wish this melody had returned, because "
    "'Tidewater' is bland and cheerful.",
    THEN_MOURNFUL + "It gets a vinyl release in May, with 'Tidewater' as a joyful bonus.",
    THEN_MOURNFUL + "It is heard during the funeral, while 'Tidewater' plays over the wedding.",
    THEN_MOURNFUL + "That theme of survival drives 'Tidewater'.",
    "A motif introduced on 'Lantern' is grieving; the composer's treatment of percussion on "
    "'Tidewater' is pounding.",
    "'Tidewater' has hints of jazz while 'Lantern' is pure, sad folk.",
    "'Tidewater' contains elements of surprise when 'Lantern' crashes in.",
])
def test_a_theme_or_its_elements_mentioned_in_passing_link_nothing(text):
    assert not pairs(text)


def test_this_theme_is_the_one_introduced_last():
    found = pairs("'Lantern' introduces the theme, tender and sad, while 'Tidewater' introduces "
                  "the second theme, menacing. This theme returns in 'The Cold Field'.")
    assert found == {frozenset({"The Cold Field", "Tidewater"})}
    assert not pairs("'Lantern' introduces the love theme, tender. 'Copper Bells' brings in a "
                     "menacing villain motif. This motif dominates 'The Cold Field'.")


def test_a_clause_word_inside_a_compound_ends_nothing():
    found = moods("'Lantern' opens; the sad then-single 'Tidewater' follows.")
    assert strongest(found, "Tidewater") == "sad" and "Lantern" not in found


def test_action_in_another_sense_is_no_mood():
    found = moods("'Lantern' is a sad song about a soldier missing in action.")
    assert "energetic" not in found["Lantern"] and "tense" not in found["Lantern"]


def test_the_one_cue_named_with_the_main_theme_is_where_it_is_stated():
    found = pairs("The main theme is hard to miss: it rings out from the first cue, 'Lantern'. "
                  "The catchy main theme is repeated in cues like 'Tidewater' and "
                  "'Copper Bells'.")
    assert found == {frozenset({"Tidewater", "Lantern"}), frozenset({"Copper Bells", "Lantern"})}
    assert not pairs("The main theme is missing from 'Lantern'. The catchy main theme is "
                     "repeated in 'Tidewater'.")


def test_a_cue_reprised_in_another_is_compared_and_a_third_keeps_its_words():
    text = ("'Lantern' is mournful and grieving. 'Lantern' is briefly reprised at the start of "
            "'Tidewater', before 'Morning Ferry' ends things on a calm, peaceful note.")
    assert pairs(text) == {frozenset({"Tidewater", "Lantern"})}
    assert strongest(moods(text), "Morning Ferry") == "peaceful"


def test_only_a_treatment_carries_the_theme_within_its_sentence():
    """Found by a review: any later "comes back" or "returns" linked the track after it."""
    assert not pairs(INTRODUCED.rstrip(". ") + ", and the orchestra comes back with "
                     "'Tidewater', bright and joyful.")


def test_a_second_theme_in_a_sentence_naming_no_track_makes_this_theme_unclear():
    assert not pairs(INTRODUCED + "A second theme, for the villain, is brassy and menacing. "
                     "This theme is heard again on 'Tidewater'.")


def test_a_track_measured_against_the_main_theme_does_not_state_it():
    assert not pairs("'Tidewater' is a joyful jig, livelier than the main theme. Later, "
                     "'Lantern' carries the main theme in a mournful, grieving cello line.")
