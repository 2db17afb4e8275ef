"""What the thirty-ninth batch of our own reviews showed the reader missing (2026-11-30).

Voices not yet in the set: a barista's order board, fortune cookies, an
interactive-fiction transcript, a customs declaration, a garage invoice, a tarot reading,
merit-badge requirements and a glossary, on a general theme.  A likeness answered by a
sentence whose first clause is a bare "no" ("It doesn't, really; it's much edgier")
links nothing; "It is the 'B' melody, played on the organ" and "The same whistle turns
up in 'B'" liken the track at hand to B; a title with a colon of its own labels its line
past that colon ("CLOSING TIME: 11 PM: decaf.").  Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read, pairs_read as pairs, strongest

TRACKS = ("Lowland", "Copper Sky", "Closing Time: 11 PM", "Iron Gate")
PAIR = frozenset(("Lowland", "Copper Sky"))


@pytest.mark.parametrize("answer", [
    "It doesn't, really; it's much edgier.",
    "It does not; that one has no melody at all.",
    "It isn't: the tune is different.",
    "It doesn't, to my ears.",
])
def test_a_likeness_answered_no_in_a_first_clause_links_nothing(answer):
    text = f"Some customers say Copper Sky echoes Lowland. {answer} Iron Gate is loud."
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("after", [
    "It doesn't sound sad, though; it is warm.",
    "It does; the same four notes.",
    "It doesn't matter: both are lovely.",
])
def test_a_likeness_followed_by_another_clause_still_links(after):
    assert pairs(f"Copper Sky sounds like Lowland. {after}", *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    'Lowland is calm. "Copper Sky" is fond and nostalgic. It is the Lowland melody, '
    "played on the organ.",
    'Lowland is calm. "Copper Sky" is fond and nostalgic. It\'s just the Lowland tune again.',
    "Copper Sky: a curious little whistle, poking around. The same whistle turns up in "
    "Lowland, so they make a pair.",
    "Copper Sky: a lonely riff on guitar. The same riff shows up again on Lowland.",
])
def test_the_material_of_another_title_likens(text):
    assert PAIR in pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    'Lowland is calm. "Copper Sky" is fond. It is the Lowland of the record, the calm one.',
    "Copper Sky: a curious whistle. The same night, Lowland was played on the radio.",
    "Copper Sky: a curious whistle. The same whistle never turns up in Lowland.",
    'Lowland is calm. "Copper Sky" is fond. It is not the Lowland melody at all.',
])
def test_no_material_or_a_denial_links_nothing(text):
    assert PAIR not in pairs(text, *TRACKS)


@pytest.mark.parametrize("line", [
    "CLOSING TIME: 11 PM: decaf. Wistful and nostalgic, chairs going up on the tables.",
    "Closing Time: 11 PM: decaf. Wistful and nostalgic, chairs going up on the tables.",
    "Closing Time: 11 PM - decaf. Wistful and nostalgic, chairs going up on the tables.",
])
def test_a_title_with_its_own_colon_labels_its_line(line):
    text = f"LOWLAND: chamomile. Quiet and peaceful.\n\n{line}\n\nIRON GATE: tonic. Tense."
    found = moods_read(text, *TRACKS)
    assert strongest(found, "Closing Time: 11 PM") == "nostalgic"
    assert strongest(found, "Lowland") == "peaceful"


def test_a_colon_label_inside_no_title_keeps_its_text():
    text = "Running Time: 50 min.\n\nLowland: quiet and peaceful.\n\nCopper Sky: tense, anxious."
    found = moods_read(text, *TRACKS)
    assert strongest(found, "Lowland") == "peaceful" and strongest(found, "Copper Sky") == "tense"
