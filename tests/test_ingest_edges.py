"""Catalog, labels and lexicon files at their edges (found by a review of the CLI): odd
but valid files are read right, bad ones are refused or skipped in one clear line."""
from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from models.errors import CatalogError
from models.ingest import (
    MAX_NAME_CHARS,
    MAX_NOTES_CHARS,
    MAX_PROBLEMS_KEPT,
    load_album_review,
    load_catalog,
    read_va_labels,
)
from models.language import load_lexicon

from .fixtures import write, write_catalog


def test_numbers_too_large_are_row_problems_and_nan_is_missing(tmp_path):
    path = write(tmp_path, "c.jsonl", "\n".join([
        '{"id": "big", "title": "A", "energy": 1%s}' % ("0" * 400),  # no float holds it
        '{"id": "huge", "title": "B", "tempo": 1e308}',  # a float, but out of range
        '{"id": "n1", "title": "C", "energy": NaN, "tempo": 90}',  # NaN: missing
        '{"id": "ok", "title": "D", "energy": 0.5}']) + "\n")
    catalog = load_catalog([path])
    assert [t.id for t in catalog.tracks] == ["n1", "ok"]
    assert dict(catalog.tracks[0].features) == {"tempo": 90.0}
    assert [(p.line, p.reason.split(" is ")[0]) for p in catalog.problems] == [
        (1, "energy"), (2, "tempo")]


def test_an_unnamed_column_is_never_read_as_a_field(tmp_path):
    """pandas writes its index under an empty header: it must not become the album, or
    the id when the file has none."""
    path = write(tmp_path, "c.csv", ",title,artist,energy\n0,Alpha,X,0.1\n1,Beta,Y,0.2\n")
    tracks = load_catalog([path]).tracks
    assert [(t.album, t.release_date, t.notes, t.popularity) for t in tracks] == \
        [("", "", "", None)] * 2
    assert all(t.id.startswith("t-") for t in tracks)  # made from artist and title


def test_multi_line_quoted_values_and_long_fields_are_kept(tmp_path):
    long_notes = "calm " * 40_000  # 200,000 characters, past the csv module's default
    path = tmp_path / "c.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "notes"])
        writer.writerow(["m1", "A", "Recorded live\nin Paris, France, 1969"])
        writer.writerow(["m2", "B", long_notes])
        writer.writerow(["m3", "C", "ok"])
    catalog = load_catalog([path])
    assert [t.id for t in catalog.tracks] == ["m1", "m2", "m3"] and not catalog.problems
    assert catalog.tracks[0].notes == "Recorded live\nin Paris, France, 1969"
    assert catalog.tracks[1].notes == long_notes.strip()


def test_a_quote_left_open_still_only_costs_its_own_line(tmp_path):
    path = write(tmp_path, "c.csv", 'id,title,notes\nm1,A,"never closed\nm2,B,fine\n'
                                    'm3,C,"closed"\n')
    catalog = load_catalog([path])
    assert [t.id for t in catalog.tracks] == ["m2", "m3"]
    assert catalog.problems[0].line == 2 and "quote" in catalog.problems[0].reason


def test_a_byte_order_mark_does_not_cost_the_first_json_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "title": "First"}\n{"id": "b", "title": "B"}\n')
    assert [t.title for t in load_catalog([path]).tracks] == ["First", "B"]


def test_skipped_rows_are_listed_before_dropped_ids(tmp_path):
    rows = [f"r{i},Song {i},BAD" for i in range(MAX_PROBLEMS_KEPT + 200)]
    path = write(tmp_path, "c.csv", "id,title,isrc\n" + "\n".join(rows) + "\nx1,,\nx2,,\n")
    catalog = load_catalog([path])
    assert catalog.skipped == 2 and catalog.kept_with_problems == MAX_PROBLEMS_KEPT + 200
    assert len(catalog.problems) == MAX_PROBLEMS_KEPT
    assert [p.reason for p in catalog.problems if not p.kept] == ["no title", "no title"]


