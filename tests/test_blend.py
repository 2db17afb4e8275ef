"""A seed beside moods, text or targets: the seed chooses the neighbourhood, the rest
leans it (``models/ranking/blend.py``).  Found by a curator's review: a seed with
``"moods": {"peaceful": 0.5}`` got the same few peaceful tracks whatever the seed."""
from __future__ import annotations

import numpy as np

from models.build import NeighbourModel
from models.language import MOODS
from models.ranking import NeighbourLists, Query, RankingEngine, keep_penalty

from .fixtures import hand_table


def two_neighbourhoods_and_hubs():
    """Rows 0-99 around one seed (row 0), 100-199 around another (row 100), each with
    sadness from 0 to 0.6; rows 200-209 far from both and as sad as can be."""
    rng = np.random.default_rng(0)
    centres = np.eye(8)[[0, 1]]
    vectors = np.vstack([centres[0] + 0.3 * rng.normal(size=(100, 8)),
                         centres[1] + 0.3 * rng.normal(size=(100, 8)),
                         np.eye(8)[2] + 0.3 * rng.normal(size=(10, 8))])
    vectors[[0, 100]] = centres
    sad = np.concatenate([rng.uniform(0, 0.6, 200), np.full(10, 1.0)])
    moods = {mood: np.zeros(210) for mood in MOODS}
    return hand_table([f"t{i}" for i in range(210)], {**moods, "sad": sad}, vectors)


def test_a_mood_beside_a_seed_leans_its_neighbourhood_and_finds_no_hubs():
    table = two_neighbourhoods_and_hubs()
    engine, sad = RankingEngine(table), table.column("sad")
    for seed in (0, 100):
        plain = engine.rank(Query(seeds=[(seed, 1.0)], limit=30)).rows
        leaned = engine.rank(Query(seeds=[(seed, 1.0)], moods={"sad": 1.0}, limit=10)).rows
        assert set(leaned) <= set(range(seed, seed + 100))  # the seed's world, no hubs
        assert sad[leaned].mean() > sad[plain[:10]].mean() + 0.05  # and sadder


def test_a_lighter_mood_leans_less():
    table = two_neighbourhoods_and_hubs()
    engine, sad = RankingEngine(table), table.column("sad")

    def sadness(weight: float) -> float:
        rows = engine.rank(Query(seeds=[(0, 1.0)], moods={"sad": weight}, limit=10)).rows
        return float(sad[rows].mean())
    assert sadness(0.05) < sadness(0.3) < sadness(1.0)


def hubbed_table_and_lists(discount: bool = True):
    """300 rows: most scattered, 30 packed near the middle (hubs, close to everything);
    neighbour lists built with the build's hub discount, and the table keeping its
    penalty (``discount``) as the served one does."""
    rng = np.random.default_rng(3)
    vectors = np.vstack([rng.normal(size=(270, 8)), 0.2 * rng.normal(size=(30, 8)) + 0.8])
    sad = rng.uniform(0, 1, 300)
    moods = {mood: np.zeros(300) for mood in MOODS}
    table = hand_table([f"t{i}" for i in range(300)], {**moods, "sad": sad}, vectors)
    model = NeighbourModel(k=100, hubness=0.5).fit(table.vectors)
    if discount:
        keep_penalty(table, model.hubs_[:, 0], model.hubness)
    lists = NeighbourLists(lambda row: (model.neighbours_[row], model.scores_[row]))
    return table, RankingEngine(table, [lists])


def test_a_tiny_mood_beside_a_seed_keeps_the_seed_list():
    """The plain seed is answered from its hub-discounted neighbour list, the seed with a
    mood by the exact scan: with the raw similarity there, {"sad": 1e-6} moved the list
    (a curator's mood slider moved up from zero)."""
    def moved(discount: bool) -> int:
        table, engine = hubbed_table_and_lists(discount)
        count = 0
        for seed in range(0, 300, 10):
            plain = engine.rank(Query(seeds=[(seed, 1.0)], limit=10))
            tiny = engine.rank(Query(seeds=[(seed, 1.0)], moods={"sad": 1e-6}, limit=10))
            count += plain.rows != tiny.rows
            if discount:
                assert plain.rows == tiny.rows
                assert np.allclose(plain.scores, tiny.scores, atol=1e-4)
        return count
    assert moved(discount=False) > 0  # the raw similarity: the lists jump
    assert moved(discount=True) == 0
