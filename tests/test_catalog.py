"""Catalog ingest: formats, column names, merging, malformed rows."""
from __future__ import annotations

import json

import pytest

from models.errors import CatalogError
from models.ingest import load_catalog, synthetic_id

from .fixtures import CATALOG_HEADER as HEADER
from .fixtures import TIDY, needs_shared, write


def test_duplicate_rows_merge_and_keep_playlists_as_tags(tmp_path):
    path = write(tmp_path, "c.csv", HEADER +
                 "a1,Song,Band,LP,Sad Songs,pop,0.5,0.2,100\n"
                 "a1,Song,Band,LP,Rainy Day,rock,0.5,0.2,100\n"
                 "b2,Other,Band,LP,Party,edm,0.9,0.9,128\n")
    catalog = load_catalog([path])
    assert [t.id for t in catalog.tracks] == ["a1", "b2"]
    song = catalog.tracks[0]
    assert song.title == "Song" and song.artist == "Band" and song.album == "LP"
    assert song.tags == ["Sad Songs", "pop", "Rainy Day", "rock"]
    assert song.features == {"energy": 0.5, "valence": 0.2, "tempo": 100.0}


def test_malformed_rows_are_skipped_and_reported_with_line(tmp_path):
    path = write(tmp_path, "c.csv", HEADER +
                 "a1,Song,Band,LP,P,pop,0.5,0.2,100\n"
                 "a2,,Band,LP,P,pop,0.5,0.2,100\n"          # no title
                 "a3,Bad,Band,LP,P,pop,loud,0.2,100\n"       # not a number
                 "a4,Short,Band\n"                            # too few fields
                 "a5,Inf,Band,LP,P,pop,inf,0.2,100\n")       # not finite
    catalog = load_catalog([path])
    assert [t.id for t in catalog.tracks] == ["a1"]
    assert [(p.line, p.file) for p in catalog.problems] == [(3, str(path)), (4, str(path)),
                                                            (5, str(path)), (6, str(path))]
    assert "energy" in catalog.problems[1].reason
    assert catalog.skipped == 4


def test_nothing_usable_fails_clearly(tmp_path):
    path = write(tmp_path, "c.csv", HEADER + "a2,,Band,LP,P,pop,0.5,0.2,100\n")
    with pytest.raises(CatalogError, match="no usable tracks.*c.csv.*line|no usable tracks"):
        load_catalog([path])
    with pytest.raises(CatalogError, match="no usable tracks"):
        load_catalog([write(tmp_path, "empty.csv", "")])
    with pytest.raises(CatalogError, match="no usable tracks"):
        load_catalog([write(tmp_path, "header.csv", HEADER)])


def test_jsonl_with_aliases_and_bad_lines(tmp_path):
    lines = [json.dumps({"name": "Night Drive", "artist_name": "X", "energy": 0.3,
                         "tags": ["late night", "synthwave"]}),
             "{not json",
             json.dumps(["a", "list"]),
             "",
             json.dumps({"title": "Morning", "artist": "Y"})]
    path = write(tmp_path, "c.jsonl", "\n".join(lines) + "\n")
    catalog = load_catalog([path])
    assert [t.title for t in catalog.tracks] == ["Night Drive", "Morning"]
    assert catalog.tracks[0].id == synthetic_id("Night Drive", "X")
    assert catalog.tracks[0].tags == ["late night", "synthwave"]
    assert catalog.tracks[1].features == {}
    assert [p.line for p in catalog.problems] == [2, 3]


def test_parquet(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "title": ["One", "Two"],
                             "danceability": [0.1, None]}), path)
    catalog = load_catalog([path])
    assert [t.id for t in catalog.tracks] == ["p1", "p2"]
    assert catalog.tracks[0].features == {"danceability": 0.1}
    assert catalog.tracks[1].features == {}
    bad = write(tmp_path, "broken.parquet", "not parquet")
    with pytest.raises(CatalogError, match="not a readable Parquet"):
        load_catalog([bad])


