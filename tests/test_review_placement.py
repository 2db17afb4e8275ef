"""Phrasings found in a sixth batch of real reviews read held out (2026-11-27, nineteenth
session): which title the words between two titles are about ("'A' and nostalgic 'B'",
"followed by the brighter strings of 'B'", ", the horns in 'B'"), the title track with
adjectives, a quoted title with an article the track lacks, a denial that describes a
thing ("not abrasive drone"), and comparisons ("continues the mood in", "a development
of the 'A' material"). Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import MOOD_INDEX, hits_vector, tag_text

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs
from .fixtures import strongest


def test_an_adjective_right_before_the_next_title_is_about_that_title():
    found = moods("A soft, gentle 'Lantern' and mournful 'Tidewater' end the record.")
    assert strongest(found, "Tidewater") == "sad"
    assert found["Lantern"].get("sad", 0) < found["Tidewater"]["sad"] / 2


@pytest.mark.parametrize("gap, title", [(" and is mournful, sad ", "Lantern"),
                                        (" and then mournful ", "Lantern"),
                                        (" and the mournful ", "Tidewater")])
def test_a_verb_or_a_determiner_after_and_is_not_read_as_an_adjective_list(gap, title):
    found = moods(f"It closes with 'Lantern'{gap}'Tidewater'.")
    other = ({"Lantern", "Tidewater"} - {title}).pop()
    assert "sad" in found[title] and "sad" not in found.get(other, {})


def test_what_follows_followed_by_is_about_the_next_title():
    found = moods("The record opens with 'Lantern', bleak and mournful, which is followed by "
                  "the brighter, hopeful strings and piano of 'Tidewater'.")
    assert strongest(found, "Tidewater") == "hopeful"
    assert strongest(found, "Lantern") == "sad"
    assert found["Lantern"].get("hopeful", 0) < found["Tidewater"]["hopeful"] / 2


def test_a_noun_phrase_placed_in_the_next_title_after_a_comma_is_its():
    found = moods("Whether it's the gentle, tender strings in 'Lantern', the majestic, "
                  "triumphant horns in 'Tidewater', or the playful bassoon in 'Copper Bells', "
                  "it all charms.")
    assert strongest(found, "Lantern") == "tender"
    assert strongest(found, "Tidewater") == "epic"
    assert found["Lantern"].get("epic", 0) < found["Tidewater"]["epic"] / 2


def test_the_title_track_with_adjectives_before_it_is_the_title_track():
    found = moods("The first cue is the brooding, mournful title track. Lantern is calm.",
                  "Salt Roads", "Lantern")
    assert strongest(found, "Salt Roads") == "sad"
    assert found["Lantern"].get("sad", 0) < found["Salt Roads"]["sad"] / 2


def test_a_quoted_title_with_an_article_the_track_lacks_names_it():
    found = moods("The rich, tender strings in \u201cThe Mandala\u201d are lovely. "
                  "'Lantern' is bleak.", "Lantern", "Mandala")
    assert strongest(found, "Mandala") == "tender"
    assert found["Lantern"].get("tender", 0) < found["Mandala"]["tender"] / 2
    # ... anywhere in the name
    found = moods("\u201cUnder the Stars\u201d is dreamy. \u201cAfter a Storm\u201d is tense. "
                  "'Lantern' is bleak.", "Lantern", "Under Stars", "After Storm")
    assert strongest(found, "Under Stars") == "dreamy"
    assert strongest(found, "After Storm") == "tense"
    # ... but not a letter A ending a phrase, nor down to one word from inside
    found = moods('The "Plan A" was to be huge and triumphant; "The A-Team" is playful. '
                  "'Lantern' is bleak.", "Lantern", "Plan", "Team")
    assert found["Plan"] == found["Team"]  # the album's share alike: neither is named


def test_a_quoted_near_miss_names_the_right_track_after_a_title_without_words():
    # "?" has no words to match: the other titles must keep their places
    found = moods('The tender, gentle "Copper Bels" is lovely.', "?", "Lantern", "Copper Bells")
    assert strongest(found, "Copper Bells") == "tender"
    assert "Lantern" not in found


def test_a_quoted_phrase_that_names_no_track_does_not_go_to_a_title_without_words():
    found = moods('They played "Another band\'s hit" and it was tender and gentle. '
                  "Lantern is bleak.", "?", "Lantern", "Copper Bells")
    # the album's share alike, not the tender words as "?"'s own: as much as a track no
    # sentence names ("Lantern is bleak." names Lantern, whose own words now dilute it)
    assert found.get("?", {}).get("tender", 0) <= found["Copper Bells"].get("tender", 0)


def test_saddening_is_sad():
    assert strongest(moods("'Lantern' is a saddening piece."), "Lantern") == "sad"


@pytest.mark.parametrize("sentence, quality, thing", [
    ("a menacing but not abrasive drone", "abrasive", "drone"),
    ("a not too gentle lullaby", "gentle", "lullaby"),
    ("a never cheerful ballad", "cheerful", "ballad"),
])
def test_a_denied_quality_leaves_the_thing_it_describes(sentence, quality, thing):
    weights = {hit.phrase: hit.weight for hit in tag_text(sentence)}
    assert weights[quality] < 0 < weights[thing]


@pytest.mark.parametrize("sentence", ["There is no sad lullaby here.",
                                      "It is not a gentle lullaby.",
                                      "It goes without gentle lullaby moments."])
def test_an_absent_or_determined_thing_stays_denied(sentence):
    assert hits_vector(tag_text(sentence))[MOOD_INDEX["tender"]] <= 0


def test_continuing_the_mood_compares_with_the_track_before():
    found = pairs("'Lantern' is bright and hopeful. The same strings continue the mood in "
                  "'Tidewater', before things turn sad with 'The Cold Field'.")
    assert found == {frozenset({"Tidewater", "Lantern"})}


def test_a_development_of_a_tracks_material_compares_with_it():
    found = pairs("'Lantern' is hopeful. 'Morning Ferry' closes the record, with a "
                  "development of the 'Lantern' material.")
    assert frozenset({"Morning Ferry", "Lantern"}) in found


# -- a second reader's probe of the first versions (each once read wrongly) -----------

@pytest.mark.parametrize("text, title, mood", [
    ("'Tidewater' and equally bleak 'The Cold Field' form the album's dark heart.",
     "Tidewater", "sad"),
    ("'Lantern' builds to a climax followed by a mournful coda, before 'Tidewater' lifts "
     "the mood.", "Lantern", "sad"),
    ("'Copper Bells' gives way to a wistful, nostalgic piano outro, whereas 'Lantern' just "
     "stops.", "Copper Bells", "nostalgic"),
    ("'Lantern' is tender, the kind of quiet you rarely hear in 'Tidewater'.", "Lantern",
     "tender"),
])
def test_words_about_the_first_title_stay_its(text, title, mood):
    found = moods(text)
    assert mood in found[title]
    others = [t for t in found if t != title]
    assert all(found[t].get(mood, 0) < found[title][mood] for t in others)


@pytest.mark.parametrize("sentence", [
    "Unlike the haunting title track of their 2019 debut, 'Lantern' is bright.",
    "The previous album and its haunting title track were darker; 'Lantern' is bright.",
])
def test_another_albums_title_track_is_not_this_ones(sentence):
    assert "Salt Roads" not in moods(sentence, "Salt Roads", "Lantern")


@pytest.mark.parametrize("sentence", [
    "Like the Doors' \"The End\", 'Lantern' sprawls and broods for eleven minutes.",
    "Written for the film \"The End\", 'Lantern' is eerie and claustrophobic.",
])
def test_a_quoted_name_of_another_work_is_not_read_without_its_article(sentence):
    assert "End" not in moods(sentence, "Lantern", "End")


@pytest.mark.parametrize("sentence", ["It is not dreamy ambient.",
                                      "It is not hauntingly beautiful.",
                                      "It is never sad lament, more a shrug."])
def test_a_denied_predicate_denies_both_words(sentence):
    assert all(hit.weight < 0 for hit in tag_text(sentence))


@pytest.mark.parametrize("text", [
    "'Lantern' is bright and hopeful. 'Tidewater' does not continue the mood at all.",
    "'Lantern' is hopeful. 'Tidewater' breaks rather than sustains the mood.",
    "'Lantern' is bright. 'Tidewater', by contrast, continues the mood of their last album.",
])
def test_a_mood_not_continued_compares_nothing(text):
    assert pairs(text) == set()


@pytest.mark.parametrize("text, pair", [
    ("'Lantern' is warm. Similarly, 'Tidewater' is gentle, though a touch slower.",
     {"Lantern", "Tidewater"}),
    ("The title track is calm. The main theme returns in 'Tidewater' and then in "
     "'Morning Ferry'.", {"Salt Roads", "Morning Ferry"}),
])
def test_a_turn_after_the_last_title_keeps_its_comparison(text, pair):
    assert frozenset(pair) in pairs(text, "Salt Roads", "Lantern", "Tidewater", "Morning Ferry")
