"""What the rules of test_review_formats.py must not break, found by a second review
of the reading: people's names, quoted words, the album's own name, story words,
another track's description in a one-track review, inline tags, absence across a
clause, apostrophes, "like" lists, label lines, noun phrases, "not as ... as". Every
text here is our own."""
from __future__ import annotations

import pytest

from models.language import MOOD_INDEX, hits_vector, tag_text

from .fixtures import moods_read as moods
from .fixtures import strongest


def test_people_and_quoted_words_do_not_stop_a_sentence_about_the_track():
    found = moods('"Tidewater" drifts in on hazy synths. Owen Pallett, who arranged the '
                  'strings, makes it ache with longing and loneliness. A critic called it '
                  '"Relentless", and it is indeed mournful.', "Tidewater", "Lantern")
    assert set(found) == {"Tidewater"} and strongest(found, "Tidewater") in {"lonely", "sad"}
    album = moods('"Salt Roads" is a bleak, lonely record from start to finish.', "Lantern",
                  "Tidewater")
    assert set(album) == {"Lantern", "Tidewater"}  # the album's own name, quoted


def test_a_story_word_does_not_drop_a_sentence_about_the_track():
    found = moods('"Lantern" opens quietly. The lonely atmosphere it invokes is enough to '
                  "tell a story.", "Lantern", "Tidewater")
    assert set(found) == {"Lantern"} and strongest(found, "Lantern") == "lonely"


def test_a_one_track_review_leaves_another_tracks_description_to_it():
    found = moods('Tidewater is a gloomy, mournful piece. By contrast, the next track, '
                  '"Lantern", is warm, tender and joyful.', track="Tidewater")
    assert strongest(found, "Tidewater") == "sad" and strongest(found, "Lantern") == "tender"
    assert found["Tidewater"].get("tender", 0) == 0


def test_inline_tags_in_a_plain_text_keep_its_lines():
    from models.ingest import plain_text

    text = "A review of <i>Salt Roads</i> &amp; more.\n\nLantern: mournful.\nTidewater: tense."
    assert plain_text(text) == "A review of Salt Roads & more.\n\nLantern: mournful.\n" \
                               "Tidewater: tense."


@pytest.mark.parametrize("phrase, mood", [
    ("Without any drums, it feels calm and tender.", "peaceful"),
    ("Free of clutter, it is calm.", "peaceful"),
    ("Without question the most haunting cue.", "eerie"),
])
def test_absence_stops_at_its_clause_and_idioms(phrase, mood):
    assert hits_vector(tag_text(phrase))[MOOD_INDEX[mood]] > 0


def test_apostrophes_are_no_quotes_around_a_title():
    found = moods("Reyes' voice on Lantern is warm and tender, and \"Tidewater\" is mournful. "
                  "The band's '90s influences surface on Copper Bells, which is tense.")
    assert strongest(found, "Lantern") == "tender" and strongest(found, "Tidewater") == "sad"
    assert strongest(found, "Copper Bells") == "tense"


def test_a_like_list_shares_its_description():
    found = moods('Songs like "Tidewater", "Lantern", and "Copper Bells" are all mournful.')
    assert {"Tidewater", "Lantern", "Copper Bells"} <= set(found)


def test_labels_that_are_not_a_tracks_line():
    found = moods('## Tidewater\n\nMournful and forlorn.\n\n## Lantern\n\nWarm and tender.\n\n'
                  'Verdict: a giddy, cheerful record overall.')
    assert strongest(found, "Lantern") == "tender"  # the verdict is the album's
    assert {"Copper Bells", "The Cold Field"} <= set(found)
    carried = moods('"Tidewater" is the centrepiece.\nHighlight: its lonely, fragile coda.')
    assert set(carried) == {"Tidewater"}
    timed = moods("Lantern: 48 minutes of bleak, wintry ambience.\n\n\"Tidewater\" is tense.")
    assert "Lantern" not in timed or strongest(timed, "Lantern") != "sad"
    listed = moods("1. Lantern (1:45) \u2013 mournful and forlorn.\n"
                   "2. Tidewater (4:02) \u2013 menacing and tense.")
    assert strongest(listed, "Lantern") == "sad" and strongest(listed, "Tidewater") == "tense"


