"""The files ``feelalike playlist`` and ``path`` write with ``--out`` (and what they print
instead), as a curator saving playlists uses them."""
from __future__ import annotations

import json

import pytest

from models.build import build
from models.ingest import Catalog

from .test_playlists import rich_track


@pytest.fixture()
def tunes(store):
    store.publish(build(Catalog([rich_track(i) for i in range(120)]), k=20))


@pytest.mark.parametrize("command", [("playlist", "r3", "--length", "3"),
                                     ("path", "r3", "r100", "--steps", "1")])
def test_out_dash_is_standard_output_not_a_file_named_dash(runner, tunes, tmp_path,
                                                           monkeypatch, command):
    """`--out -` wrote a file named "-" in the current folder and printed nothing."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    code, out, err = runner(*command, "--format", "m3u8", "--out", "-")
    assert code == 0, err
    assert out.startswith("#EXTM3U\n") and "Tune 3" in out
    code, out, err = runner(*command, "--out", "-")
    assert code == 0 and json.loads(out)["tracks"]  # no --format: JSON, as without --out
    assert list(here.iterdir()) == []
