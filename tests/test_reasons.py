"""The ``why`` of a recommendation (``models/ranking/explain.py``)."""
from __future__ import annotations

from models.ranking import reasons


def test_a_tempo_reason_says_which_tempo_is_the_seeds():
    """Found by a curator: "similar tempo (120 vs 123 BPM)" put the result's first."""
    seed = {"features": {"tempo": 120.0}, "valence": 0.9, "arousal": -0.9}
    doc = {"features": {"tempo": 123.0}, "valence": -0.9, "arousal": 0.9}
    assert "similar tempo (123 BPM; the seed 120)" in reasons(seed, doc)
