"""One recording under several ids (a single and its album copy, a remaster): whichever
id a user seeds with, the answer is the same; a remix or live take stays its own seed."""
import numpy as np
import pytest

from models.build import build
from models.ingest import AUDIO_FEATURES, Catalog
from models.ranking import Query, RankingEngine, audio_matrix, recording_codes
from tests.fixtures import make_track

SONG = dict(title="Song 5", artist="Artist 5")


def codes_of(tracks) -> list[int]:
    keys = [(t.title.split(" - ")[0], t.artist) for t in tracks]
    songs = np.array([sorted(set(keys)).index(k) for k in keys])
    return recording_codes(songs, audio_matrix(tracks)).tolist()


def test_ids_of_one_song_with_the_same_sound_are_one_recording():
    base = make_track(5)
    louder = dict(base.features, loudness=base.features["loudness"] + 3.0)  # a remaster
    near = dict(base.features, energy=base.features["energy"] + 0.02)  # rounding
    remix = dict(base.features, energy=base.features["energy"] + 0.3, tempo=128.0)
    tracks = [base, make_track(50, id="album", features=louder, **SONG),
              make_track(51, id="near", features=near, **SONG),
              make_track(52, id="remix", features=remix, title="Song 5 - Club Remix",
                         artist="Artist 5"),
              make_track(53, id="other", features=base.features, title="Song 5",
                         artist="Someone Else")]
    assert codes_of(tracks) == [0, 0, 0, 3, 4]


def test_ids_without_sound_are_one_recording_and_a_missing_feature_is_not_a_difference():
    bare = [make_track(1, features={}, **SONG), make_track(2, features={}, **SONG)]
    assert codes_of(bare) == [0, 0]
    partial = make_track(5)
    no_tempo = {k: v for k, v in partial.features.items() if k != "tempo"}
    assert codes_of([partial, make_track(9, id="x", features=no_tempo, **SONG)]) == [0, 0]


def test_one_link_joins_a_chain_of_near_ids():
    first = make_track(5)
    steps = [dict(first.features, energy=first.features["energy"] + d) for d in (0.04, 0.08)]
    tracks = [first] + [make_track(60 + i, id=f"s{i}", features=f, **SONG)
                        for i, f in enumerate(steps)]
    assert codes_of(tracks) == [0, 0, 0]


def test_the_tolerance_reads_only_the_features_that_say_how_a_track_sounds():
    assert "loudness" in AUDIO_FEATURES and "duration_ms" in AUDIO_FEATURES
    base = make_track(5, features=dict(make_track(5).features, duration_ms=200000.0))
    edit = dict(base.features, duration_ms=150000.0, key=3.0)  # a radio edit
    assert codes_of([base, make_track(70, id="edit", features=edit, **SONG)]) == [0, 0]


@pytest.fixture(scope="module")
def twice_listed():
    """Track 5 listed again on a compilation, found in another playlist."""
    tracks = [make_track(i) for i in range(40)]
    tracks.append(make_track(5, id="compilation-5", album="Hits",
                             tags=["party hits" if 5 % 2 else "sad songs", "workout"]))
    return build(Catalog(tracks), k=20)


def test_either_id_of_a_recording_gives_the_same_neighbour_list(twice_listed):
    ids = [t.id for t in twice_listed.tracks]
    single, copy = ids.index("trk5"), ids.index("compilation-5")
    assert twice_listed.meta["neighbours"]["shared_queries"] == 2
    lists = twice_listed.neighbours
    assert [r for r in lists[single] if r != copy] == [r for r in lists[copy] if r != single]


def test_either_id_of_a_recording_ranks_alike_when_the_whole_catalog_is_scored(twice_listed):
    table = twice_listed.table()
    engine = RankingEngine(table)  # the exact scan: filters and several seeds go here
    ids = list(table.ids)
    single, copy = ids.index("trk5"), ids.index("compilation-5")
    other = ids.index("trk9")

    def ranked(*seeds: int) -> list[str]:
        found = engine.rank(Query(seeds=[(s, 1.0) for s in seeds], limit=15)).rows
        return [ids[r] for r in found]

    assert ranked(single) == ranked(copy)
    assert ranked(single, other) == ranked(copy, other)
    # the pooled seed is the mean of both ids, not either one alone
    assert table.recording_codes[single] == table.recording_codes[copy] != \
        table.recording_codes[other]


def test_the_service_answers_either_id_of_a_recording_alike(client, store):
    tracks = [make_track(i) for i in range(30)]
    tracks.append(make_track(5, id="compilation-5", album="Hits", tags=["workout"]))
    store.publish(build(Catalog(tracks), k=12))

    def titles(seed: str, **asked) -> list[str]:
        body = client.post("/v1/recommendations", json={"seeds": [seed], "limit": 8, **asked})
        return [r["id"] for r in body.get_json()["results"]]

    assert titles("trk5") == titles("compilation-5")  # the stored lists
    assert titles("trk5", diversity=0.3) == titles("compilation-5", diversity=0.3)  # a scan
    assert "trk5" not in titles("compilation-5") and "compilation-5" not in titles("trk5")
