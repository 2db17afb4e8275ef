"""What the thirty-first batch of our own reviews showed the reader missing (2026-11-29).

Likenesses written as recommendations and identifications: "If you liked 'A', try 'B'",
"Fans of 'A' will want 'B'", "'B' is the closest thing to 'A'", "scratches the same itch
as", "in the same vein as", "could pass for an 'A' outtake", "the one that sounds like
'A', it's 'B'". Each links the two tracks, and the track recommended or picked out takes
the words said of it; a denied recommendation links nothing. Voices not yet in the set:
a streaming service's "because you listened" page, a newsletter, a "songs like X"
thread, a DJ's crate notes, a label shop's listening guide, a music library's notes.
Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs
from .fixtures import strongest

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
PAIR = frozenset(("Lowland", "Copper Sky"))


@pytest.mark.parametrize("text", [
    "If you liked Lowland, try Copper Sky. It is slow and melancholy.",
    'Fans of "Lowland" will want "Copper Sky": slow and melancholy.',
    "Listeners who loved Lowland should check out Copper Sky, slow and melancholy.",
    "Copper Sky is the closest thing to Lowland here, slow and melancholy.",
    '"Copper Sky" scratches the same itch as "Lowland": slow and melancholy.',
    "Copper Sky is in the same vein as Lowland, slow and melancholy.",
    'Copper Sky, which could pass for a "Lowland" outtake, is slow and melancholy.',
    "The one that actually sounds like Lowland, it's Copper Sky. Slow and melancholy.",
])
def test_a_recommended_or_identified_likeness_links_and_colours_the_track(text):
    assert pairs(text, *TRACKS) == {PAIR}
    assert "sad" in moods(text, *TRACKS)["Copper Sky"]


@pytest.mark.parametrize("text", [
    "Not for you if you liked Lowland: Copper Sky, a slow and melancholy dirge.",
    "If you liked Lowland, you'll hate Copper Sky, a slow and melancholy dirge.",
    "Copper Sky is the closest thing to a ballad here, slow and melancholy.",
])
def test_a_denied_recommendation_or_a_likeness_to_no_track_links_nothing(text):
    assert pairs("If you liked Lowland, try Copper Sky, a slow dirge.", *TRACKS) == {PAIR}
    assert not pairs(text, *TRACKS)


def test_a_same_sentence_after_a_recommendation_describes_both_tracks():
    text = "If you liked Sleepwalker, try Iron Gate. Same hazy, dreamy synths, with a louder drum."
    found = moods(text, *TRACKS)
    assert "dreamy" in found["Sleepwalker"] and "dreamy" in found["Iron Gate"]
    assert "energetic" not in found["Sleepwalker"]  # "with a louder drum" is Iron Gate's


@pytest.mark.parametrize("said", [
    "The old mix was harsh and aggressive; the new one is calm and peaceful.",
    "The original edit was far too aggressive for me, but this one is calm and peaceful.",
    "The demo was aggressive and harsh. This one is calm and peaceful.",
])
def test_an_earlier_version_s_mood_is_not_the_track_s(said):
    found = moods(f"Iron Gate has been remixed for this edition. {said}", *TRACKS)
    assert "peaceful" in found["Iron Gate"]
    assert "aggressive" not in found["Iron Gate"]


def test_the_original_as_a_film_or_the_track_itself_keeps_its_words():
    old = moods("Iron Gate was remixed. The old loop was aggressive; now it is calm.", *TRACKS)
    assert strongest(old, "Iron Gate") == "peaceful"
    found = moods("Iron Gate has been remixed. The original score was aggressive and loud.",
                  *TRACKS)
    assert "aggressive" in found["Iron Gate"]  # the film's score, not an earlier mix
    assert "aggressive" in moods("Iron Gate is aggressive, like the old mix.", *TRACKS)[
        "Iron Gate"]
