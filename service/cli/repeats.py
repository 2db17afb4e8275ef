"""What ``feelalike sync`` told before: the problem files (unusable, cut off) it warned
of, each with its size and modification time then, so a run that finds one of them
unchanged counts it in its summary line instead of warning of it again.

A cron job mails whatever a sync writes to stderr: a library holding one broken
download mailed the same warning every night.  The memory is a small JSON file in the
data home, rewritten by each sync (not by ``--dry-run``) with the problems it found, so
a file mended and broken again, or changed while broken, is warned of again.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from models.settings import data_home

FILE = "sync-reported.json"


def _signature(path: str) -> str:
    """The file's size and modification time ("" when it cannot be looked at)."""
    try:
        info = os.stat(path)
    except OSError:
        return ""
    return f"{info.st_size}:{info.st_mtime_ns}"


@dataclass
class Reported:
    """The problem lines warned of before (line -> signature of its file), and those of
    this run; ``everything``: warn of all of them (``--verbose``)."""

    before: dict[str, str] = field(default_factory=dict)
    now: dict[str, str] = field(default_factory=dict)
    everything: bool = False
    repeated: dict[str, int] = field(default_factory=dict)  # kind -> lines not repeated

    @classmethod
    def load(cls, everything: bool = False) -> "Reported":
        try:
            before = json.loads((data_home() / FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = {}
        return cls(before if isinstance(before, dict) else {}, everything=everything)

    def fresh(self, kind: str, lines: Sequence[str], files: Mapping[str, str]) -> list[str]:
        """The ``lines`` (of ``kind``) to warn of: those not warned of before about the
        same file unchanged since (all of them with ``everything``)."""
        out = []
        for line in lines:
            self.now[line] = _signature(files.get(line, ""))
            if self.everything or self.before.get(line) != self.now[line]:
                out.append(line)
        self.repeated[kind] = len(lines) - len(out)
        return out

    def save(self) -> None:
        """Remember this run's problems (and only them) for the next run."""
        path = data_home() / FILE
        try:
            temporary = path.with_suffix(".tmp")
            temporary.write_text(json.dumps(self.now, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            pass  # a read-only data home: the next run warns again, nothing worse

    def summary(self) -> str:
        """", 2 unusable audio files and 1 cut off (reported before)", or ""."""
        unusable, cut = self.repeated.get("unusable", 0), self.repeated.get("cut off", 0)
        speech = self.repeated.get("speech", 0)
        parts = ([plural(unusable, "unusable audio file")] if unusable else []) + \
            ([f"{cut} cut off"] if cut else []) + \
            ([f"{speech} sounding like speech"] if speech else [])
        return f", {' and '.join(parts)} (reported before)" if parts else ""


def plural(count: int, one: str) -> str:
    """"1 unusable audio file", "2 unusable audio files"."""
    return f"{count} {one}" + ("" if count == 1 else "s")