def test_a_one_word_title_before_a_noun_phrase_is_not_named():
    found = moods("This record has a theme.\n\nLantern is a word that keeps coming up, and "
                  "the mood is anxious throughout.")
    assert len({round(max(v.values()), 6) for v in found.values()}) == 1  # album-level only


def test_not_as_sad_as_keeps_the_rest_for_the_subject():
    found = moods('"Lantern" is not as menacing as "Tidewater", but it is still mournful. '
                  "The rest feels giddy.", "Lantern", "Tidewater", "Copper Bells")
    assert strongest(found, "Lantern") == "sad"
    assert found.get("Tidewater", {}).get("sad", 0) == 0
    assert found["Lantern"].get("joyful", 0) < found["Lantern"]["sad"]


@pytest.mark.parametrize("sentence", [
    "Time signatures shift constantly across the score, tense and menacing.",
    "Time changes keep the rhythm tense and menacing.",
    "Time is what this whole score is about, tense and menacing.",
    "Time signatures constantly shift across the score, tense and menacing.",
])
def test_a_title_word_opening_a_noun_phrase_or_a_definition_names_no_track(sentence):
    found = moods("Salt Roads is a long record. " + sentence, "Time", "Lantern")
    assert found["Time"] == found["Lantern"]  # the album's share, the same for both


@pytest.mark.parametrize("sentence", [
    "Time builds slowly in the score, tense and menacing.",
    "Time swells into a tense, menacing wall of strings.",
    "Time drifts, tense and menacing, through the score.",
    "Time layers tense strings over a menacing drone.",
    "Time grows tense and menacing as the strings climb.",
    "Time seems tense and menacing, the piano barely moving.",
    "Time lingers long after the record ends, tense and menacing.",
])
def test_a_title_opening_a_sentence_with_a_verb_is_still_read(sentence):
    found = moods('"Lantern" is warm and tender. ' + sentence, "Time", "Lantern")
    assert strongest(found, "Time") == "tense" and found["Lantern"].get("tense", 0) == 0


def test_after_a_named_track_a_title_with_a_describing_verb_is_the_next_track():
    found = moods('For the eerie moments, try "Lantern". Home is perfect for quiet, calm '
                  "and tender scenes.", "Home", "Lantern")
    assert strongest(found, "Home") == "peaceful"
    assert found["Lantern"].get("peaceful", 0) == 0  # no longer carried to Lantern
    plain = moods('For the eerie moments, try "Lantern". Home is a place, calm and '
                  "tender.", "Home", "Lantern")
    assert "Home" not in plain  # "is a ...": the word, not the track


@pytest.mark.parametrize("sentence", [
    "Time is running out in a tense, menacing finale.",
    "Time keeps slipping away, and everything turns tense and menacing.",
    "Time is never on our side, and the mood turns tense and menacing.",
])
def test_after_a_named_track_an_ordinary_sentence_stays_ordinary(sentence):
    found = moods('"Lantern" is warm and tender. ' + sentence, "Time", "Lantern")
    assert "Time" not in found


def test_a_title_found_opening_a_sentence_counts_as_the_track_named_before():
    found = moods("Salt Roads is a long record. Embers closes the score on a gloomy note. "
                  "Home is tender and calm throughout.", "Home", "Embers", "Lantern")
    assert strongest(found, "Home") in {"tender", "peaceful"}
    assert found["Embers"].get("tender", 0) < found["Home"]["tender"]


