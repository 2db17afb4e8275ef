"""The ranking engine and the contract every candidate index keeps (after implicit's
recommender contract test): run on each implementation."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from models.build import build
from models.ingest import Catalog
from models.language import normalise
from models.ranking import ExactScan, NeighbourLists, Query, RankingEngine, VectorIndex

from .fixtures import hand_table, make_track


@pytest.fixture(scope="module")
def built():
    tracks = [make_track(i) for i in range(60)]
    tracks += [make_track(200 + i, id=f"dup{i}", title="Song 5 - Live", artist="Artist 5")
               for i in range(3)]
    return build(Catalog(tracks), k=30)


def lists_of(built):
    return NeighbourLists(lambda row: (built.neighbours[row], built.scores[row]))


INDEXES = {"neighbour-lists": lists_of, "exact-scan": lambda built: ExactScan(built.table()),
           "vector-index": lambda built: VectorIndex(built.table().compact(), pool=8)}


@pytest.fixture(params=sorted(INDEXES))
def engine(request, built) -> RankingEngine:
    table = built.table()
    index = INDEXES[request.param](built)
    return RankingEngine(table, [index])


def test_index_contract(built):
    table = built.table()
    for index in (lists_of(built), ExactScan(table), VectorIndex(table, pool=8)):
        found = index.candidates(Query(seeds=[(5, 1.0)], limit=10))
        assert found.rows.dtype == np.int64 and len(found.rows) == len(found.scores) > 0
        assert np.all((found.scores >= 0) & (found.scores <= 1))
        assert len(set(found.rows.tolist())) == len(found.rows)


def test_rank_contract(engine, built):
    table = engine.table
    ranking = engine.rank(Query(seeds=[(5, 1.0)], limit=10))
    assert len(ranking.rows) == 10 and 5 not in ranking.rows
    assert ranking.scores == sorted(ranking.scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in ranking.scores)
    songs = [table.song_keys[r] for r in ranking.rows]
    assert len(set(songs)) == len(songs)  # one version per song ...
    assert table.song_keys[5] not in songs  # ... and never the seed's own song


def test_limit_larger_than_the_catalog(engine):
    ranking = engine.rank(Query(seeds=[(0, 1.0)], limit=100))
    assert 0 < len(ranking.rows) < 100 and 0 not in ranking.rows


def test_neighbour_lists_answer_a_single_seed_filtered_or_not(built):
    lists = lists_of(built)
    for query in (Query(seeds=[(1, 1.0)]), Query(seeds=[(1, 1.0), (1, 2.0)]),
                  Query(seeds=[(1, 1.0)], exclude_artists={"artist 3"})):
        assert lists.candidates(query) is not None
    for query in (Query(seeds=[(1, 1.0), (2, 1.0)]), Query(seeds=[(1, 1.0)], moods={"sad": 1}),
                  Query(seeds=[(1, 1.0)], diversity=0.5), Query(moods={"sad": 1.0})):
        assert lists.candidates(query) is None


def test_a_filter_that_removes_nothing_keeps_the_plain_order(built):
    """A lone seed is answered from the build's lists (hub reduction, asserted
    neighbours); a filter used to send it to the exact scan, which scores by plain
    cosine, so adding a filter that removes nothing reordered the list."""
    table = built.table()
    engine = RankingEngine(table, [lists_of(built)])
    plain = engine.rank(Query(seeds=[(5, 1.0)], limit=5))
    for query in (Query(seeds=[(5, 1.0)], limit=5, exclude_artists={"nobody at all"}),
                  Query(seeds=[(5, 1.0)], limit=5, include_rows=set(range(len(table)))),
                  Query(seeds=[(5, 1.0), (5, 1.0)], limit=5)):
        ranking = engine.rank(query)
        assert ranking.rows == plain.rows and ranking.scores == plain.scores


def test_filters_apply_whichever_index_answers(engine):
    query = Query(seeds=[(5, 1.0)], exclude_artists={normalise("Artist 3")}, max_per_artist=1,
                  limit=8)
    ranking = engine.rank(query)
    artists = [engine.table.artist_keys[r] for r in ranking.rows]
    # seven artists in the catalog, one excluded, one track each
    assert "artist 3" not in artists and len(artists) == len(set(artists)) == 6


def test_plain_seed_uses_the_precomputed_lists(built):
    table = built.table()
    engine = RankingEngine(table, [lists_of(built)])
    ranking = engine.rank(Query(seeds=[(7, 1.0)], limit=5, dedupe=False))
    assert ranking.rows == [int(r) for r in built.neighbours[7][:5]]


def test_a_playlist_pool_is_the_ranking_s_best(engine):
    """Without an arc a playlist is made of what the recommendations rank first."""
    query = Query(seeds=[(7, 1.0)], limit=12)
    rows, scores = engine.pool(query, 12)
    assert rows.tolist() == engine.rank(query).rows and len(rows) == 12
    assert scores.tolist() == sorted(scores.tolist(), reverse=True)


def test_a_pool_longer_than_the_lists_comes_from_the_next_index(built):
    table = built.table()
    engine = RankingEngine(table, [lists_of(built), VectorIndex(table)])
    rows, _ = engine.pool(Query(seeds=[(7, 1.0)]), 40)  # the lists hold 30
    assert len(rows) == 40 and 7 not in rows
    assert engine.pool(Query(seeds=[(7, 1.0)]), 10)[0].tolist() == \
        engine.rank(Query(seeds=[(7, 1.0)], limit=10)).rows


def test_a_longer_limit_continues_the_shorter_list(built):
    """Past the precomputed lists the next index only continues them: asking for 40
    (the lists hold 30) used to re-rank everything by plain cosine, so the first ten
    of a longer answer were not the ten a shorter limit gave."""
    table = built.table()
    engine = RankingEngine(table, [lists_of(built), VectorIndex(table)])
    for seed in range(0, 60, 3):
        short = engine.rank(Query(seeds=[(seed, 1.0)], limit=10))
        long = engine.rank(Query(seeds=[(seed, 1.0)], limit=40))
        assert long.rows[:10] == short.rows and long.scores[:10] == short.scores
        assert len(long.rows) == 40 and len(set(long.rows)) == 40 and seed not in long.rows
        assert long.scores == sorted(long.scores, reverse=True)
        listed = set(built.neighbours[seed].tolist())
        beyond = [r for r in long.rows if r not in listed]
        similarity = ExactScan(table).candidates(Query(seeds=[(seed, 1.0)])).scores
        assert beyond and long.rows[-len(beyond):] == beyond  # the list first
        # the rest by similarity (capped scores used to tie them, leaving row order)
        assert [similarity[r] for r in beyond] == sorted((similarity[r] for r in beyond),
                                                         reverse=True)
        pool, _ = engine.pool(Query(seeds=[(seed, 1.0)]), 40)
        assert pool.tolist()[:10] == short.rows and len(pool) == 40  # no made-up ties


def test_a_filtered_seed_keeps_its_list_order_before_the_continuation(built):
    table = built.table()
    engine = RankingEngine(table, [lists_of(built), VectorIndex(table)])
    query = Query(seeds=[(4, 1.0)], limit=40, dedupe=False,
                  exclude_artists={normalise("Artist 3")})
    listed = [int(r) for r in built.neighbours[4] if table.artist_keys[r] != "artist 3"]
    rows = engine.rank(query).rows
    assert rows[:len(listed)] == listed and len(rows) == 40
    assert not any(table.artist_keys[r] == "artist 3" for r in rows)


def test_a_lone_negative_seed_pushes_by_its_weight(built):
    """Negative weights used to count only against each other: one negative seed pushed
    as hard at weight 0.1 as at 10."""
    scan = ExactScan(built.table())

    def closeness(weight: float, positive: float = 1.0) -> float:
        """The relevance of the negative seed itself to the query."""
        query = Query(seeds=[(5, positive)], negative_seeds=[(9, weight)])
        return float(scan.candidates(query).scores[9])

    plain = float(scan.candidates(Query(seeds=[(5, 1.0)])).scores[9])
    assert plain > closeness(0.1) > closeness(1.0) > closeness(10.0)
    assert closeness(1.0) == pytest.approx(closeness(2.0, positive=2.0))
    assert np.isfinite(closeness(10.0, positive=1e-320))


def test_negative_seeds_push_without_seeds(built):
    """Beside moods, text or targets but no seeds, negative seeds were ignored (only
    left out of the answer): the tracks most like them came first all the same."""
    table = built.table()
    engine = RankingEngine(table, [ExactScan(table)])
    unit = table.unit_vectors

    def likeness(query: Query) -> float:
        """Mean cosine of the top 10 to the negative seed, row 9."""
        return float(np.mean(unit[engine.rank(query).rows] @ unit[9]))

    for asked in ({"moods": {"sad": 1.0}}, {"target_valence": 0.5}, {"targets": {"energy": 0.5}}):
        plain = Query(limit=10, **asked)  # type: ignore[arg-type]
        pushed = replace(plain, negative_seeds=[(9, 1.0)])
        harder = replace(plain, negative_seeds=[(9, 10.0)])
        assert likeness(plain) > likeness(pushed) >= likeness(harder), asked
        assert 9 not in engine.rank(pushed).rows


def test_temperature_varies_the_list_by_degrees(built):
    """Noise on log scores made any temperature, even 0.01, a nearly random pick of the
    catalog (scores near the top differ by thousandths), and drew from the plain scan
    rather than the seed's list. Draws now go by rank in the plain order."""
    table = built.table()
    engine = RankingEngine(table, [lists_of(built), VectorIndex(table)])

    def kept(temperature: float) -> float:
        shared = []
        for seed in range(0, 60, 6):
            plain = engine.rank(Query(seeds=[(seed, 1.0)], limit=10)).rows
            for draw in range(5):
                drawn = engine.rank(Query(seeds=[(seed, 1.0)], limit=10,
                                          temperature=temperature, random_seed=draw)).rows
                assert len(drawn) == 10 and seed not in drawn
                shared.append(len(set(drawn) & set(plain)))
        return float(np.mean(shared))

    assert kept(0.01) == 10
    assert 10 > kept(0.3) > kept(1.0) > kept(5.0)
    assert kept(1.0) >= 4  # still mostly what feels like the seed


