"""What the thirty-second batch of our own reviews showed the reader missing (2026-11-29).

Voices not yet in the set: an arbitration transcript, a music therapist's session notes,
a fan-fiction author's chapter playlist, an obituary, a food blog, a band's rehearsal
email, a composer's professional post, a label's FAQ page.  A likeness someone else
claims ("The claimant says that 'A' was recycled in 'B'") or that is asked about
("People keep asking whether it reuses the 'B' pulse. It doesn't!") is not the review's.
Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import pairs_read as pairs

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
PAIR = frozenset(("Lowland", "Copper Sky"))


@pytest.mark.parametrize("text", [
    "The claimant says that Copper Sky was recycled from Lowland.",
    "Tom insists Copper Sky echoes Lowland, though nobody else hears it.",
    "Their lawyer alleged that Copper Sky reuses the melody of Lowland.",
    "People keep asking whether Copper Sky reuses the Lowland riff. It doesn't!",
    "I sometimes wonder if Copper Sky borrows from Lowland.",
    "Copper Sky is slow. Listeners ask whether it recalls Lowland.",
])
def test_a_likeness_someone_else_claims_or_asks_about_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Copper Sky echoes Lowland, slowed right down.",
    "As the composer says, Copper Sky reprises Lowland.",
    "Copper Sky is Ana's favourite. She says it reminds her of Lowland, only slower.",
    "The liner notes are dull, but Copper Sky recalls Lowland in its melody.",
    "I think Copper Sky echoes Lowland.",
])
def test_a_likeness_the_review_asserts_or_passes_on_still_links(text):
    assert pairs(text, *TRACKS) == {PAIR}
