"""The work's own name before a word for a tune ("reuses the Salt Roads melody") is its
title track; "the <title> theme returns" in another track's entry is that track carrying
it; a track likened to one no passage describes takes none of the album's mood through
the likeness (2026-11-29).  Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import find_mentions, normalise

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs
from .fixtures import strongest

WITH_TITLE_TRACK = ("Salt Roads", "Lowland", "Copper Sky", "Sleepwalker")
WORK = frozenset({normalise("Salt Roads")})


def named(text: str) -> list[str]:
    """The titles of WITH_TITLE_TRACK that ``text`` names, the album being Salt Roads."""
    return [WITH_TITLE_TRACK[m.track] for m in find_mentions(text, WITH_TITLE_TRACK, WORK)]


@pytest.mark.parametrize("tune", ["melody", "theme", "motif", "leitmotif", "riff", "tune",
                                  "chorus"])
def test_the_works_name_before_a_word_for_a_tune_is_the_title_track(tune):
    assert named(f"It reuses the Salt Roads {tune} in the flute.") == ["Salt Roads"]


@pytest.mark.parametrize("text", [
    "It is the best thing on the Salt Roads soundtrack.",
    "It is the best thing on the Salt Roads album.",
    "The Salt Roads themes are all about the sea.",  # plural: the whole work's
    "A Salt Roads theme-park ride would suit it.",
    "Salt Roads is a calm record.",
    "it reuses the salt roads melody in the flute.",  # not written as a name
])
def test_the_works_name_elsewhere_stays_the_work(text):
    assert named(text) == []


def test_a_title_track_whose_melody_is_reused_is_likened_to_the_reuser():
    text = "Lowland: cheerful and bouncy. It reuses the Salt Roads melody in the flute."
    assert frozenset({"Lowland", "Salt Roads"}) in pairs(text, *WITH_TITLE_TRACK)


def test_the_works_name_said_of_the_soundtrack_likens_nothing():
    text = "Lowland: cheerful and bouncy. It is the best thing on the Salt Roads soundtrack."
    assert pairs(text, *WITH_TITLE_TRACK) == set()


ENTRIES = ("1. Salt Roads (3:48)\nHeroic and grand, properly epic.\n\n"
           "2. Lowland (7:30)\n{sentence}")


@pytest.mark.parametrize("name", ["Salt Roads", "Copper Sky"])
@pytest.mark.parametrize("verb", ["returns", "comes back", "reappears"])
def test_a_theme_named_by_its_title_returning_in_an_entry_is_carried_by_that_entry(
        name, verb):
    text = ("1. Copper Sky (2:10)\nHeroic and grand, properly epic.\n\n" if name ==
            "Copper Sky" else "") + ENTRIES.format(
        sentence=f"The {name} theme {verb}, slower and in a major key, hopeful and warm.")
    found = moods(text, *WITH_TITLE_TRACK)
    assert frozenset({"Lowland", name}) in pairs(text, *WITH_TITLE_TRACK)
    assert strongest(found, name) == "epic"  # the new words are the carrier's
    assert strongest(found, "Lowland") == "hopeful"


@pytest.mark.parametrize("sentence", [
    "The Copper Sky theme never returns; this one is hopeful and warm.",  # denied
    "The Copper Sky theme returns in Sleepwalker, hopeful and warm.",  # carried there
])
def test_a_returning_theme_denied_or_heard_elsewhere_is_not_the_entrys(sentence):
    assert frozenset({"Lowland", "Copper Sky"}) not in pairs(ENTRIES.format(
        sentence=sentence), *WITH_TITLE_TRACK)


ALBUM = "Salt Roads is a wistful, nostalgic, melancholy album.\n\n"


def test_a_track_likened_to_one_described_by_nothing_takes_none_of_the_albums_mood():
    plain = moods(ALBUM + "Lowland: cheerful.", *WITH_TITLE_TRACK)["Lowland"]
    text = ALBUM + "Lowland: cheerful. It reuses the Salt Roads melody in the flute."
    found = moods(text, *WITH_TITLE_TRACK)
    assert frozenset({"Lowland", "Salt Roads"}) in pairs(text, *WITH_TITLE_TRACK)
    assert found["Lowland"]["nostalgic"] == pytest.approx(plain["nostalgic"])
    assert strongest(found, "Lowland") == "joyful"


def test_a_track_likened_to_one_described_on_its_own_takes_in_its_moods():
    own = ALBUM + "The title track, Salt Roads: wistful, nostalgic and melancholy.\n\n"
    plain = moods(own + "Lowland: cheerful.", *WITH_TITLE_TRACK)["Lowland"]
    text = own + "Lowland: cheerful. It reuses the Salt Roads melody in the flute."
    found = moods(text, *WITH_TITLE_TRACK)["Lowland"]
    assert found["nostalgic"] > plain.get("nostalgic", 0.0) + 0.05