def test_a_mapping_names_a_known_field_and_may_name_a_spaced_header(tmp_path):
    path = write(tmp_path, "c.csv", "id, Song Name,Style\na,Alpha,synthwave\n")
    track = load_catalog([path], {"title": "Song Name", "tags": "Style"}).tracks[0]
    assert track.title == "Alpha" and track.tags == ["synthwave"]
    for bad in ({"bogus": "Style"}, {"Title": " Song Name"}):
        with pytest.raises(CatalogError, match="no field"):
            load_catalog([path], bad)
    with pytest.raises(CatalogError, match="no column 'Nope'"):
        load_catalog([path], {"title": "Nope"})


def test_a_json_line_without_a_mapped_key_is_one_skipped_row(tmp_path):
    path = write(tmp_path, "c.jsonl", '{"id": "a", "Name": "Alpha"}\n{"id": "b"}\n'
                                      '{"id": "c", "Name": "Gamma"}\n')
    catalog = load_catalog([path], {"title": "Name"})
    assert [t.title for t in catalog.tracks] == ["Alpha", "Gamma"]
    assert [(p.line, "no column 'Name'" in p.reason) for p in catalog.problems] == [(2, True)]


@pytest.mark.parametrize("text, message", [
    ("a,b\n1,2\n", "missing artist_name, track_name, valence, arousal"),
    ("artist_name,track_name,valence,arousal\nA,B,abc,0.1\n", ":2: valence and arousal"),
    ("artist_name,track_name,valence,arousal\nA,B,inf,0.1\n", "must be finite"),
])
def test_a_bad_labels_file_is_one_clear_error(tmp_path, text, message):
    with pytest.raises(CatalogError, match=message):
        read_va_labels(write(tmp_path, "train.csv", text))
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"artist_name,track_name,valence,arousal\nCaf\xe9,B,0.1,0.2\n")
    with pytest.raises(CatalogError, match="cannot read"):
        read_va_labels(latin)


@pytest.mark.parametrize("text", ["{}", '{"entries": []}', '{"entries": {}, "moods": 3}'])
def test_a_lexicon_of_another_shape_is_one_clear_error(tmp_path, text):
    with pytest.raises(CatalogError, match="not in feelalike's format"):
        load_lexicon(write(tmp_path, "lex.json", text))


def test_cli_errors_on_files_are_one_line(runner, tmp_path):
    catalog = write_catalog(tmp_path)
    assert runner("build", "--catalog", str(catalog))[0] == 0
    labels = tmp_path / "labels"
    labels.mkdir()
    write(labels, "train.csv", "a,b\n1,2\n")
    write(labels, "validation.csv", "a,b\n1,2\n")
    cases = [
        ["playlist", "Song 4", "--format", "m3u8", "--out", str(tmp_path / "no" / "x.m3u8")],
        ["path", "Song 4", "Song 9", "--out", str(tmp_path)],
        ["train-mood", "--catalog", str(catalog), "--labels", str(labels)],
        ["evaluate", "--catalog", str(catalog), "--labels", str(labels)],
        ["build", "--catalog", str(catalog), "--about-album", "Her"],
        ["build", "--catalog", str(catalog), "--review", str(catalog), "--about-album", " "],
    ]
    for args in cases:
        code, _, err = runner(*args)
        assert code == 2, (args, err)
        assert err.count("error:") == 1 and "unexpected" not in err, (args, err)


@pytest.mark.parametrize("line", ["empty\t500\t500", "sad\t-1.5\t0.8\t[-1, -2]"])
def test_a_va_lexicon_on_another_scale_is_refused(tmp_path, line):
    """Found by a tester: values of 500 (or VADER's -4..4 layout) were taken as they
    were, and "We're All Leaving" read valence +1, arousal +1."""
    path = write(tmp_path, "va.txt", f"calm\t0.8\t0.1\n{line}\n")
    with pytest.raises(CatalogError, match="0..1 scale"):
        load_lexicon(va_path=path)


