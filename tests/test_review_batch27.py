"""What the twenty-seventh batch of our own reviews showed the reader missing (2026-11-29).

A theme named without its track's full title: by its place on the album ("the opening
cue's melody", "the first track's motif returns in the finale", "the main title's
melody") or by one distinctive word of the title ("the market theme" for "Night
Market"); and a heading that is a title between marks ('"Caravan ~Ending~"'). Voices:
an orchestrator's blog, a vinyl forum post, a ranking listicle, a piano book's notes, a
live-post thread, a film society newsletter, a translated composer's comment, a student
dissertation. Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest

ALBUM = ("Saltwind", "Night Market", "Night Train", "Ashgrove Farewell", "Copper Mill",
         "Last Orders")


def pairs(text: str, *titles: str) -> set[frozenset[str]]:
    return pairs_read(text, *(titles or ALBUM))


@pytest.mark.parametrize("text", [
    "'Copper Mill' is tender and brings back the opening cue's melody.",
    "'Copper Mill' is tender; the first track's motif returns at the end.",
    "'Copper Mill' is tender. The melody of the first track comes back, slower.",
    "'Copper Mill' returns to the opening track's oboe melody, now warmer.",
])
def test_the_opening_or_first_track_named_by_its_place_is_the_first_of_the_album(text):
    assert pairs(text) == {frozenset({"Copper Mill", "Saltwind"})}


def test_the_closing_cue_is_the_last_of_the_album():
    assert pairs("The closing cue's theme turns up in 'Night Train', sadder.") == \
        {frozenset({"Night Train", "Last Orders"})}


def test_the_finale_the_motif_returns_in_carries_it():
    found = pairs("The first track's motif returns in the finale, enormous and hopeful.",
                  "Prelude", "Millrace", "Finale")
    assert found == {frozenset({"Finale", "Prelude"})}


def test_the_main_title_is_the_track_called_so_wherever_it_stands():
    titles = ("Furnace", "The Glasswright (Main Title)", "Marta's Waltz")
    assert pairs("'Marta's Waltz' is romantic; the main title's melody appears in the "
                 "tenor.", *titles) == {frozenset({"Marta's Waltz",
                                                   "The Glasswright (Main Title)"})}
    assert not pairs("'Marta's Waltz' is romantic; the main title's melody appears in the "
                     "tenor.", "Furnace", "Overture", "Marta's Waltz")


#: a later paragraph that does link two tracks: what comes before it must add nothing
LINKED = "\n\n'Last Orders' brings back the Ashgrove motif, tender."
LINK = frozenset({"Last Orders", "Ashgrove Farewell"})
SHORT = ("Saltwind", "Night Market", "Night Train", "Copper Mill")


@pytest.mark.parametrize("text", [
    "'Copper Mill' is tender; the opening bars are just a cello.",
    "'Copper Mill' is tender. In its opening moments you hear the wind.",
    "'Copper Mill' is tender, and the first track is the best.",
    "'Copper Mill' drops the opening cue's melody altogether.",
    "'Copper Mill' has nothing of the first track's motif.",
    "The opening cue's melody is joyful.",  # no other track
    "'Saltwind' states the opening cue's melody.",  # the opening itself
])
def test_an_opening_that_is_the_track_at_hand_or_a_denied_theme_links_nothing(text):
    assert pairs(text + LINKED) == {LINK}


@pytest.mark.parametrize("text, other", [
    ("'Copper Mill' brings the market theme back, tender.", "Night Market"),
    ("'Copper Mill' is sad, with the Ashgrove motif stripped to three notes.",
     "Ashgrove Farewell"),
    ("'Copper Mill' is sad. Underneath, the Ashgrove melody comes back.",
     "Ashgrove Farewell"),
])
def test_a_theme_named_by_one_word_of_one_title_is_that_tracks(text, other):
    assert pairs(text) == {frozenset({"Copper Mill", other})}


@pytest.mark.parametrize("text, titles", [
    ("'Copper Mill' is hopeful; the night theme creeps in.", SHORT),  # two Night titles
    ("'Copper Mill' is hopeful; the love theme creeps in.", ("Love Letters", "Copper Mill")),
    ("'Copper Mill' is hopeful; the battle theme creeps in.", ("Battle Hymn", "Copper Mill")),
    ("'Copper Mill' is hopeful; the roads theme creeps in.", ("Roads Home", "Copper Mill")),
    ("'Copper Mill' is hopeful; the mill theme creeps in.", SHORT),  # its own title
    ("'Copper Mill' is hopeful, without the market theme.", SHORT),
    ("The market theme is playful.", SHORT),  # no carrier
])
def test_a_common_shared_denied_or_own_word_links_nothing(text, titles):
    """"roads" is in the album's name ("Salt Roads"): its theme may be the album's."""
    assert pairs(text + LINKED, *titles, "Ashgrove Farewell", "Last Orders") == {LINK}


def test_a_one_word_theme_shared_with_the_carrier_is_the_other_titles():
    assert pairs("Ropewalk Nocturne is eerie, a reworking of the ropewalk idea.",
                 "The Ropewalk", "Ropewalk Nocturne", "Saltwind") == \
        {frozenset({"Ropewalk Nocturne", "The Ropewalk"})}


TRANSLATED = ('"Desert"\nThe field music, steady and calm.\n\n'
              '"Caravan ~Ending~"\nThe journey is finished. A little lonely and sad.\n')


def test_a_heading_that_is_a_title_between_marks_heads_its_section():
    found = moods(TRANSLATED, "Caravan ~Opening~", "Desert", "Caravan ~Ending~")
    assert strongest(found, "Caravan ~Ending~") in ("lonely", "sad")
    assert "lonely" not in found["Desert"] and "sad" not in found["Desert"]


RANKED = ("8. Millrace. Clattering percussion, frantic and tense.\n\n"
          "7. Prelude. Shimmering harp, dreamy and mysterious.\n")


def test_a_numbered_one_word_title_heads_what_follows_it():
    found = moods(RANKED, "Prelude", "Millrace", "Finale")
    assert strongest(found, "Millrace") in ("tense", "energetic")
    assert strongest(found, "Prelude") == "dreamy"
    assert "Finale" not in found or "dreamy" not in found["Finale"]


def test_only_a_list_number_and_one_title_alone_are_a_numbered_title():
    def tense(line: str) -> tuple[float, float]:
        found = moods(line + " Frantic and tense.\n\n7. Prelude. Dreamy, soft harp.\n",
                      "Prelude", "Millrace", "Home Again")
        return tuple(found.get(t, {}).get("tense", 0.0) for t in ("Millrace", "Home Again"))
    millrace, other = tense("8. Millrace.")
    assert millrace > 2 * other
    for line in ("8. Home.", "8. millrace."):  # not a title; a title in lower case
        millrace, other = tense(line)
        assert millrace == other  # the album's share only
