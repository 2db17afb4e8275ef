"""Progress where standard error is no terminal (a log file, `docker compose up`, cron):
the bar is hidden there, so a long analysis of a library printed nothing at all until
it ended; now a long step prints a line now and then, and a short one stays quiet."""
from __future__ import annotations

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
    assert "analysing: 1/3 files (33%), about " in err
    assert "analysing: 3/3 files (100%), done in " in err
