"""Where a curator's playlist files end up: what ``feelalike playlist`` and ``path`` write
with ``--out`` (or print instead), and the name an export is saved under."""
from __future__ import annotations

import json
import resource
import signal
import stat
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import quote

import pytest

from models.build import build
from models.ingest import Catalog
from service.exports import file_name

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


@pytest.mark.parametrize("title, ascii_name", [
    ("Été à la plage", "Ete a la plage.m3u8"),
    ("Señorita ／ Mañana", "Senorita   Manana.m3u8"),
    ("オメガ mix", "___ mix.m3u8")])
def test_an_exports_ascii_file_name_keeps_the_letters_of_accented_titles(
        client, tunes, title, ascii_name):
    """`curl -OJ` saves under the plain `filename`: "Été à la plage" was "_t_ _ la
    plage.m3u8"; the UTF-8 `filename*` browsers use is unchanged."""
    response = client.post("/v1/playlists?format=m3u8",
                           json={"seed": "r3", "length": 2, "title": title})
    disposition = response.headers["Content-Disposition"]
    assert f'filename="{ascii_name}"' in disposition
    assert "filename*=UTF-8''" + quote(file_name(title, "m3u8"), safe="") in disposition


@pytest.mark.parametrize("command", [("playlist", "r3", "--length", "3"),
                                     ("path", "r3", "r100", "--steps", "1")])
def test_json_prints_the_apis_body_as_recommend_json_does(runner, tunes, command):
    """docs/api.md gives `--json` to `playlist`; it was "No such option: --json"."""
    code, plain, err = runner(*command)
    assert code == 0, err
    code, out, err = runner(*command, "--json")
    assert code == 0, err
    assert json.loads(out) == json.loads(plain)
    code, out, err = runner(*command, "--json", "--format", "m3u8")
    assert code == 2 and "--json" in err and "--format" in err and not out


@contextmanager
def files_at_most(size: int) -> Iterator[None]:
    """Writes past ``size`` bytes of a file fail (EFBIG), as on a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


def test_a_failed_write_leaves_the_playlist_there_as_it_was(runner, tunes, tmp_path):
    """`--out` emptied the file before writing: a write that failed half way (a full
    disk) lost the playlist that was there, leaving the start of the new one."""
    (folder := tmp_path / "mixes").mkdir()
    target = folder / "mix.m3u8"
    old = "#EXTM3U\n#EXTINF:-1,the mix of last week\nold.mp3\n"
    target.write_text(old, encoding="utf-8")
    assert runner("playlist", "r3", "--length", "20")[0] == 0  # the model's files written
    with files_at_most(len(old) + 10):
        code, _, err = runner("playlist", "r3", "--length", "20", "--out", str(target))
    assert code == 2 and err.startswith(f"error: cannot write {target}: File too large"), err
    assert target.read_text(encoding="utf-8") == old
    assert list(folder.iterdir()) == [target]  # nothing half written left beside it
    code, _, err = runner("playlist", "r3", "--length", "3", "--out", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("#EXTM3U\n")
    assert "Tune" in target.read_text(encoding="utf-8") and list(folder.iterdir()) == [target]


def test_a_written_file_keeps_its_permissions_and_its_link(runner, tunes, tmp_path):
    target = tmp_path / "mix.m3u8"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.m3u8"
    link.symlink_to(target)
    code, _, err = runner("playlist", "r3", "--length", "3", "--out", str(link))
    assert code == 0, err
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("#EXTM3U\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_format_the_file_name_contradicts_is_written_with_a_warning(runner, tunes, tmp_path):
    """`--format csv --out y.m3u8` wrote CSV into a .m3u8 file without a word."""
    target = tmp_path / "y.m3u8"
    code, _, err = runner("playlist", "r3", "--length", "3", "--format", "csv",
                          "--out", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("position,")
    warned = [line for line in err.splitlines() if line.startswith("warning:")]
    assert warned == [f"warning: {target} is named as m3u8 but holds csv, as asked; name it "
                      ".csv, or ask for m3u8"], err
    for fmt, name in (("m3u8", "y.m3u"), ("csv", "y.CSV"), ("csv", "y"), ("xspf", "y.txt")):
        code, _, err = runner("playlist", "r3", "--length", "3", "--format", fmt,
                              "--out", str(tmp_path / name))
        assert code == 0 and "warning" not in err, (fmt, name, err)
    code, _, err = runner("playlist", "r3", "--length", "3", "--json",
                          "--out", str(tmp_path / "z.xspf"))
    assert code == 0 and "is named as xspf but holds json" in err
