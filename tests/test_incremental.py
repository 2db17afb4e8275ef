"""Incremental updates: new tracks placed as a full build would place them, removed
tracks gone everywhere, each change a new version, and a failed change leaving the live
model as it was (real Redis)."""
from __future__ import annotations

import io
import json

import numpy as np
import pytest
import redis

from models.audio import GEMS, AudioFeel
from models.build import (
    FeelModel,
    FittedState,
    add_lists,
    album_key,
    build,
    compaction,
    place,
    remove_lists,
)
from models.errors import BadRequest, TrackExists, TrackNotFound
from models.ingest import Catalog
from service.store import ModelNotReady, ModelStore, StoreUnavailable, Updater
from service.store.errors import RebuildNeeded, UpdateConflict
from service.store.codec import INDEX_FILL, index_buckets
from service.store.upkeep import VERSION_KEYS

from .fixtures import make_track
from .redis_server import free_port

BASE = 200


def tracks(n: int = BASE) -> list:
    return [make_track(i, album=f"Album {i}", tags=["sad songs" if i % 2 else "party hits",
                                                    f"genre {i % 6}"]) for i in range(n)]


def newcomers(count: int = 3) -> list:
    """Tracks with ids and titles of their own, features like existing ones'; the last
    one on an album already in the catalog (Album 7 by Artist 0)."""
    return [make_track(1000 + i, title=f"New {i}", tags=["sad songs", f"genre {i % 6}"],
                       album="Album 7" if i == count - 1 else f"New album {i}")
            for i in range(count)]


def album_mates(catalog: list, built):
    """What the store gives ``place``: the own coordinates of an album's tracks."""
    def mates(keys):
        rows = {}
        for row, track in enumerate(catalog):
            if album_key(track.album, track.artist) in keys:
                rows.setdefault(album_key(track.album, track.artist), []).append(row)
        return {key: built.coords[members] for key, members in rows.items()}
    return mates


def feel_model(catalog: list) -> FeelModel:
    rows = np.arange(0, len(catalog), 2)
    labels = np.array([[(i % 10) / 5 - 1, ((i * 3) % 10) / 5 - 1] for i in rows])
    return FeelModel().fit(catalog, rows, labels)


def ids_of(catalog: list, rows) -> set[str]:
    return {catalog[int(r)].id for r in rows}


@pytest.mark.parametrize("feel", [False, True], ids=["plain", "feel"])
def test_added_tracks_match_a_full_rebuild(feel):
    """The new tracks' lists and the lists they enter equal those of a full rebuild with
    the same rows, but for the catalog statistics a rebuild refits (a few percent of the
    lists may differ in a member; here we assert >= 90% overlap and the same nearest)."""
    old, new = tracks(), newcomers()
    model = feel_model(old) if feel else None
    base = build(Catalog(tracks=list(old)), k=20, feel_model=model)
    state = FittedState.from_bytes(base.fitted.to_bytes())  # as read back from the store
    assert (state.feel_model is not None) == feel
    vectors = place(new, state, album_mates(old, base)).vectors
    full = build(Catalog(tracks=[*old, *new]), k=20, feel_model=model)
    assert np.abs(vectors - full.vectors[BASE:]).max() < 0.05  # the album prior included
    changes = add_lists(np.vstack([base.vectors, vectors]), BASE, 20, base.hubs, state,
                        lambda rows: [base.neighbours[r] for r in rows])
    both = [*old, *new]
    for j in range(len(new)):
        mine, theirs = changes.lists[BASE + j][0], full.neighbours[BASE + j]
        assert len(set(mine) & set(theirs)) >= 18
        assert mine[0] == theirs[0]
    entered = {both[r].id for r, (rows, _) in changes.lists.items() if (rows >= BASE).any()}
    expected = {both[r].id for r in range(BASE) if (full.neighbours[r] >= BASE).any()}
    assert entered and len(entered & expected) >= 0.9 * len(entered | expected)
    assert changes.hubs.shape == (BASE + len(new), 2)