@pytest.mark.parametrize("heading", [
    "Side B - it only grows gloomier from here",
    "Bonus - the track nobody asked for, gloomy and dull",
    "Part 2 - It gets darker, gloomy and menacing",
])
def test_a_dashed_heading_ends_the_section_of_the_track_before(heading):
    found = moods(f"Lantern\nCalm and tender piano throughout.\n\n{heading}\n\nTidewater\n"
                  "Tense.", "Lantern", "Tidewater")
    assert strongest(found, "Lantern") in {"tender", "peaceful"}
    assert found["Lantern"].get("sad", 0) < 0.3


@pytest.mark.parametrize("text", [
    "i love how the score drives the theme home with tender strings.",
    "i could play the title song time after time, it's so joyful.",
    "the main tune time and again turns menacing and tense.",
])
def test_idioms_after_song_or_theme_name_no_track_in_a_review_without_capitals(text):
    found = moods(text, "Home", "Time", "Lantern")
    assert not found or (len(found) == 3 and found["Home"] == found["Time"] == found["Lantern"])


def test_capitals_elsewhere_in_the_review_keep_lower_case_words_plain():
    found = moods("Great record overall. the song time drags, gloomy and slow.", "Time",
                  "Lantern")
    assert found.get("Time") == found.get("Lantern")


@pytest.mark.parametrize("second", ["It is glacial and lonely.",
                                    "The tempo is glacial and lonely."])
def test_a_title_of_stopwords_is_not_the_first_word_of_any_sentence(second):
    """Titles "It" and "The" took the sentences they opened from the track before."""
    found = moods('"Lantern" is the best thing here. ' + second, "Lantern", "It", "The")
    assert set(found) == {"Lantern"} and strongest(found, "Lantern") == "lonely"


@pytest.mark.parametrize("sentence", [
    "The music for Glass Orchard is tense and menacing.",
    "Like Blade Runner before it, the score is tense and menacing.",
    "Run, don't walk, to hear this tense and menacing record.",
])
def test_a_title_word_inside_a_longer_name_or_an_idiom_names_no_track(sentence):
    found = moods(sentence, "Glass", "Orchard", "Blade", "Run", "Lantern")
    assert len({str(sorted(m.items())) for m in found.values()}) == 1  # the album's share
    assert set(found) == {"Glass", "Orchard", "Blade", "Run", "Lantern"}


@pytest.mark.parametrize("second", [
    "It is slow and gloomy before giving way to the playful \"Tidewater\".",
    "Its gloomy, lonely piano segues into \"Tidewater\".",
])
def test_a_sentence_referring_back_keeps_its_words_before_the_next_title(second):
    """All of "It is slow and gloomy before ... 'Tidewater'" went to Tidewater."""
    found = moods('"Lantern" opens the record. ' + second, "Lantern", "Tidewater")
    assert strongest(found, "Lantern") in {"sad", "lonely"}
    assert found.get("Tidewater", {}).get("sad", 0) == 0


@pytest.mark.parametrize("verdict", [
    "Verdict: a warm, tender score that rewards a full listen from start to finish.",
    "A warm, tender score that rewards a full listen.",
])
def test_a_closing_verdict_after_sections_is_the_albums(verdict):
    """The verdict went to the last section's track alone."""
    found = moods('## Lantern\n\n"Lantern" is eerie and tense.\n\n## Tidewater\n\n'
                  '"Tidewater" is playful and bright.\n\n' + verdict, "Lantern", "Tidewater")
    lantern, tidewater = found["Lantern"].get("tender", 0), found["Tidewater"]["tender"]
    assert 0.7 < lantern / tidewater < 1.4  # the album's share for both (scores are
    # each profile's own scale)


def test_a_last_line_without_a_full_stop_is_read():
    """A one-line review "It is sad and lonely" was taken for a heading and read as
    nothing ("no mood word was recognised")."""
    only = moods("It is sad and lonely", "Lantern", "Tidewater", track="Lantern")
    assert set(only) == {"Lantern"} and strongest(only, "Lantern") in {"sad", "lonely"}
    last = moods('"Lantern" is bright and joyful.\n\nTidewater is sad and lonely, melancholic '
                 "to the bone", "Lantern", "Tidewater")
    assert strongest(last, "Tidewater") in {"sad", "lonely"}