def test_a_pool_keeps_every_track_tied_with_its_last(built):
    tracks = [make_track(0, id=f"same{i}", title=f"Same {i}", artist=f"Artist {i}",
                         features={"valence": 0.5, "energy": 0.5, "tempo": 90.0})
              for i in range(30)]
    table = build(Catalog(tracks), k=5).table()
    rows, scores = RankingEngine(table).pool(Query(seeds=[(0, 1.0)]), 6)
    assert len(rows) == 29 and len(set(scores.tolist())) == 1


def test_an_arc_pool_is_every_allowed_row(built):
    engine = RankingEngine(built.table(), [lists_of(built)])
    rows, relevance = engine.pool(Query(seeds=[(7, 1.0)], moods={"sad": 1.0}), None)
    assert len(rows) == len(relevance) == len(engine.table) - 1 and 7 not in rows


def test_get_and_post_agree_on_a_plain_seed(client, published):
    get = client.get("/v1/recommendations?seed=trk3&limit=6").get_json()
    post = client.post("/v1/recommendations", json={"seeds": ["trk3"], "limit": 6}).get_json()
    assert [r["id"] for r in get["results"]] == [r["id"] for r in post["results"]]
    assert [r["score"] for r in get["results"]] == [r["score"] for r in post["results"]]


