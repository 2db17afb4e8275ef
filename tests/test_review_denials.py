"""Phrasings found by a fifth batch of reviews written blind (2026-11-27): a negation
past an aside, understatement, a mood named and then denied, a denied absence, words
quoted from a press sheet or a playlist's name, a title without its article, a heading
in brackets. Every text here is our own."""
from __future__ import annotations

import numpy as np
import pytest

from models.language import MOOD_INDEX, hits_vector, tag_text

from .fixtures import moods_read as moods
from .fixtures import strongest


def mood_of(text: str, mood: str) -> float:
    return float(hits_vector(tag_text(text))[MOOD_INDEX[mood]])


@pytest.mark.parametrize("text, mood", [
    ("it is not, whatever its title suggests, a party", "joyful"),
    ("it is never, to be fair, cheerful", "joyful"),
])
def test_a_negation_reaches_past_a_short_aside(text, mood):
    assert mood_of(text, mood) < 0


@pytest.mark.parametrize("text, mood, sign", [
    ("the record is about as cheerful as a tax audit", "joyful", -1),
    ("roughly as relaxing as a dentist's drill", "peaceful", -1),
    ("the closer was about as euphoric as film music got that year", "joyful", 1),
    ("it is about as tender as it gets", "tender", 1),
    ("it is as cheerful as a summer morning", "joyful", 1),
])
def test_about_as_x_as_something_is_understatement_unless_it_is_the_most(text, mood, sign):
    assert np.sign(mood_of(text, mood)) == sign


@pytest.mark.parametrize("text, mood", [
    ("Lull is many things, but relaxing is not one of them.", "peaceful"),
    ("Cheerful it is not.", "joyful"),
])
def test_a_mood_named_and_then_denied_counts_against(text, mood):
    assert mood_of(text, mood) < 0


def test_a_denial_that_goes_on_is_no_denial_of_the_mood_named():
    assert mood_of("the melancholy is not overdone", "sad") > 0
    assert mood_of("sad, it is not surprising that it closes the album", "sad") > 0


@pytest.mark.parametrize("text, mood", [
    ("it is not without hope", "hopeful"), ("there is no lack of menace", "tense"),
    ("never without a certain tenderness", "tender"),
])
def test_a_denied_absence_is_presence(text, mood):
    assert mood_of(text, mood) > 0
    assert mood_of(text.replace("not without", "without").replace("no lack", "a lack")
                   .replace("never without", "without"), mood) < 0


@pytest.mark.parametrize("text", [
    'a press sheet promising "songs of light and renewal"',
    'placed on a playlist called "Deep Relax: Sleep Sounds"',
    'the label claims "a joyful celebration of summer"',
    "the label claims \u201ca joyful celebration of summer\u201d",
])
def test_words_quoted_from_someone_else_are_theirs(text):
    quoted = text[min(text.find(q) % len(text) for q in '"\u201c'):]
    assert not [hit.phrase for hit in tag_text(text) if hit.phrase in quoted]


def test_a_closing_quote_after_a_title_that_ends_in_a_reporting_word_reports_nothing():
    """'"the 3 a.m. call" is where it gets nervy': "call" closes a quote, opens none."""
    assert mood_of('"the 3 a.m. call" is where it gets nervy, ticking and tense', "tense") > 0


def test_a_negation_does_not_reach_into_a_new_phrase_after_a_comma():
    text = "it made me homesick for a place I have never been, that faded old-photograph feeling"
    assert mood_of(text, "nostalgic") > 0
    assert mood_of("I have never been that sad", "sad") < 0
    assert mood_of("it is not, the director says, sad", "sad") < 0  # an aside, not a phrase


@pytest.mark.parametrize("phrase, mood", [
    ("strings that hold their breath and never exhale", "tense"),
    ("it brightens at the end like the sun coming up", "hopeful"),
    ("like a warm bath on a grey afternoon", "peaceful"),
    ("for four minutes nothing bad happens to anyone", "peaceful"),
    ("the piano finally climbs into a major key", "hopeful"),
    ("feels like being the last person awake in the entire city", "lonely"),
])
def test_images_of_calm_hope_and_suspense_are_read(phrase, mood):
    scores = hits_vector(tag_text(phrase))
    assert int(np.argmax(scores)) == MOOD_INDEX[mood]