def test_a_review_of_an_album_the_catalog_lacks_is_reported(runner, tmp_path):
    catalog = write_catalog(tmp_path)
    review = write(tmp_path, "r.txt", "A lonely, hushed and beautiful record.\n")
    code, _, err = runner("build", "--catalog", str(catalog), "--review", str(review),
                          "--about-album", "An Album Nobody Has")
    assert code == 0 and "1 of the reviews name no track or album" in err
    assert 'r.txt (album "An Album Nobody Has")' in err


def test_train_mood_names_the_file_it_wrote(runner, tmp_path):
    """numpy adds .npz to a name without it; the line must name the real file."""
    catalog = write_catalog(tmp_path)
    labels = tmp_path / "labels"
    labels.mkdir()
    for split, songs in (("train", range(20)), ("validation", range(20, 30))):
        write(labels, f"{split}.csv", "artist_name,track_name,valence,arousal\n" + "".join(
            f"Band {i % 5},Song {i},{(i % 7) / 7 - 0.5},{(i % 5) / 5 - 0.5}\n" for i in songs))
    code, out, err = runner("train-mood", "--catalog", str(catalog), "--labels", str(labels),
                            "--out", str(tmp_path / "mine"))
    assert code == 0, err
    assert (tmp_path / "mine.npz").is_file() and f"--va-model {tmp_path / 'mine.npz'}" in out


def test_a_spreadsheets_unicode_text_is_read(tmp_path):
    """Spreadsheets save "Unicode text" as UTF-16 with a byte order mark."""
    path = tmp_path / "c.tsv"
    path.write_bytes("id\ttitle\tartist\r\na\tCafé Noir\tÉlan\r\n".encode("utf-16"))
    track = load_catalog([path]).tracks[0]
    assert (track.id, track.title, track.artist) == ("a", "Café Noir", "Élan")


def test_windows_1252_catalogs_and_reviews_keep_their_accents_and_quotes(tmp_path):
    """Excel's "CSV" and Notepad's "ANSI" are Windows-1252, not UTF-8."""
    csv_path = tmp_path / "c.csv"
    csv_path.write_bytes("id,title,artist\na,Déjà Vu,Beyoncé\n".encode("cp1252"))
    jsonl_path = tmp_path / "c.jsonl"
    jsonl_path.write_bytes('{"id": "b", "title": "Señorita"}\n'.encode("cp1252"))
    tracks = load_catalog([csv_path, jsonl_path]).tracks
    assert [(t.title, t.artist) for t in tracks] == [("Déjà Vu", "Beyoncé"), ("Señorita", "")]
    review = tmp_path / "r.txt"
    review.write_bytes("\u201cPhotograph\u201d is tender \u2013 and lonely.".encode("cp1252"))
    expected = "\u201cPhotograph\u201d is tender \u2013 and lonely."
    assert load_album_review(review, "Her").text == expected


def test_one_catalog_path_may_be_given_without_a_list(tmp_path):
    path = write(tmp_path, "c.csv", "id,title\na,Alone\n")
    assert [t.title for t in load_catalog(str(path)).tracks] == ["Alone"]
    assert [t.title for t in load_catalog(path).tracks] == ["Alone"]


