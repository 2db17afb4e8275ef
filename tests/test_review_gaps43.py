"""Two reading gaps (blind batch 41): a bare "No." answering a question before a capital
ends its sentence ("Is it sad? No. It is calm."), while "No. 9" stays a title's number;
a likeness only asked ("can we swap A for something that sounds like B?") asserts
nothing unless the next sentence answers yes.  Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import sentences

from .fixtures import moods_read, pairs_read as pairs, strongest

TRACKS = ("Lowland", "Copper Sky", "Iron Gate")
LIKE = frozenset(("Lowland", "Copper Sky"))


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


@pytest.mark.parametrize("text, parts", [
    ("Is it sad? No. It is calm.", ["Is it sad?", "No.", "It is calm."]),
    ("Sad, No. Calm instead.", ["Sad, No.", "Calm instead."]),
    ("Answer: no. They differ.", ["Answer: no.", "They differ."]),
    ("Symphony No. 9 is tender.", ["Symphony No. 9 is tender."]),
    ("No. 9 is tender. It rises.", ["No. 9 is tender.", "It rises."]),
    ('I love "No. Nine" most.', ['I love "No. Nine" most.']),
])
def test_a_bare_no_answering_ends_its_sentence(text, parts):
    assert _split(text) == parts


@pytest.mark.parametrize("text", [
    "Lowland opens the album. Is it sad? No. It is calm.",
    "Lowland: is it sad? No. It is calm and still.",
])
def test_the_no_does_not_negate_the_next_sentence(text):
    found = moods_read(text, *TRACKS)
    assert strongest(found, "Lowland") == "peaceful"
    assert "sad" not in found["Lowland"]


def test_a_numbered_title_keeps_its_words():
    found = moods_read("Lowland is slow. No. 9 is tender.", "Lowland", "No. 9")
    assert strongest(found, "No. 9") == "tender"


@pytest.mark.parametrize("text", [
    "Lowland: does it sound like Copper Sky? Yes, very much.",
    "Lowland: does it sound like Copper Sky? It does, in the strings.",
    "Lowland: does it sound like Copper Sky? They do.",
    "Lowland has the exact same tune as Copper Sky?? took me ages to notice.",
    "Lowland sounds like Copper Sky.",
])
def test_a_likeness_stated_or_answered_yes_links(text):
    assert LIKE in pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Lowland: does it sound like Copper Sky?",
    "Lowland: does it sound like Copper Sky? It doesn't.",
    "Lowland: does it sound like Copper Sky? Not really.",
    "Note: can we swap Lowland for something that sounds like Copper Sky? Answer: no. "
    "They're nothing alike.",
])
def test_a_likeness_only_asked_links_nothing(text):
    assert LIKE not in pairs(text, *TRACKS)