def test_removal_matches_a_full_rebuild():
    old = tracks()
    base = build(Catalog(tracks=list(old)), k=20)
    state = base.fitted
    removed = [5, 17, 150, 199]
    order = compaction(BASE, removed)
    assert sorted(order) == sorted(set(range(BASE)) - set(removed))
    changes = remove_lists(base.vectors, base.neighbours, base.scores, base.hubs, order, state)
    new_of = {int(o): i for i, o in enumerate(order)}
    kept = [old[int(o)] for o in order]
    full = build(Catalog(tracks=kept), k=20)
    for row in range(len(order)):
        rows = changes.lists[row][0] if row in changes.lists else \
            [new_of[int(x)] for x in base.neighbours[order[row]]]
        assert all(0 <= r < len(order) and r != row for r in rows)
        assert len(ids_of(kept, rows) & ids_of(kept, full.neighbours[row])) >= 18


def test_fitted_state_survives_its_bytes():
    base = build(Catalog(tracks=tracks(60)), k=10, feel_model=feel_model(tracks(60)))
    back = FittedState.from_bytes(base.fitted.to_bytes())
    assert np.array_equal(back.centre, base.fitted.centre)
    assert back.k == 10 and back.hubness == base.fitted.hubness
    assert back.feel_model.tags_ == base.fitted.feel_model.tags_
    a = place(newcomers(), base.fitted).vectors
    assert np.array_equal(a, place(newcomers(), back).vectors)


def heard(items: list) -> list:
    """The tracks as analysed files: an analysis the audio feel model reads."""
    for t in items:
        x = (int(t.id[3:]) % 10) / 10 if t.id.startswith("trk") else 0.45
        t.analysis = {"loudness": -30 + 25 * x, "tempo": 70 + 80 * x,
                      "flux": float(np.sin(len(t.title)))}
    return items


def audio_feel_model(items: list) -> AudioFeel:
    loud = np.array([(t.analysis["loudness"] + 30) / 25 for t in items])
    fractions = np.full((len(items), len(GEMS)), 0.2)
    fractions[:, GEMS.index("power")], fractions[:, GEMS.index("calmness")] = loud, 1 - loud
    return AudioFeel().fit([t.analysis for t in items], fractions)


@pytest.mark.parametrize("feel", [False, True], ids=["plain", "feel"])
def test_added_analysed_files_get_the_emotion_block_a_rebuild_gives(feel):
    old, new = heard(tracks()), heard(newcomers())
    hears = audio_feel_model(old)
    model = feel_model(old) if feel else None
    base = build(Catalog(tracks=list(old)), k=10, feel_model=model, audio_feel=hears)
    state = FittedState.from_bytes(base.fitted.to_bytes())
    assert state.audio_feel is not None
    vectors = place(new, state, album_mates(old, base)).vectors
    full = build(Catalog(tracks=[*old, *new]), k=10, feel_model=model, audio_feel=hears)
    assert vectors.shape[1] == base.vectors.shape[1] == full.vectors.shape[1]
    heard_blocks = len(GEMS) + len(hears.inputs_)  # emotion, then timbre: the same model
    assert np.allclose(vectors[:, -heard_blocks:], full.vectors[BASE:, -heard_blocks:],
                       atol=1e-6)
    assert np.abs(vectors[:, -heard_blocks:]).max() > 0.01
    # the rest moves only as much as a rebuild's refitted column statistics move it
    assert np.abs(vectors - full.vectors[BASE:]).max() < 0.1