def test_a_title_is_named_without_its_leading_article():
    found = moods("Lantern is mournful and forlorn, a slow lament. Nobody mentions Cold Field? "
                  "Pounding drums, furious, it never lets up.", "Lantern", "The Cold Field")
    assert strongest(found, "The Cold Field") in ("aggressive", "energetic")
    assert strongest(found, "Lantern") == "sad"
    assert found["Lantern"].get("aggressive", 0) < found["The Cold Field"]["aggressive"] / 2


def test_a_one_word_title_left_after_its_article_needs_more_than_the_word():
    found = moods("By the end, Field recordings of rain feel lonely and sad.",
                  "Lantern", "The Field")
    assert found.get("The Field", {}).get("lonely", 0) < 0.5


def test_a_heading_in_brackets_heads_its_section_even_when_a_label_line_follows():
    found = moods("Side by side, cue by cue.\n\nTidewater\nOriginal: giddy, cheerful and bouncy "
                  "all the way through.\n\nLantern (Level 4)\nOriginal: detuned pads, properly "
                  "eerie.\nDeluxe: still creepy, unsettling.\n\nThe verdict: buy both.\n",
                  "Lantern (Level 4)", "Tidewater")
    assert strongest(found, "Lantern (Level 4)") == "eerie"
    assert found["Lantern (Level 4)"]["eerie"] > 0.5  # its own lines, not the album's share
    assert strongest(found, "Tidewater") == "joyful"
    assert "eerie" not in found["Tidewater"]


def test_a_text_mostly_in_lower_case_ends_sentences_before_lower_case_words():
    """A Bandcamp comment: most sentences start in lower case, a few with a title's
    capital; "came in. then Copper Bells ..." was one sentence, and the title opening it
    ("Lantern opens it up ...") was never seen."""
    found = moods("been spinning this on repeat lol. the synths are so washy. no notes.\n\n"
                  "Lantern opens it up all hazy and floaty, dreamy. then Copper Bells is a "
                  "straight bop, giddy and bouncy. honestly so good. and Tidewater closes it, "
                  "tense and menacing. love it. buy it.")
    assert strongest(found, "Lantern") == "dreamy"
    assert strongest(found, "Copper Bells") in ("joyful", "playful")
    assert found["Copper Bells"].get("dreamy", 0) < 0.2


@pytest.mark.parametrize("text, mood", [
    ("Believe it or not, the closing track, hopeful and warm, was written in an afternoon.",
     "hopeful"),
    ("It's moody, if not, at times, downright sinister.", "tense"),
    ("The melancholy is not one-dimensional; it deepens with every listen.", "sad"),
    ("Joyful is not a word I use lightly, but it fits here.", "joyful"),
    ("Bleak isn't the word, it's pitch-black and utterly desolate.", "sad"),
    ("It's about as tender as anything they've recorded.", "tender"),
    ("The remix is roughly as dark as the original.", "sad"),
    ("The press release promises '80s synth-pop, and the result is genuinely joyful.",
     "joyful"),
    ("Billed as '70s soul revival, it is actually sweet and tender.", "tender"),
    ('I called it "the most joyful record of the year" back in March.', "joyful"),
    ("What I'd call \"joyful melancholy\", and I stand by it.", "joyful"),
])
def test_sincere_sentences_like_the_denials_keep_their_mood(text, mood):
    """Found by probing the rules above: the idiom "or not", "if not, at times"
    (emphasis), "not one-dimensional", "not a word I use lightly", sincere "about as X
    as anything", an elided '80s taken for a quote, and the reviewer's own quoted
    words."""
    assert mood_of(text, mood) > 0


@pytest.mark.parametrize("text, titles", [
    ("Just another day in the life of a touring band; the middle section is bleak.",
     ("Lantern", "A Day in the Life")),
    ("Other side of the coin: the second half is bleak and lonely.",
     ("Lantern", "The Other Side")),
])
def test_a_title_without_its_article_must_be_written_as_a_name(text, titles):
    found = moods(text, *titles)
    assert found[titles[1]] == found["Lantern"]  # the album's share alike, nothing its own


def test_lines_that_list_facts_stay_headings():
    found = moods("## Lantern\n\nGenre: ambient, drone.\n\nMournful and forlorn, a slow "
                  "lament.\n\n## Tidewater\n\nMenacing and tense.", "Lantern", "Tidewater")
    assert strongest(found, "Tidewater") == "tense"
    assert found["Tidewater"].get("peaceful", 0) < 0.1
