"""Misses of blind batches 37 to 39 that general rules now read (2026-11-30).

A hedged kinship ("a distant cousin of B", "a relation of B") likens as "akin to B"
does, unless the text disputes it ("... I'd disagree", "but the two have nothing in
common"); a track that borrows another's opening or bassline ("borrows the opening
of B", "is built on B's bassline", "the latter takes the former's cello line", "uses its
melody" after a sentence about B) is like it.  Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import pairs_read as pairs

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
LIKE = frozenset(("Lowland", "Copper Sky"))


@pytest.mark.parametrize("text", [
    "Lowland is slow and hushed. Copper Sky is bright, a distant cousin of Lowland.",
    "Copper Sky wanders. Brother Tom says it is a distant relation of Lowland, and we agree.",
    "- Copper Sky: wistful. A close relative of Lowland, if you squint.",
    "Copper Sky borrows the opening of Lowland but turns it toward the light.",
])
def test_kinship_and_borrowed_material_liken(text):
    assert LIKE in pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Copper Sky is eerie. Several tasters called it a cousin of Lowland. I'd disagree: "
    "Lowland is all high strings.",
    "Copper Sky is tense. People call it a cousin of Lowland, but the two have nothing in "
    "common beyond the tempo.",
    "Copper Sky is tense. Lowland is calm; my cousin loves it.",
    "Copper Sky is a relation of mine's favourite. Lowland is calm.",
])
def test_disputed_or_unrelated_kinship_links_nothing(text):
    assert LIKE not in pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Copper Sky is built on Lowland's bassline.",
    "Copper Sky takes Lowland's cello line and warms it up.",
    "Lowland is slow. Lowland and Copper Sky are a pair: the latter takes the former's "
    "cello line.",
    "Lowland is slow. Lowland and Copper Sky: the latter sounds like the former.",
    "Lowland is dreamy. Copper Sky uses its melody at the end.",
])
def test_borrowed_material_by_possessive_former_latter_or_its(text):
    assert LIKE in pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Copper Sky uses Lowland's studio.",
    "Copper Sky never uses Lowland's melody.",
    "Lowland and Copper Sky differ: the latter is calm, the former is tense.",
    "Lowland is dreamy. Copper Sky uses its own melody at the end.",
    "Lowland is dreamy. Copper Sky uses its full length well.",
])
def test_no_borrowing_links_nothing(text):
    assert LIKE not in pairs(text, *TRACKS)