def older_build(state: FittedState) -> FittedState:
    """``state`` as a build from before the timbre block stored it (one weight less)."""
    with np.load(io.BytesIO(state.to_bytes()), allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    for name in ("block_weights", "feel_weights"):
        arrays[name] = arrays[name][:-1]
    out = io.BytesIO()
    np.savez(out, **arrays)
    return FittedState.from_bytes(out.getvalue())


@pytest.mark.parametrize("feel", [False, True], ids=["plain", "feel"])
def test_tracks_added_to_an_older_audio_build_match_its_vectors(feel):
    old, new = heard(tracks()), heard(newcomers())
    hears = audio_feel_model(old)
    base = build(Catalog(tracks=list(old)), k=10, feel_model=feel_model(old) if feel else None,
                 audio_feel=hears)
    state = older_build(base.fitted)
    assert (state.feel_weights if feel else state.block_weights).timbre == 0.0
    placed = place(new, state, album_mates(old, base)).vectors
    now = place(new, base.fitted, album_mates(old, base)).vectors
    assert placed.shape[1] == now.shape[1] - len(hears.inputs_)
    assert np.allclose(placed, now[:, :placed.shape[1]], atol=1e-6)


# -- the store ---------------------------------------------------------------------------
@pytest.fixture()
def live(store: ModelStore) -> str:
    return store.publish(build(Catalog(tracks=tracks()), k=20))


def snapshot(store: ModelStore) -> tuple:
    """What readers of the live model see: version, size, a few lists and documents."""
    version = store.current_version()
    lists = [store.neighbours(version, row)[0].tolist() for row in (0, 7, 199)]
    return version, store.meta(version)["tracks"], lists, store.tracks(version, [0, 199])


def test_add_publishes_a_new_version_with_the_tracks(store, live):
    result = Updater(store).add(newcomers())
    version = store.current_version()
    assert version == result.version != live and result.base == live
    row = store.row_of(version, "trk1000")
    assert row == BASE and store.tracks(version, [row])[0]["title"] == "New 0"
    assert len(store.neighbours(version, row)[0]) == 20
    table = store.table(version)
    assert len(table) == BASE + 3 and table.ids[-1] == "trk1002"
    assert len(store.titles(version)) == BASE + 3
    assert any(row in store.neighbours(version, r)[0] for r in range(BASE))
    assert store.meta(version)["update"] == {"kind": "add", "base": live, "tracks": 3,
                                             "lists_rewritten": result.lists_rewritten}
    assert store.row_of(live, "trk1000") is None  # the old version is as it was
    for name in VERSION_KEYS:  # every key of the live version, none left to expire
        if store.client.exists(store.key_for(name, version=live)):
            assert store.client.ttl(store.key_for(name, version=version)) == -1, name


def test_remove_takes_the_tracks_out_of_everything(store, live):
    Updater(store).add(newcomers())
    result = Updater(store).remove(["trk5", "trk1001", "trk5"])
    version = store.current_version()
    assert result.removed == ["trk5", "trk1001"] and store.meta(version)["tracks"] == BASE + 1
    assert store.row_of(version, "trk5") is None and store.row_of(version, "trk1001") is None
    table = store.table(version)
    assert len(table) == BASE + 1 and not {"trk5", "trk1001"} & set(table.ids)
    for track_id in ("trk1002", "trk199", "trk0"):
        row = store.row_of(version, track_id)
        assert store.tracks(version, [row])[0]["id"] == track_id == table.ids[row]
    for row in range(len(table)):
        rows = store.neighbours(version, row)[0]
        assert len(rows) == 20 and ((rows >= 0) & (rows < len(table)) & (rows != row)).all()
    assert store.client.hlen(store.key_for("docs", version=version)) == -(-(BASE + 1) // 16)
    with pytest.raises(ModelNotReady):  # the last rows left their bucket
        store.tracks(version, [BASE + 1])


@pytest.mark.parametrize("change, error", [
    (lambda u: u.add([make_track(3)]), TrackExists),
    (lambda u: u.add([]), BadRequest),
    (lambda u: u.remove(["nope"]), TrackNotFound),
    (lambda u: u.remove([f"trk{i}" for i in range(BASE)]), BadRequest),
], ids=["existing id", "no tracks", "unknown id", "every track"])
def test_a_refused_change_writes_nothing(store, live, change, error):
    before = snapshot(store)
    keys = set(store.client.scan_iter(match=store.key_pattern()))
    with pytest.raises(error):
        change(Updater(store))
    assert snapshot(store) == before
    assert set(store.client.scan_iter(match=store.key_pattern())) == keys


def test_a_model_built_before_updates_needs_a_rebuild(store, live):
    store.client.delete(store.key_for("fitted", version=live))
    with pytest.raises(RebuildNeeded):
        Updater(store).add(newcomers())
    assert store.current_version() == live


def test_redis_going_away_mid_add_leaves_the_live_model(store, live, redis_server):
    before = snapshot(store)
    broken = ModelStore(redis.Redis.from_url(redis_server.url), prefix=store.prefix)
    seen = []

    def lose_redis(stage: str) -> None:
        seen.append(stage)
        if stage == "copied":  # every key copied, nothing changed yet: Redis goes away
            broken.client.connection_pool.disconnect()
            broken.client.connection_pool = redis.ConnectionPool(port=free_port(),
                                                                 socket_timeout=2)

    with pytest.raises(StoreUnavailable):
        Updater(broken, on_step=lose_redis).add(newcomers())
    assert seen == ["read", "computed", "copied"]
    assert snapshot(store) == before
    pending = [v.decode() for v in store.client.zrange(store.key_for("pending"), 0, -1)]
    assert len(pending) == 1 and store.client.exists(store.key_for("docs",
                                                                   version=pending[0]))
    store.clock = lambda: 1e12  # past every deadline: the sweep removes the half version
    assert store.sweep() == pending
    assert not list(store.client.scan_iter(match=store.key_for("*", version=pending[0])))
    assert snapshot(store) == before


def test_an_interruption_after_the_switch_keeps_the_new_live_model(store, live):
    """Ctrl-C (or an error) after the new version went live deleted it, and every read
    failed until a rebuild."""
    class InterruptedAfterSwitch(ModelStore):
        def expire_old(self, *args, **kwargs):
            raise KeyboardInterrupt

    interrupted = InterruptedAfterSwitch(store.client, prefix=store.prefix)
    with pytest.raises(KeyboardInterrupt):
        Updater(interrupted).add(newcomers())
    version = store.current_version()
    assert version != live and store.client.exists(store.key_for("meta", version=version))
    assert store.row_of(version, "trk1000") is not None
    assert store.row_of(version, "trk1") is not None


@pytest.mark.parametrize("lost, stage", [("dictionary", "copied"), ("rows", "written"),
                                         ("vectors", "written")])
def test_an_update_that_lost_keys_while_written_never_goes_live(store, live, lost, stage):
    """Keys of a version being written expire until activation, so Redis may evict them
    under memory pressure (or a restart drop them): such an update went live broken
    (no seed found by id, every table load failing) or failed with a raw IndexError."""
    before = snapshot(store)

    def evict(step: str) -> None:
        if step == stage:
            pending = store.client.zrange(store.key_for("pending"), 0, -1)
            store.client.delete(store.key_for(lost, version=pending[0].decode()))

    with pytest.raises(StoreUnavailable, match=lost):
        Updater(store, on_step=evict).add(newcomers())
    assert snapshot(store) == before
    assert store.client.zcard(store.key_for("pending")) == 0  # and its memory given back


def test_redis_stalling_after_the_switch_keeps_the_new_live_model(store, live):
    """A timeout after the flip (Redis forking, a slow command) made the clean-up unsure
    whether the new version was live, and it deleted the live model."""
    class StallingClient:  # the real client, whose GETs time out once the flip is done
        stalled = False

        def __getattr__(self, name):
            return getattr(store.client, name)

        def get(self, key):
            if self.stalled:
                raise redis.TimeoutError("Timeout reading from socket")
            return store.client.get(key)

    class StalledAfterSwitch(ModelStore):
        def expire_old(self, *args, **kwargs):
            self.client.stalled = True
            raise redis.TimeoutError("Timeout reading from socket")

    with pytest.raises(Exception):
        Updater(StalledAfterSwitch(StallingClient(), prefix=store.prefix)).add(newcomers())
    version = store.current_version()
    assert version != live and store.row_of(version, "trk1000") is not None
    assert store.row_of(version, "trk1") is not None


def test_a_removal_records_the_recording_not_its_release_or_artist(store, live):
    """Every file of an album shares its "ext:musicbrainz_release": removing one track
    held back the album's other files from add --new-only."""
    shared = {"isrc": "USAAA0000001", "ext:musicbrainz_release": "rel-1"}
    Updater(store).add([make_track(2000, external_ids=shared)])
    Updater(store).remove(["trk2000"])
    assert store.removed_among(["trk2000", "isrc:USAAA0000001",
                                "ext:musicbrainz_release:rel-1"]) == [True, True, False]


def test_a_removal_interrupted_after_the_switch_stays_recorded(store, live):
    class InterruptedAfterSwitch(ModelStore):
        def expire_old(self, *args, **kwargs):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Updater(InterruptedAfterSwitch(store.client, prefix=store.prefix)).remove(["trk5"])
    assert store.row_of(store.current_version(), "trk5") is None
    assert store.removed_among(["trk5"]) == [True]


def test_a_removal_that_did_not_happen_is_not_recorded(store, live):
    def interrupt(stage: str) -> None:
        if stage == "written":  # before the switch
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Updater(store, on_step=interrupt).remove(["trk6"])
    assert store.current_version() == live and store.removed_among(["trk6"]) == [False]


def test_an_update_that_loses_the_race_is_dropped(store, live):
    rival = build(Catalog(tracks=tracks(50)), k=10)

    def rebuild_meanwhile(stage: str) -> None:
        if stage == "written":
            store.publish(rival)

    with pytest.raises(UpdateConflict):
        Updater(store, on_step=rebuild_meanwhile).add(newcomers())
    assert store.current_version() == rival.meta["version"]
    assert not store.client.zrange(store.key_for("pending"), 0, -1)
    assert store.row_of(store.current_version(), "trk1000") is None


def test_feel_model_updates_keep_their_coordinates(store):
    old, new = tracks(), newcomers()
    model = feel_model(old)
    base = build(Catalog(tracks=old), k=20, feel_model=model)
    store.publish(base)
    Updater(store).add(new)
    version = store.current_version()
    full = build(Catalog(tracks=[*old, *new]), k=20, feel_model=model)
    assert np.abs(store.vectors(version, [BASE + 2]) - full.vectors[BASE + 2]).max() < 0.05
    coords = store.coords(version)
    assert coords.shape == (BASE + 3, base.coords.shape[1])
    assert np.array_equal(coords[:BASE], base.coords)
    Updater(store).remove(["trk0"])  # the last row moves into row 0, its coordinates too
    moved = store.coords(store.current_version())
    assert np.array_equal(moved[0], coords[BASE + 2]) and len(moved) == BASE + 2


def test_a_shared_external_id_stays_with_its_first_track_through_updates(store):
    """An ISRC on two tracks belongs to the first, as in a build. Adding a second
    track with it used to take the ISRC over, and removing that one then deleted the
    ISRC although the first track still had it."""
    isrc = {"isrc": "USAAA0000001"}
    catalog = [make_track(i, external_ids=isrc if i == 3 else {}) for i in range(40)]
    store.publish(build(Catalog(tracks=catalog), k=10))
    key = "isrc:USAAA0000001"

    def holder() -> str | None:
        version = store.current_version()
        row = store.rows_of(version, [], [key])[1][0]
        return None if row is None else store.tracks(version, [row])[0]["id"]

    Updater(store).add([make_track(500, title="Song 3 (Remaster)", external_ids=isrc)])
    assert holder() == "trk3"
    Updater(store).remove(["trk500"])
    assert holder() == "trk3"
    Updater(store).remove(["trk0", "trk1"])  # the last rows move into the holes
    assert holder() == "trk3"
    Updater(store).add([make_track(501, external_ids={"isrc": "USBBB0000002"})])
    Updater(store).remove(["trk2"])  # trk501, the last row, moves into row 2
    version = store.current_version()
    row = store.rows_of(version, [], ["isrc:USBBB0000002"])[1][0]
    assert store.tracks(version, [row])[0]["id"] == "trk501" and holder() == "trk3"


def test_a_shared_external_id_finds_the_track_still_holding_it_after_a_removal(store):
    """Two tracks of a build shared an ISRC; `remove isrc:X` removed the first, and
    then `recommend isrc:X` said no track has it although the second still did."""
    shared = {"isrc": "USAAA0000001"}
    catalog = [make_track(i, external_ids=shared if i in (3, 7) else {}) for i in range(40)]
    store.publish(build(Catalog(tracks=catalog), k=10))
    key = "isrc:USAAA0000001"

    def holder() -> str | None:
        version = store.current_version()
        row = store.rows_of(version, [], [key, "isrc:USZZZ9999999"])[1]
        assert row[1] is None  # an id no track ever had stays unknown
        return None if row[0] is None else store.tracks(version, row[:1])[0]["id"]

    assert holder() == "trk3"
    assert Updater(store).remove([key]).removed == ["trk3"]
    assert holder() == "trk7"
    Updater(store).remove(["trk0", "trk1"])  # rows move: found by its track id
    assert holder() == "trk7"
    assert Updater(store).remove([key]).removed == ["trk7"]
    assert holder() is None


@pytest.mark.parametrize("catalog", [[make_track(0)], [make_track(0, id=f"same{i}")
                                                        for i in range(3)]],
                         ids=["one track", "tracks all alike"])
def test_tracks_of_a_catalog_without_spread_stay_seeds_after_an_add(store, catalog):
    """Found by a review: in the plain blocks a catalog of one track (or of tracks all
    alike) sits at its own mean, a zero vector, which reads as unplaced once tracks with
    directions of their own are added: the built track was refused as a seed."""
    version = store.publish(build(Catalog(tracks=catalog), k=5))
    assert store.table(version).placed.all()
    version = Updater(store).add(newcomers()).version
    table = store.table(version)
    assert table.placed.all()
    lists = store.neighbours(version, 0)[0].tolist()
    assert set(range(len(catalog) + 3)) - {0} <= set(lists)
    if len(catalog) > 1:  # tracks all alike stay each other's nearest
        assert set(lists[:len(catalog) - 1]) == set(range(1, len(catalog)))


def test_id_indexes_grow_with_the_tracks_added(store):
    """A lookup reads a whole index bucket, and a version kept the bucket count of the
    build it started from: a 40-track build with a million tracks added looked every
    id up in a bucket of tens of thousands. Once outgrown, the indexes are rewritten
    with as many buckets as a build of that size gets, and every name still resolves."""
    def isrc(i: int) -> dict:
        return {"isrc": f"USAAA{i:07d}"}
    store.publish(build(Catalog(tracks=[make_track(i, external_ids=isrc(i))
                                        for i in range(40)]), k=10))
    before = store.layout(store.current_version())[0]
    Updater(store).add([make_track(1000 + i, title=f"New {i}", external_ids=isrc(1000 + i))
                        for i in range(300)])
    Updater(store).remove(["trk3", "trk1005"])
    version = store.current_version()
    layout = store.layout(version)[0]
    assert (before["rows"], before["ids"]) == (1, 1)
    assert layout["rows"] == layout["ids"] == index_buckets(338)
    assert store.client.hlen(store.key_for("rows", version=version)) == layout["rows"]
    kept = [i for i in [*range(40), *range(1000, 1300)] if i not in (3, 1005)]
    rows, by_isrc = store.rows_of(version, [f"trk{i}" for i in kept],
                                  [f"isrc:USAAA{i:07d}" for i in kept])
    assert rows == by_isrc and None not in rows
    assert [d["id"] for d in store.tracks(version, rows)] == [f"trk{i}" for i in kept]
    assert store.rows_of(version, ["trk3", "trk1005"], ["isrc:USAAA0000003"]) == (
        [None, None], [None])


def test_an_external_id_index_grows_with_the_ids_added(store):
    """Found by a review: a build without external ids has one bucket for them, and
    tracks added with ISRCs (audio files bring several ids each) all went into it,
    because only the track count decided growth."""
    store.publish(build(Catalog(tracks=[make_track(i) for i in range(300)]), k=10))
    for batch in range(3):
        Updater(store).add([make_track(1000 + 300 * batch + i,
                                       external_ids={"isrc": f"USBBB{batch}{i:06d}"})
                            for i in range(300)])
    version = store.current_version()
    assert store.layout(version)[0]["ids"] > 1
    fill = [len(json.loads(b)) for b in
            store.client.hgetall(store.key_for("ids", version=version)).values()]
    assert max(fill) <= 4 * INDEX_FILL and sum(fill) == 900
    rows = store.rows_of(version, [], [f"isrc:USBBB{b}{i:06d}" for b in range(3)
                                       for i in (0, 299)])[1]
    assert [store.tracks(version, [r])[0]["id"] for r in rows] == [
        f"trk{1000 + 300 * b + i}" for b in range(3) for i in (0, 299)]


def test_many_added_tracks_enter_each_list_as_an_exact_merge_would():
    """More tracks added than a list holds: each list written is the exact top-K of its
    stored members and every new track (only each list's best K new rows are compared
    with it, a block at a time, not every new row)."""
    old, new = tracks(), newcomers(60)
    base = build(Catalog(tracks=list(old)), k=20)
    state = base.fitted
    vectors = np.vstack([base.vectors, place(new, state).vectors])
    changes = add_lists(vectors, BASE, 20, base.hubs, state,
                        lambda rows: [base.neighbours[r] for r in rows])
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    entered = [r for r in changes.lists if r < BASE]
    assert len(entered) > 10
    for row in entered:
        candidates = np.concatenate([base.neighbours[row], np.arange(BASE, len(vectors))])
        sims = unit[candidates] @ unit[row] if state.metric == "cosine" else \
            -np.linalg.norm(vectors[candidates] - vectors[row], axis=1)  # same order
        best = set(candidates[np.argsort(-sims, kind="stable")[:20]])
        assert set(changes.lists[row][0]) == best
