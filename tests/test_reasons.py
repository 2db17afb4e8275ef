"""The ``why`` of a recommendation (``models/ranking/explain.py``)."""
from __future__ import annotations

from models.ranking import reasons


def test_a_tempo_reason_says_which_tempo_is_the_seeds():
    """Found by a curator: "similar tempo (120 vs 123 BPM)" put the result's first."""
    seed = {"features": {"tempo": 120.0}, "valence": 0.9, "arousal": -0.9}
    doc = {"features": {"tempo": 123.0}, "valence": -0.9, "arousal": 0.9}
    assert "similar tempo (123 BPM; the seed 120)" in reasons(seed, doc)


def test_a_quoted_passage_with_quotes_of_its_own_does_not_double_them():
    """Found by a read-through of `feelalike demo --review`: the "Her" review quotes
    titles with typographic quotes, and the link read 'a review links them:
    \u201c\u201cLoneliness #3 (Night Talking)\u201d shares ...'."""
    sentence = "\u201cLoneliness #3\u201d shares the same concept with \u201cDimensions.\u201d"
    seed = {"related": [{"id": "b", "sentence": sentence, "source": "review.txt"}]}
    why = reasons(seed, {"id": "b"})[0]
    assert why == ("a review links them: \u201c\u2018Loneliness #3\u2019 shares the same "
                   "concept with \u2018Dimensions.\u2019\u201d (review.txt)")
    assert "\u201c\u201c" not in why and "\u201d\u201d" not in why