def test_a_far_target_does_not_favour_tracks_without_the_value():
    """A track nobody measured counts as a typical one: asked for a tempo past every
    known one, the tracks with no tempo came first when they scored a fixed 0.5."""
    known = [make_track(i) for i in range(40)]  # tempo 80-119
    unmeasured = [make_track(100 + i, features={"energy": 0.5, "valence": 0.5})
                  for i in range(5)]
    built = build(Catalog(known + unmeasured), k=20)
    table = built.table()
    far = RankingEngine(table, [ExactScan(table)]).rank(Query(targets={"tempo": 135.0},
                                                                limit=5))
    assert sorted(far.rows) == list(range(35, 40))  # the five fastest known


def test_a_named_tag_reorders_tracks_that_fit_but_does_not_outrank_the_mood():
    """Found by a curator: "rainy sunday morning" named the "Tropical Morning" playlist
    by one word, and its joyful tracks took the whole list from the calm ones asked for."""
    valence = [0.9] * 10 + [-0.5] * 10 + [-0.45] * 10  # tagged far, untagged fitting, tagged
    tags = [frozenset({"tropical morning"})] * 10 + [frozenset()] * 10 \
        + [frozenset({"tropical morning"})] * 10
    table = replace(hand_table([f"t{i}" for i in range(30)], {"valence_mood": valence},
                               np.eye(30)), tags=tags)
    engine = RankingEngine(table, [ExactScan(table)])
    asked = Query(target_valence=-0.5, prefer_tags={"tropical morning"}, limit=20)
    rows = engine.rank(asked).rows
    # the tagged tracks that fit about as well come first, the far ones never before
    # a fitting track
    assert sorted(rows[:10]) == list(range(20, 30))
    assert sorted(rows[10:20]) == list(range(10, 20))