def test_utf8_text_is_never_read_as_windows_1252(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,title\na,Café \u201cNoir\u201d\n", encoding="utf-8")
    assert load_catalog([path]).tracks[0].title == "Café \u201cNoir\u201d"


def test_folders_and_non_model_files_are_named_for_what_they_are(runner, tmp_path):
    catalog = write_catalog(tmp_path)
    code, _, err = runner("build", "--catalog", str(tmp_path))
    assert code == 2 and "a folder, not a catalog file" in err
    code, _, err = runner("build", "--catalog", str(catalog), "--va-model", str(catalog))
    assert code == 2 and "not an .npz file" in err and "pickle" not in err
    cut = tmp_path / "cut.npz"  # found by a tester: "unexpected BadZipFile", exit 1
    np.savez(cut, a=np.arange(1000.0))
    cut.write_bytes(cut.read_bytes()[:1000])
    code, _, err = runner("build", "--catalog", str(catalog), "--va-model", str(cut))
    assert code == 2 and "damaged or cut-off .npz file" in err.splitlines()[-1]
    assert [line for line in err.splitlines() if line.startswith("error")] == [err.splitlines()[-1]]


def test_rows_that_repeat_an_id_are_merged_and_counted(runner, tmp_path):
    path = write(tmp_path, "c.csv", "id,title,tags\nr1,Alone,sad\nr1,Alone,night\n"
                                    "r1,Other Song,x\nr2,Two,\n")
    catalog = load_catalog([path])
    assert [t.id for t in catalog.tracks] == ["r1", "r2"] and catalog.merged_rows == 2
    code, out, err = runner("moods", "--catalog", str(path))
    assert code == 0 and "merged 2 catalog rows that repeat a track id" in err


@pytest.mark.parametrize("args", [("--catalog", "{tmp}/nope.csv"),
                                  ("--catalog", "{catalog}", "--review", "{tmp}/nope.txt",
                                   "--about-album", "X")])
def test_a_missing_input_file_is_the_only_line(runner, tmp_path, args):
    """The feel model's note came first, then the error that made it pointless."""
    catalog = write_catalog(tmp_path)
    code, out, err = runner("build", *(a.format(tmp=tmp_path, catalog=catalog) for a in args))
    assert code == 2 and err.startswith("error: ") and "nope." in err
    assert len(err.strip().splitlines()) == 1


def test_an_id_no_request_could_name_is_a_row_problem(tmp_path):
    """Found by a review: the CLI took ids with line breaks, control characters or of
    any length that the API refuses; such tracks could never be looked up, removed or
    exported ("feelalike:track:x y").  Invisible characters too: with a zero width or a
    direction override, two ids that look the same differ, or one shows reversed."""
    path = write(tmp_path, "c.jsonl", "\n".join([
        '{"id": "x\\ny", "title": "A"}', '{"id": "ctl\\u0001id", "title": "B"}',
        '{"id": "%s", "title": "C"}' % ("i" * 1001), '{"id": "%s", "title": "D"}' % ("i" * 1000),
        '{"id": "caf\\u00e9 \\u65e5\\u672c", "title": "E"}', '{"id": "..", "title": "F"}',
        '{"id": "...", "title": "G"}', '{"id": "abc\\u202efed", "title": "H"}',
        '{"id": "a\\u200bb", "title": "I"}', '{"id": "\\ufeffa", "title": "J"}',
        '{"id": "a\\udb40\\udc41b", "title": "K"}', '{"id": "a\\u206ab", "title": "L"}',
        '{"id": "a\\u034fb", "title": "M"}',
        '{"id": "\\u062e\\u0627\\u0646\\u0647\\u200c\\u0647\\u0627", "title": "N"}',
        '{"id": "\\u200d", "title": "O"}']) + "\n")
    catalog = load_catalog([path])
    assert [t.title for t in catalog.tracks] == ["D", "E", "G", "N"]  # ZWNJ spells Persian
    refused = "id holds control characters, line breaks or invisible characters"
    assert [(p.line, p.reason) for p in catalog.problems] == [
        (1, refused), (2, refused), (3, "id longer than 1000 characters"),
        (6, "id '..' is a step in a URL path; give the track another"),
        (8, refused), (9, refused), (10, refused), (11, refused), (12, refused),
        (13, refused), (15, refused)]  # a joiner alone: no request could name it


def test_names_a_track_could_not_show_are_row_problems(tmp_path):
    """Found by a tester: a JSON object artist was kept as its Python repr
    ("{'name': 'A'}") and a megabyte title was repeated in every answer."""
    rows = [{"id": "a", "title": "A", "artist": {"name": "X"}},
            {"id": "b", "title": "B", "artist": ["Y1", "Y2"], "album": [None, "Z"]},
            {"id": "c", "title": "C" * (MAX_NAME_CHARS + 1)},
            {"id": "d", "title": "D" * MAX_NAME_CHARS, "notes": "calm " * 400},
            {"id": "e", "title": "E", "notes": "n" * (MAX_NOTES_CHARS + 1)},
            {"id": "f", "title": "F", "tags": [{"x": 1}, "t" * 5000, "sad songs"]},
            {"id": "g", "title": "G", "tags": ";".join(f"tag{i}" for i in range(300))}]
    path = write(tmp_path, "c.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    catalog = load_catalog([path])
    assert [(t.id, t.artist, t.album) for t in catalog.tracks] == [
        ("b", "Y1, Y2", "Z"), ("d", "", ""), ("f", "", ""), ("g", "", "")]
    assert catalog.tracks[-2].tags == ["sad songs"]
    assert len(catalog.tracks[-1].tags) == 300  # a long cell of short tags keeps them all
    assert [(p.line, p.reason) for p in catalog.problems] == [
        (1, "artist is a JSON object, not text"),
        (3, f"title is longer than {MAX_NAME_CHARS:,} characters"),
        (5, f"notes is longer than {MAX_NOTES_CHARS:,} characters")]


def test_a_spreadsheet_saved_with_semicolons_or_as_unicode_text_is_read(tmp_path):
    """Found by a review: Excel in a decimal-comma locale writes "id;title;energy" and
    "0,5" (read as one column: "no title"); its "Unicode text" is UTF-16 with tabs,
    saved as .txt ("wrong number of fields")."""
    semi = write(tmp_path, "semi.csv", 'id;title;artist;energy;tempo;loudness\n'
                 'x1;One;A;0,5;120,5;\nx2;"Semi; colon";B;0,25;90;-7,25\nx3;7,11;C;1;80;\n')
    catalog = load_catalog([semi])
    assert [(t.id, t.title) for t in catalog.tracks] == [("x1", "One"), ("x2", "Semi; colon"),
                                                         ("x3", "7,11")]  # a title stays
    assert dict(catalog.tracks[0].features) == {"energy": 0.5, "tempo": 120.5}
    assert catalog.tracks[1].features["loudness"] == -7.25
    assert not catalog.problems
    text = tmp_path / "unicode.txt"
    text.write_bytes("id\ttitle\tartist\tenergy\r\nu1\tUni, with a comma\tA\t0.7\r\n"
                     .encode("utf-16"))
    unicode_text = load_catalog([text])
    assert [(t.id, t.title) for t in unicode_text.tracks] == [("u1", "Uni, with a comma")]
    commas = write(tmp_path, "c.csv", 'id,title,artist,energy\nc1,"One; Two",A,"0,5"\n')
    with pytest.raises(CatalogError, match="energy is not a number: '0,5'"):
        load_catalog([commas])  # in a comma file "0,5" is no number: said, not guessed


def test_a_mapped_column_of_a_semicolon_file_reads_decimal_commas_too(tmp_path):
    """From a self-hoster's review: with --map tempo=BPM, "99,5" in a semicolon file was
    'tempo is not a number' and the whole row was dropped; a header named tempo read it."""
    semi = write(tmp_path, "bpm.csv", 'Song;Who;BPM;Take\n"One";A;"99,5";7,11\nTwo;B;120;2\n')
    catalog = load_catalog([semi], {"title": "Song", "artist": "Who", "tempo": "BPM"})
    assert [dict(t.features) for t in catalog.tracks] == [{"tempo": 99.5}, {"tempo": 120.0}]
    assert not catalog.problems
