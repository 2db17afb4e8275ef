"""Progress where standard error is no terminal (a log file, `docker compose up`, cron):
the bar is hidden there, so a long analysis of a library printed nothing at all until
it ended; now a long step prints a line now and then, and a short one stays quiet."""
from __future__ import annotations

import io
import sys

import pytest

from service.cli import output
from service.cli.line_progress import INTERVAL_SECONDS


class Clock:
    """A clock the test moves (no waiting, no timing thresholds)."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 1000.0, step

    def __call__(self) -> float:
        return self.now

    def tick(self) -> None:
        self.now += self.step


def run_step(desc: str, items: int, step: float) -> None:
    """A step of ``items`` items, each taking ``step`` seconds of the test's clock."""
    clock = Clock(step=step)
    bar = output.progress(desc, items, clock=clock)
    for _ in range(items):
        clock.tick()
        bar.update(1)
    bar.close()


def test_a_long_step_prints_lines_to_a_log(capsys):
    run_step("analysing", 10, INTERVAL_SECONDS / 2)
    assert capsys.readouterr().err.splitlines() == [  # an interval of 15 s: 2 files each
        "analysing: 2/10 files (20%), about 1m00s left",
        "analysing: 4/10 files (40%), about 45s left",
        "analysing: 6/10 files (60%), about 30s left",
        "analysing: 8/10 files (80%), about 15s left",
        "analysing: 10/10 files (100%)",
        "analysing: 10/10 files (100%), done in 1m15s"]


def test_a_short_step_prints_nothing(capsys):
    run_step("storing", 50, INTERVAL_SECONDS / 100)
    assert capsys.readouterr().err == ""


def test_a_library_analysis_reports_its_files_to_a_log(tmp_path, capsys):
    pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
    pytest.importorskip("mutagen", reason="audio analysis needs the 'audio' extra")
    from models.audio import analyse_paths

    from .test_audio_tags import sound

    for i in range(3):
        sound(tmp_path / "Music" / f"{i:02d} - Song {i}.wav", 220.0 + 40 * i)
    clock = Clock(step=INTERVAL_SECONDS)  # each file as slow as an interval

    def factory(desc: str, total: int):
        bar = output.progress(desc, total, clock=clock)
        original = bar.update

        def update(n: int = 1) -> None:
            clock.tick()
            original(n)

        bar.update = update
        return bar

    batch = analyse_paths([tmp_path / "Music"], cache=None, workers=1, progress=factory)
    assert len(batch.tracks) == 3
    err = capsys.readouterr().err
    assert "analysing: 2/3 files (66%), about " in err  # the pace after the first
    assert "analysing: 3/3 files (100%), done in " in err


def test_files_found_in_the_cache_are_not_counted_as_analysed(tmp_path):
    """Syncing a large library analyses a few new files among thousands cached: counted
    in one bar, the cached ones made the time left look like seconds ("about 0s left" at
    98% with 16 files of 1,225 to analyse, each a second or two); now the look-up and the
    analysis have a bar each."""
    pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
    pytest.importorskip("mutagen", reason="audio analysis needs the 'audio' extra")
    from models.audio import AudioCache, analyse_paths

    from .test_audio_tags import sound

    for i in range(3):
        sound(tmp_path / "Music" / f"{i:02d} - Song {i}.wav", 220.0 + 40 * i)
    cache = AudioCache(tmp_path / "cache")
    analyse_paths([tmp_path / "Music"], cache=cache, workers=1)
    sound(tmp_path / "Music" / "03 - New.wav", 400.0)
    opened, updates = [], []

    class Bar:
        def __init__(self, desc: str, total: int) -> None:
            opened.append((desc, total))
            self.desc = desc

        def update(self, n: int = 1) -> None:
            updates.append(self.desc)

        def close(self) -> None:
            pass

    batch = analyse_paths([tmp_path / "Music"], cache=cache, workers=1, progress=Bar)
    assert len(batch.tracks) == 4 and batch.cached == 3
    assert opened == [("checking", 4), ("analysing", 1)]
    assert updates == ["checking"] * 4 + ["analysing"]
    opened.clear()
    analyse_paths([tmp_path / "Music"], cache=cache, workers=1, progress=Bar)
    assert opened == [("checking", 4)]  # nothing to analyse: no bar for it
    # reading every file's tags after them took 10 s of silence at 10,000 files
    from models.build import Sources, load_sources

    opened.clear()
    updates.clear()
    load_sources(Sources(audio_dirs=[str(tmp_path / "Music")]), audio_cache=cache.folder,
                 progress=Bar)
    assert opened == [("checking", 4), ("reading tags", 4)]
    assert updates == ["checking"] * 4 + ["reading tags"] * 4


def test_the_time_left_is_told_from_the_pace_after_a_slow_start(capsys):
    """Analysis workers take a while to start (a minute on a loaded machine), then
    files come back every second or so: the start used to count as the first file's
    time ("1/60 files (1%), about 25m12s left" for a sync that took 42 s)."""
    clock = Clock(step=1.0)
    bar = output.progress("analysing", 60, clock=clock)
    clock.now += INTERVAL_SECONDS - 1  # the start-up
    bar.update(1)
    clock.tick()
    bar.update(1)  # 15 s in: a line, the pace from the one file since the first
    for _ in range(15):
        clock.tick()
        bar.update(1)
    bar.close()
    assert capsys.readouterr().err.splitlines()[:2] == [
        "analysing: 2/60 files (3%), about 58s left",  # was 7m15s
        "analysing: 17/60 files (28%), about 43s left"]


class Opened:
    """``output.progress`` as a test sees it: each step's (description, total, unit)."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, int, str | None]] = []

    def __call__(self, desc: str, total: int, **options):
        self.steps.append((desc, total, options.get("unit")))
        return output.LineProgress(desc, total, io.StringIO())


def test_each_analysis_says_whose_files_it_counts(runner, tmp_path, monkeypatch):
    """A first build trains the audio feel model on its own 228 labelled clips before
    it reads the library: a 69-file folder's build said "analysing: 5/228 files"."""
    pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
    import models.audio
    from models.errors import CatalogError

    from .fixtures import labelled_clips

    opened = Opened()
    monkeypatch.setattr(output, "progress", opened)

    def train(clips, folders, cache, progress):
        progress("analysing", 228)
        raise CatalogError("no clips for this test")

    monkeypatch.setattr(models.audio, "train_audio_feel", train)
    runner("train-audio")
    assert opened.steps == [("training the audio feel model, analysing labelled clips",
                             228, "clips")]
    opened.steps.clear()
    code, _, err = runner("build", "--audio-dir", str(labelled_clips(tmp_path / "m", n=2)))
    assert code == 0, err
    assert ("analysing your files", 2, "files") in opened.steps
    assert ("reading tags", 2, None) in opened.steps  # a step of no files: as it was


def test_a_line_counts_the_unit_it_is_given(capsys):
    bar = output.LineProgress("training, analysing labelled clips", 228, sys.stderr,
                              clock=Clock(step=0.0), unit="clips")
    bar.update(5)
    bar._line("")
    assert capsys.readouterr().err == \
        "training, analysing labelled clips: 5/228 clips (2%)\n"