def test_a_title_after_a_possessive_name_is_still_the_track():
    found = moods("On the record, Owen Pallett's Lantern is sad and lonely.", "Lantern",
                  "Tidewater")
    assert set(found) == {"Lantern"}


@pytest.mark.parametrize("text, title, mood, other", [
    ("Lantern is a bright, playful track. Tidewater, however, is a gloomy, mournful song.",
     "Tidewater", "sad", "Lantern"),
    ("The Morricone-esque Tidewater is a gloomy, mournful track.", "Tidewater", "sad",
     "Lantern"),
    ('"Lantern" opens the record. It is followed by the joyous, bouncy "Tidewater".',
     "Tidewater", "joyful", "Lantern"),
    ('## Lantern\n\n"Lantern" is bright.\n\n## Tidewater\n\n"Tidewater" is still.\n\n'
     "An album highlight, gloomy and mournful.", "Tidewater", "sad", "Lantern"),
])
def test_the_words_stay_with_the_track_they_describe(text, title, mood, other):
    """Found by a review of this session's rules: an aside after a one-word title, a
    hyphenated name before it, an adjective list before the next title and "an album
    highlight" each moved the words to another track or to the whole album."""
    found = moods(text, "Lantern", "Tidewater")
    assert strongest(found, title) == mood
    assert found.get(other, {}).get(mood, 0) == 0


def test_a_label_that_names_the_album_keeps_its_line_the_albums():
    found = moods('## Lantern\n\n"Lantern" is eerie.\n\n## Tidewater\n\n"Tidewater" is '
                  "bright.\n\nOverall: a gloomy, mournful listen.", "Lantern", "Tidewater")
    assert found["Lantern"].get("sad", 0) > 0 and found["Tidewater"].get("sad", 0) > 0


def test_unlike_a_then_it_is_the_track_referred_back_to():
    """"Unlike 'A', it is calm" gave the calm to A."""
    found = moods('"Lantern" is loud and furious. "Tidewater" closes the record. Unlike '
                  '"Lantern", it is calm and gentle.', "Lantern", "Tidewater")
    assert strongest(found, "Tidewater") == "peaceful"
    assert found["Lantern"].get("peaceful", 0) == 0


@pytest.mark.parametrize("heading", ["1. **Lantern**", "Lantern!", "### Lantern"])
def test_a_title_line_heads_its_section(heading):
    """A numbered bold heading and a title ending in "!" did not head their sections."""
    title = heading.strip("#*1. ")
    found = moods(f"{heading}\n\nA furious, pounding track.\n\n**Tidewater**\n\nCalm and "
                  "gentle.", title, "Tidewater")
    assert strongest(found, title) == "aggressive"
    assert found["Tidewater"].get("aggressive", 0) == 0


def test_the_part_of_a_title_after_its_colon_names_it():
    found = moods('"The Iron Warden" is brutal and furious. "Tidewater" is calm.',
                  "Boss 1: The Iron Warden", "Tidewater")
    assert strongest(found, "Boss 1: The Iron Warden") == "aggressive"


def test_the_opposite_of_a_title_is_the_track_referred_back_to_unless_it_is_described():
    found = moods('"Lantern" is loud and furious. "Tidewater" comes next, and it is the '
                  'opposite of "Lantern": a lone organ, calm and gentle.', "Lantern",
                  "Tidewater")
    assert strongest(found, "Tidewater") == "peaceful"
    assert found["Lantern"].get("peaceful", 0) == 0
    described = moods('"Tidewater" is calm. It sounds nothing like "Lantern", which is '
                      "bleak and desolate.", "Lantern", "Tidewater")
    assert strongest(described, "Lantern") in {"sad", "lonely"}