def test_parquet_is_read_in_batches_with_rows_numbered_across_them(tmp_path):
    """A large Parquet catalog is read a batch of 65,536 rows at a time; a bad row in a
    later batch is still reported with its own row number and the good rows kept."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    n, bad = 70_000, 65_540
    titles = [None if i == bad - 1 else f"Song {i}" for i in range(n)]
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"id": [f"p{i}" for i in range(n)], "title": titles,
                             "energy": [i / n for i in range(n)]}), path,
                   row_group_size=10_000)
    catalog = load_catalog([path])
    assert len(catalog.tracks) == n - 1 and catalog.tracks[-1].id == f"p{n - 1}"
    assert catalog.tracks[-1].features == {"energy": (n - 1) / n}
    assert [(p.line, p.reason) for p in catalog.problems] == [(bad, "no title")]


def test_explicit_mapping(tmp_path):
    path = write(tmp_path, "c.csv", "Song Name,Performer,BPM\nTune,Z,90\n")
    catalog = load_catalog([path], {"title": "Song Name", "artist": "Performer",
                                    "tempo": "BPM"})
    track = catalog.tracks[0]
    assert (track.title, track.artist, track.features) == ("Tune", "Z", {"tempo": 90.0})
    with pytest.raises(CatalogError, match="no column 'Nope'"):
        load_catalog([path], {"title": "Nope"})


def test_a_mapping_renames_the_columns_of_the_catalogs_that_have_them(tmp_path):
    """build --catalog mine.csv --catalog tidy.csv --map title="Song Name" failed: the
    second file has a plain title column and no "Song Name"."""
    mine = write(tmp_path, "mine.csv", "Song Name,Performer,ISRC Code\nTune,Z,USRC17607839\n")
    theirs = write(tmp_path, "theirs.csv", "title,artist,isrc\nOther,Y,GBAYE0601498\n")
    catalog = load_catalog([mine, theirs], {"title": "Song Name", "artist": "Performer",
                                            "isrc": "ISRC Code"})
    assert [(t.title, t.artist, t.external_ids["isrc"]) for t in catalog.tracks] == [
        ("Tune", "Z", "USRC17607839"), ("Other", "Y", "GBAYE0601498")]
    with pytest.raises(CatalogError, match="no catalog has a column 'Nope'"):
        load_catalog([mine, theirs], {"title": "Song Name", "album": "Nope"})
    with pytest.raises(CatalogError, match="no field 'colour'"):
        load_catalog([mine, theirs], {"colour": "Song Name"})


def test_a_json_lines_file_is_held_to_the_mapping_its_first_row_takes(tmp_path):
    """Of several files, a JSON Lines row without the mapped key was read by the plain
    "title" key instead of being reported, as it is when the file is loaded alone."""
    lines = write(tmp_path, "c.jsonl", '{"Name": "One", "id": "j1"}\n'
                  '{"title": "Two", "id": "j2"}\n')
    other = write(tmp_path, "o.csv", "title,artist\nThree,Y\n")
    for paths in ([lines], [lines, other]):
        catalog = load_catalog(paths, {"title": "Name"})
        assert [t.title for t in catalog.tracks] == ["One", "Three"][:len(paths)]
        assert [(p.line, "no column 'Name'" in p.reason) for p in catalog.problems] == \
            [(2, True)]


def test_a_feature_off_its_scale_is_left_out_and_reported(tmp_path):
    """Found by a review: energy -5 and valence 2 were read as they were (valence +1,
    arousal -1) and the track ranked second for a sad seed; a 0-100 catalog too."""
    path = write(tmp_path, "c.csv", "id,title,energy,valence,tempo,loudness\n"
                 "a,Neg,-5,2,-10,-8\nb,Fine,0.5,0.4,120,-6.5\nc,Pct,65,40,118,\n")
    catalog = load_catalog([path])
    assert [dict(t.features) for t in catalog.tracks] == [
        {"loudness": -8.0}, {"energy": 0.5, "valence": 0.4, "tempo": 120.0, "loudness": -6.5},
        {"tempo": 118.0}]
    assert all(p.kept for p in catalog.problems) and catalog.skipped == 0
    assert [(p.line, p.reason) for p in catalog.problems][:2] == [
        (2, "energy -5 is outside 0..1 (Spotify's scale); left out"),
        (2, "valence 2 is outside 0..1 (Spotify's scale); left out")]
    assert len(catalog.problems) == 5


def test_a_field_s_column_named_twice_is_refused_not_guessed(tmp_path):
    """Found by a review: a header with two "title" columns read the last, silently."""
    path = write(tmp_path, "c.csv", "id,title,artist,Title \na,One,X,Two\n")
    with pytest.raises(CatalogError, match="c.csv: the header names the column 'Title' "
                                           "more than once"):
        load_catalog([path])
    spare = write(tmp_path, "d.csv", "id,title,artist,extra,extra\na,One,X,1,2\n")
    assert [t.title for t in load_catalog([spare]).tracks] == ["One"]  # a column not read


def test_unsupported_and_missing_files(tmp_path):
    with pytest.raises(CatalogError, match="unsupported catalog format"):
        load_catalog([write(tmp_path, "c.xlsx", "x")])
    with pytest.raises(CatalogError, match="no such file"):
        load_catalog([tmp_path / "absent.csv"])
    with pytest.raises(CatalogError, match="no catalog"):
        load_catalog([])


@needs_shared
def test_tidytuesday_loads_as_it_is():
    catalog = load_catalog([TIDY])
    # 28,356 unique ids; 5 rows have no title ("NA") and are reported
    assert 28_300 < len(catalog.tracks) <= 28_356
    assert catalog.skipped == 5 and all("no title" in p.reason for p in catalog.problems)
    by_id = {t.id: t for t in catalog.tracks}
    track = by_id["6f807x0ima9a1j3VPbc7VN"]
    assert {"Pop Remix", "pop", "dance pop"} <= set(track.tags)
    assert len(track.features) == 12


def test_loaded_features_are_compact_and_behave_as_a_mapping(tmp_path):
    """The loader keeps features in a compact row: it must read, compare, serialise
    and pickle (Spark ships tracks between processes) exactly like the dict it replaces."""
    import pickle

    from models.ingest import FeatureRow

    path = write(tmp_path, "c.csv", HEADER +
                 "a1,Song,Band,LP,Sad Songs,pop,0.5,,100\n"
                 "a1,Song,Band,LP,Rainy Day,rock,0.7,0.25,\n")
    track, = load_catalog([path]).tracks
    assert isinstance(track.features, FeatureRow)
    # the first row's values win; the second fills in what the first lacked
    assert track.features == {"energy": 0.5, "tempo": 100.0, "valence": 0.25}
    assert track.features["tempo"] == 100.0 and track.features.get("danceability") is None
    assert "energy" in track.features and "danceability" not in track.features
    with pytest.raises(KeyError):
        track.features["danceability"]
    assert json.loads(json.dumps(dict(track.features))) == dict(track.features)
    assert pickle.loads(pickle.dumps(track)).features == track.features


def test_a_row_without_an_id_keeps_the_id_it_had_before_bare_contractions_were_read():
    """Titles are compared with "dont" read as "do not" (as "don't" is), but the id of a
    catalog row without one is made from its title: it must not change with that, or
    an update would add the same track again under a new id."""
    assert synthetic_id("Dont Look Back", "Im Band") == "t-f12619f080e2339f"
    # nor with "P.Y.T." read as "pyt" and "Mr." as "mister" (the ids of before)
    assert synthetic_id("P.Y.T. (Pretty Young Thing)", "Michael Jackson") == \
        "t-11ddd7cec835c2ae"
    assert synthetic_id("Mr. Brightside", "The Killers") == "t-5d3fe0d0dfeebc22"
    assert synthetic_id("Don't Look Back", "Im Band") != synthetic_id("Dont Look Back",
                                                                       "Im Band")
