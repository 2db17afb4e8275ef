"""What a fourteenth batch of our own reviews (2026-11-29: pop, rock, jazz, classical,
electronic, hip-hop, a film score and folk, written held out in several outlets' voices)
showed the reader missing: "reminds me of" a title, ... Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest

PAIR = frozenset(("Glasswing", "Meridian"))


@pytest.mark.parametrize("sentence", [
    'It reminds me of "Meridian" slowed down and taken apart.',
    '"Glasswing" reminded me of "Meridian" played backwards.',
    'It calls to mind "Meridian" at half speed.',
])
def test_reminds_me_of_a_title_links_the_two(sentence):
    text = f'"Meridian" is bright and bouncy. "Glasswing" is odd and intriguing. {sentence}'
    assert pairs_read(text, "Meridian", "Glasswing") == {PAIR}


def test_reminds_me_of_something_else_links_nothing():
    text = ('"Meridian" is bright and bouncy. "Glasswing" is odd and intriguing. It reminds '
            'me of Sunday afternoons at my grandmother\'s.')
    assert pairs_read(text, "Meridian", "Glasswing") == set()
    assert strongest(moods(text, "Meridian", "Glasswing"), "Glasswing") == "curious"
