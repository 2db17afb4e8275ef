"""What the fortieth batch of our own reviews (held out, 2026-11-30) showed the reader
ruling in that its texts rule out: a clause opened by "not that" ("Not that it's
cheerful"), someone else's word the review then denies ("The chef insists it is
romantic. It is not"), a quoted word other people wrote ('Several students wrote
"romantic". Reject it'), and "a mother's love", which is tender, not romantic.  Every
text here is our own."""
from __future__ import annotations

import pytest

from models.language import tag_text

from .fixtures import moods_read

TRACKS = ("Lantern", "Copper Sky", "Iron Gate")


def signed(sentence: str) -> dict[str, float]:
    return {hit.phrase: hit.weight for hit in tag_text(sentence)}


@pytest.mark.parametrize("sentence, word", [
    ("Not that it's cheerful, nobody would call it that.", "cheerful"),
    ("Not that it was ever really sad.", "sad"),
    ("Not that the ending is hopeful.", "hopeful"),
])
def test_a_clause_opened_by_not_that_is_denied(sentence, word):
    assert signed(sentence)[word] < 0


@pytest.mark.parametrize("sentence, word", [
    ("It is sad, not that anyone minds.", "sad"),
    ("Not a dirge: that it is cheerful surprised me.", "cheerful"),
])
def test_what_not_that_does_not_open_is_not_denied(sentence, word):
    assert signed(sentence)[word] > 0


@pytest.mark.parametrize("second", [
    "The chef insists it is romantic. It is not; nobody here is in love.",
    "My aunt thinks it is romantic. It isn't.",
    'Several students wrote "romantic". Reject it.',
])
def test_someone_elses_word_the_review_denies_is_not_the_tracks(second):
    found = moods_read(f'"Lantern" is polite and warm. {second}', *TRACKS)["Lantern"]
    assert found.get("romantic", 0) < 0.3  # "warm" alone leaves about 0.2


def test_someone_elses_word_left_standing_still_counts():
    found = moods_read('"Lantern" is polite. The chef insists it is romantic.', *TRACKS)
    assert found["Lantern"]["romantic"] > 0.5


def test_a_mothers_love_is_tender_not_romantic():
    found = moods_read('"Lantern" is a solo clarinet. It is a mother\'s love.', *TRACKS)
    assert max(found["Lantern"], key=found["Lantern"].get) == "tender"
    assert found["Lantern"].get("romantic", 0) < found["Lantern"]["tender"] / 2
