"""Phrasings found in a ninth batch of real reviews read held out (2026-11-27,
twenty-first session): a second example after "like" ("themes that invite wonder, like
the rollicking 'A' or the stranger 'B'"), a verb of mood done to the listener ("will
soothe your senses"), and two words of a performance's feel ("swinging", "enjoying
herself"). Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import tag_text

from .fixtures import moods_read as moods
from .fixtures import strongest


@pytest.mark.parametrize("cue", ["like", "such as"])
def test_a_second_example_after_like_shares_what_the_examples_illustrate(cue):
    found = moods(f"The battle themes invite wonder and exploration, {cue} the first 'Lantern' or "
                  f"the more Oriental-sounding 'Tidewater'.")
    assert strongest(found, "Tidewater") == "curious"
    assert strongest(found, "Lantern") == "curious"


def test_a_title_after_or_that_starts_a_new_clause_is_not_an_example():
    found = moods("The night cues are eerie, like 'Lantern', or the sun rises over "
                  "'Tidewater'.")
    assert "eerie" in found["Lantern"]
    assert "eerie" not in found.get("Tidewater", {})


@pytest.mark.parametrize("sentence", ["A lightweight track which will soothe your senses.",
                                      "Music to soothe the soul.",
                                      "Its strings calm the nerves."])
def test_a_mood_verb_done_to_the_listener_is_the_music_s_mood(sentence):
    first = tag_text(sentence)[0]  # (the nerves are soothed: "nervous" is denied)
    assert first.entry.headword in ("soothing", "calm") and first.weight > 0


@pytest.mark.parametrize("sentence", ["They calm the mix down in the bridge.",
                                      "Strings soothe the guitars in the bridge."])
def test_a_mood_verb_done_to_the_music_is_still_no_mood(sentence):
    assert tag_text(sentence) == []


def test_a_swinging_feel_is_playful_and_a_singer_enjoying_herself_joyful():
    found = moods("'Lantern' has a swinging, bluesy feel. On 'Tidewater' she sounds like "
                  "she is really enjoying herself.")
    assert strongest(found, "Lantern") == "playful"
    assert strongest(found, "Tidewater") == "joyful"
    assert tag_text("These are people who enjoy singing.") == []  # liking is no mood
