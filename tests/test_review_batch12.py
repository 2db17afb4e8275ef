"""Words a twelfth batch of real reviews read held out (2026-11-28, twenty-third
session) used and the lexicon lacked: a dank interior, a song that harks back or moves
back in time, a period feel, a singer who can crank it up. Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import strongest


@pytest.mark.parametrize("phrase, mood", [
    ("evokes a dank, dripping cellar", "eerie"),
    ("harks back fifty years to the dance halls", "nostalgic"),
    ("hearkens back to the songs of his youth", "nostalgic"),
    ("moves back in time to the music halls", "nostalgic"),
    ("has a period feel throughout", "nostalgic"),
    ("is where the band cranks it up", "energetic"),
])
def test_words_the_lexicon_lacked(phrase, mood):
    assert strongest(moods(f"'Lantern' {phrase}."), "Lantern") == mood
