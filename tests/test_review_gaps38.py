"""Misses of blind batch 35 that general rules now read (2026-11-30).

A title heading followed by a card's field lines ("Nose: ...", "Palate: ...") opens that
title's section, and the field lines under a title (its heading, or a bullet naming it:
"- Result: playful, joyful") say something of it.  Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
PAIR = frozenset(("Copper Sky", "Iron Gate"))


def top3(found: dict[str, float]) -> list[str]:
    """The three moods a track's reading scores highest."""
    return sorted(found, key=found.get, reverse=True)[:3]


@pytest.mark.parametrize("field", ["Nose: cold strings, glass.", "Palate: tense, then sad.",
                                   "Result: tense, sad"])
def test_field_lines_under_a_title_heading_open_its_section(field):
    text = ("Tasting notes for the album.\n\nLowland\nNose: warm brass, bells. "
            "Palate: joyful, cheerful.\n\nSleepwalker\n" + field + "\nFinish: long, sad, "
            "tense and gloomy.\n\nRinse between pours.")
    found = moods(text, *TRACKS)
    assert top3(found["Lowland"])[:1] == ["joyful"]
    assert set(top3(found["Sleepwalker"])[:2]) <= {"tense", "sad"}


@pytest.mark.parametrize("bullet", ["- Sleepwalker: the theme in the flute, quickened",
                                    "* Sleepwalker: the motif, in the flute"])
def test_a_result_field_under_a_bullet_naming_a_title_is_that_title(bullet):
    text = f"Slide 3. Transformation\n{bullet}\n- Result: playful, joyful\n\nSlide 4. End"
    assert "playful" in top3(moods(text, *TRACKS).get("Sleepwalker", {}))


@pytest.mark.parametrize("text", [
    # after a paragraph break a field line belongs to no title
    "Sleepwalker is a slow piece.\n\nVerdict: sad and lonely\n\nThe end.",
    # a field line under a heading that is no title
    "Notes\nResult: sad and lonely\n\nLowland is calm.",
])
def test_a_field_line_away_from_a_title_is_not_the_title(text):
    found = moods(text, *TRACKS)
    assert "lonely" not in top3(found.get("Sleepwalker", {}))


def test_a_track_list_of_title_lines_stays_a_list():
    text = "Tracklist\nLowland\nSleepwalker\nCopper Sky\n\nIt is a sad, lonely record."
    found = moods(text, *TRACKS)
    assert found["Lowland"] == found["Sleepwalker"]


@pytest.mark.parametrize("label", ["The eerie cue", "This track", "The quiet one"])
def test_a_label_that_describes_the_track_is_a_sentence_about_it(label):
    text = (f"Lowland is calm and peaceful.\n8 SLEEPWALKER (11).\n{label}: glass harmonica "
            "and ghostly, spooky whispers.\nNext week: more puzzles.")
    assert "eerie" in top3(moods(text, *TRACKS).get("Sleepwalker", {}))


def test_a_label_of_facts_stays_a_heading():
    text = ("Sleepwalker (11).\nRunning Time: ghostly, spooky whispers\n\n"
            "Lowland is calm and peaceful.")
    assert "eerie" not in top3(moods(text, *TRACKS).get("Lowland", {}))


@pytest.mark.parametrize("text", [
    "Copper Sky is grouped with Iron Gate. My friend thinks they sound alike too.",
    "Copper Sky sits next to Iron Gate. Both are bright and they share the same arpeggio.",
    "Copper Sky and Iron Gate: they share the same arpeggio.",
    'Copper Sky is loud. Kim wrote that it "sounds exactly like Iron Gate". '
    "Checked: they do share the same ostinato.",
])
def test_a_plural_pronoun_likening_the_two_tracks_just_named_links_them(text):
    assert PAIR in pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Copper Sky is grouped with Iron Gate. They have nothing in common.",
    "Copper Sky is grouped with Iron Gate. They are NOT similar: different key.",
    "Copper Sky is grouped with Iron Gate. I don't think they sound alike.",
    "Copper Sky is grouped with Iron Gate (they only share a key).",
    # three tracks just named: which two is not said
    "Copper Sky, Sleepwalker and Iron Gate close the set. They sound alike.",
    # the pronoun two sentences after the titles
    "Copper Sky is grouped with Iron Gate. The app is slow. They sound alike.",
])
def test_a_plural_likeness_negated_or_of_unclear_tracks_links_nothing(text):
    assert PAIR not in pairs(text, *TRACKS)


@pytest.mark.parametrize("quote", ['"sounds exactly like Sleepwalker"',
                                   '"it is basically Sleepwalker again"'])
def test_a_one_word_title_in_a_quoted_remark_is_the_track(quote):
    assert "Sleepwalker" in moods(f"Lowland is calm. A fan wrote {quote}, which is sad and "
                                  "lonely.", *TRACKS)


def test_a_one_word_title_inside_a_quoted_name_is_not_the_track():
    found = moods('Lowland is calm. They covered "Going Sleepwalker Tonight", sad and lonely.',
                  *TRACKS)
    assert found.get("Sleepwalker") == found.get("Copper Sky")  # the album's share only


WITH_TITLE_TRACK = ("Salt Roads", "Lowland", "Copper Sky", "Sleepwalker")


@pytest.mark.parametrize("likeness", ["Kind of a slowed-down Salt Roads, actually.",
                                      "It sounds like Salt Roads, actually."])
def test_the_work_s_name_likened_to_by_the_track_discussed_is_the_title_track(likeness):
    text = ("So, Salt Roads, the opening cue. Really tender.\n"
            f"Copper Sky I loved. It's lonely: one trumpet. {likeness}")
    assert frozenset(("Copper Sky", "Salt Roads")) in pairs(text, *WITH_TITLE_TRACK)


@pytest.mark.parametrize("text", [
    # the review never called the work's name a track
    "Copper Sky I loved. It's lonely: one trumpet. Kind of a slowed-down Salt Roads.",
    # named as a track, but not likened to
    "So, Salt Roads, the opening cue. Copper Sky I loved. It is the best thing on Salt Roads.",
])
def test_the_work_s_name_not_likened_or_never_a_track_stays_the_album(text):
    assert frozenset(("Copper Sky", "Salt Roads")) not in pairs(text, *WITH_TITLE_TRACK)
