"""What the thirty-fourth batch of our own reviews showed the reader missing (2026-11-29).

Voices not yet in the set: a ship's log, a game's pull request, a ghost hunter's log, a
teenager's diary, a wiki talk page, a match report, a postcard and an allotment diary,
each comparing tracks.  A track made from another's material ("the exact same chorus
as", "a stripped-back take on", "just 'B' at half the speed", "takes the 'B' melody",
"the 'B' drone again", "the whistle tune comes back in 'B'", "the same organ, but
warmer", "the opener's phrase") is likened to it; a likeness the review disputes ("I
don't agree that ...", "... but she's wrong") or reports from a claim before a quoted
title links nothing.  Every text here is our own."""
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
    "Copper Sky is sad. Weirdly it has the exact same chorus as Lowland.",
    "Copper Sky is a slow chorale, and it is the same march tune as Lowland.",
    "Copper Sky is eerie. Oddly, it's built from the same piano phrase as Lowland.",
    "Copper Sky uses the very same chord progression as Lowland.",
])
def test_the_same_material_as_a_title_likens_the_tracks(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "Copper Sky doesn't share the same riff as Lowland.",
    "Copper Sky hasn't got the same chorus as Lowland.",
    "Copper Sky has the same chorus as the rest of the album, and Lowland is bright.",
    "Copper Sky ends at the same time as Lowland starts on the radio.",
])
def test_the_same_material_denied_or_not_a_title_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Copper Sky is a stripped-back take on Lowland, only ukulele.",
    "Copper Sky, a slow spin on Lowland, closes the record.",
])
def test_a_take_on_a_title_likens_the_tracks(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "Copper Sky is a fresh take on the genre, and Lowland is lovely too.",
    "Copper Sky is not a take on Lowland at all.",
])
def test_a_take_on_something_else_or_denied_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Copper Sky is calm. It's just Lowland at half the speed.",
    "Copper Sky is calm. The drummer says it's Lowland slowed down.",
    "Copper Sky is frantic. It is Lowland at double the tempo.",
])
def test_a_title_remade_at_another_speed_likens_the_tracks(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "Copper Sky is calm. It isn't Lowland at half the speed.",
    "Copper Sky is calm. After it, Lowland at half the speed would be dull.",
])
def test_a_speed_without_a_remake_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "The last song is my favourite: Copper Sky takes the Lowland melody and strips it down.",
    "Copper Sky is tense. It is the Lowland drone again, only faster.",
    "Copper Sky borrows the Lowland riff for its chorus.",
])
def test_a_titles_material_taken_likens_the_tracks(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "Copper Sky takes the Lowland road north, in a manner of speaking.",
    "Copper Sky never takes the Lowland melody anywhere.",
    "Copper Sky is loud. The Lowland drone is quiet again.",
])
def test_a_title_without_its_material_taken_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Iron Gate is a lonely whistle. The whistle tune comes back later in Copper Sky, warmer.",
    "Iron Gate is a slow organ drone.\n\nSecond is Copper Sky: the same organ, but warmer.",
    "Iron Gate is a plucked waltz. That riff returns on Copper Sky.",
])
def test_the_material_of_the_track_just_discussed_heard_again_likens_them(text):
    assert pairs(text, *TRACKS) == {frozenset(("Iron Gate", "Copper Sky"))}


@pytest.mark.parametrize("text", [
    "Iron Gate is a slow organ drone. Copper Sky drops the same organ entirely.",
    "Iron Gate is a slow organ drone. The main theme comes back in Copper Sky.",
    "Iron Gate is a slow organ drone. At the same time, Copper Sky is playing next door.",
    "Iron Gate is a slow organ drone. Unlike it, Copper Sky has the same organ but no drone.",
])
def test_material_not_carried_over_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Copper Sky is happy, and it brings the opener's phrase back as its chorus.",
    "Copper Sky is happy: the opener's riff returns in its chorus.",
])
def test_the_openers_material_likens_a_track_to_the_first(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "Copper Sky drops the opener's phrase entirely.",
    "Copper Sky has none of the opener's riff.",
])
def test_the_openers_material_denied_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "I don't agree that Copper Sky sounds like Lowland.",
    "We don't think Copper Sky sounds like Lowland.",
    "Mia says Copper Sky sounds like Lowland but she's wrong, it is way calmer.",
    "Copper Sky sounds like Lowland to some, but I can't hear it.",
    "People say Copper Sky sounds like Lowland; they're not alike at all.",
])
def test_a_likeness_the_review_disputes_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Mia says Copper Sky sounds like Lowland, and she's right.",
    "I agree that Copper Sky sounds like Lowland.",
    "I think Copper Sky sounds like Lowland.",
])
def test_a_likeness_the_review_agrees_with_still_links(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    'The line claiming "Copper Sky" is a reworking of "Lowland" has to go.',
    "Tom insists 'Copper Sky' is a reworking of 'Lowland'.",
])
def test_a_claim_before_a_quoted_title_links_nothing(text):
    assert not pairs(text, *TRACKS)


def test_a_reworking_the_review_states_of_quoted_titles_links():
    assert pairs('"Copper Sky" is a reworking of "Lowland".', *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "Copper Sky claws. Nothing like Lowland, obviously. Where that one drifts, this claws.",
    "Copper Sky is all aggression. It's not a patch on Lowland, and doesn't borrow from it.",
    "Bosun asked whether Copper Sky is a remix of Lowland. It isn't; it's a silly jig.",
    "I'd hoped Copper Sky would be a remix of Lowland, but no, it's a dull bit of ambience.",
])
def test_a_contrast_or_a_denied_or_hoped_for_likeness_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    'Can we stop calling "Copper Sky" tense? It is a fast, fun chase.',
    "Please stop calling it tense. Copper Sky is a fast, fun chase.",
])
def test_a_word_the_review_asks_others_to_stop_using_is_not_its_mood(text):
    found = moods(text, *TRACKS)["Copper Sky"]
    assert "tense" not in top3(found) and "playful" in top3(found)


@pytest.mark.parametrize("text", [
    "Copper Sky is a fast, fun chase. I will never stop calling it tense.",
    "Copper Sky is a fast, fun chase. I won't stop calling it tense.",
])
def test_a_word_the_review_keeps_using_is_its_mood(text):
    assert "tense" in top3(moods(text, *TRACKS)["Copper Sky"])
