"""A list asked for by mood alone spreads over kinds of music: the tracks that fit the
mood about as well as the plain top 10, picked so that they do not all sound alike or
come from one genre's playlists. Seeds, a text (its words may name the kind of music:
"calm piano") or a diversity the request sets rank as before."""
from __future__ import annotations

import numpy as np
import pytest

from models.ranking import Query, RankingEngine, TrackTable
from service.resources import Resources

from .fixtures import hand_table

GENRES = ("latin", "rock", "metal")
#: each genre's valence: rock fits a target of 0.9 nearly as well as latin (0.975 against
#: 1.0, within the spread's margin); metal is far from it (0.3)
VALENCE = {"latin": 0.9, "rock": 0.85, "metal": -0.5}


def three_genres() -> TrackTable:
    """15 tracks of each genre: 2 mood columns (valence, arousal) and a world column per
    genre, with a little noise so tracks of one genre are not identical."""
    rng = np.random.default_rng(0)
    ids, va, world = [], [], []
    for g, genre in enumerate(GENRES):
        for i in range(15):
            ids.append(f"{genre}{i}")
            va.append((VALENCE[genre], 0.3))
            world.append(np.eye(3)[g] + rng.uniform(0, 0.05, 3))
    va = np.asarray(va)
    return hand_table(ids, {"valence_mood": va[:, 0], "arousal_mood": va[:, 1]},
                      np.hstack([va, np.asarray(world)]),
                      np.array([True, True, False, False, False]))


def genres_of(table: TrackTable, rows: list[int]) -> list[str]:
    return [table.ids[r].rstrip("0123456789") for r in rows]


@pytest.fixture()
def table() -> TrackTable:
    return three_genres()


def test_a_plain_mood_list_holds_one_genre(table):
    ranking = RankingEngine(table).rank(Query(target_valence=0.9))
    assert set(genres_of(table, ranking.rows)) == {"latin"}


def test_a_spread_list_spans_the_genres_that_fit_and_keeps_the_best_first(table):
    plain = RankingEngine(table).rank(Query(target_valence=0.9))
    ranking = RankingEngine(table).rank(Query(target_valence=0.9, spread=True))
    genres = genres_of(table, ranking.rows)
    assert len(ranking.rows) == 10 and ranking.rows[0] == plain.rows[0]
    assert "rock" in genres[:3]  # the next pick is the other kind of music that fits
    assert "metal" not in genres  # it fits far worse than the plain list's last


def test_past_the_tracks_that_fit_as_well_a_spread_list_goes_on_in_plain_order(table):
    ranking = RankingEngine(table).rank(Query(target_valence=0.9, spread=True, limit=40))
    genres = genres_of(table, ranking.rows)
    assert genres[:30].count("metal") == 0 and genres[30:] == ["metal"] * 10
    assert ranking.scores[30:] == sorted(ranking.scores[30:], reverse=True)


def test_a_longer_spread_list_begins_as_the_shorter_one_does():
    """Found by an app developer: the top 5 of ``{"moods": {"joyful": 1}}`` at limit 5
    was not the first 5 at limit 20, so "load more" reordered what was shown: the
    tracks a spread chose among reached as far down as the limit-th plain score."""
    rng = np.random.default_rng(1)
    valence = {"a": 0.9, "b": 0.8, "c": 0.66, "d": 0.5}  # scores 1, 0.95, 0.88, 0.8
    ids, va, world = [], [], []
    for g, (genre, v) in enumerate(valence.items()):
        for i in range(10):
            ids.append(f"{genre}{i}")
            va.append((v, 0.3))
            world.append(np.eye(4)[g] + rng.uniform(0, 0.05, 4))
    va = np.asarray(va)
    table = hand_table(ids, {"valence_mood": va[:, 0], "arousal_mood": va[:, 1]},
                       np.hstack([va, np.asarray(world)]), np.array([True, True] + [False] * 4))
    engine = RankingEngine(table)
    lists = {limit: engine.rank(Query(target_valence=0.9, spread=True, limit=limit)).rows
             for limit in (3, 5, 10, 20, 30, 40)}
    assert {table.ids[r][0] for r in lists[5]} == {"a", "b"}  # spread, among what fits
    for short, long in ((3, 5), (5, 10), (10, 20), (20, 30), (30, 40)):
        assert lists[long][:short] == lists[short], (short, long)


def test_a_diversity_or_temperature_the_request_sets_takes_the_place_of_the_spread(table):
    engine = RankingEngine(table)
    for asked in ({"diversity": 0.5}, {"temperature": 1.0, "random_seed": 3}):
        spread = engine.rank(Query(target_valence=0.9, spread=True, **asked))
        plain = engine.rank(Query(target_valence=0.9, **asked))
        assert spread.rows == plain.rows


def test_a_table_without_marked_mood_columns_is_not_spread():
    marked = three_genres()
    table = hand_table(marked.ids, {"valence_mood": marked.column("valence_mood"),
                                    "arousal_mood": marked.column("arousal_mood")},
                       marked.vectors)
    engine = RankingEngine(table)
    assert engine.rank(Query(target_valence=0.9, spread=True)).rows == \
        engine.rank(Query(target_valence=0.9)).rows


# -- through the API ----------------------------------------------------------------

def served(store, *, spread: bool, **query) -> list[str]:
    current = Resources(store).current()
    ranking = current.engine.rank(Query(spread=spread, **query))
    return [current.table.ids[r] for r in ranking.rows]


def ids(response) -> list[str]:
    assert response.status_code == 200, response.get_json()
    return [r["id"] for r in response.get_json()["results"]]


def test_a_mood_request_without_a_diversity_is_spread(client, store, published):
    spread, plain = (served(store, spread=s, moods={"sad": 1.0}) for s in (True, False))
    assert spread != plain  # the two orders differ on this catalog, so the test can fail
    post = client.post
    assert ids(post("/v1/recommendations", json={"moods": {"sad": 1}})) == spread
    assert ids(post("/v1/recommendations", json={"moods": {"sad": 1}, "diversity": None})) \
        == spread  # null, like an absent field, asks for the default
    assert ids(post("/v1/recommendations", json={"moods": {"sad": 1}, "diversity": 0})) \
        == plain


def test_a_seed_or_a_text_is_not_spread(client, store, published):
    seed = Resources(store).current().table.ids[3]
    body = {"seeds": [seed], "moods": {"sad": 1}}
    assert ids(client.post("/v1/recommendations", json=body)) == \
        ids(client.post("/v1/recommendations", json={**body, "diversity": 0}))
    for text in ("sad party hits", "sad"):  # "party hits" names the catalog's tag
        body = {"text": text}
        assert ids(client.post("/v1/recommendations", json=body)) == \
            ids(client.post("/v1/recommendations", json={**body, "diversity": 0}))


def test_an_arc_playlist_warns_of_a_diversity_only_when_one_is_sent(client, published):
    body = {"arc": {"from": "sad", "to": "joyful"}, "length": 5}
    answer = client.post("/v1/playlists", json=body).get_json()
    assert not any("diversity" in w for w in answer.get("warnings", []))
    answer = client.post("/v1/playlists", json={**body, "diversity": 0.4}).get_json()
    assert any("diversity" in w for w in answer["warnings"])
