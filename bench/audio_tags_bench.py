"""Audio tags: what the shared audio folders' own tags give, and how long reading takes.

    python bench/audio_tags_bench.py

For each folder under ../shared/data/audio: files, files with a title tag, with an
artist, with a genre, with an ISRC or MusicBrainz id, with unreadable tags, and the
mean time to read one file's tags (warm file cache: the files are read once before).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.audio import expand, read_tags  # noqa: E402

AUDIO = ROOT.parent / "shared" / "data" / "audio"


COUNTED = ("title", "artist", "genres", "ids", "problems")


def row(folder: Path) -> tuple[int, list[int], float]:
    """Files, how many have each of COUNTED, and milliseconds per file."""
    files = expand([folder])
    for path in files:  # warm the page cache: time the parsing, not the disk
        path.read_bytes()
    start = time.perf_counter()
    tags = [read_tags(path) for path in files]
    ms = (time.perf_counter() - start) * 1000 / max(1, len(files))
    return len(files), [sum(1 for t in tags if getattr(t, name)) for name in COUNTED], ms


def main() -> int:
    if not AUDIO.is_dir():
        print(f"no shared audio at {AUDIO}")
        return 1
    print(f"{'folder':<18}{'files':>6}{'title':>7}{'artist':>8}{'genre':>7}{'ids':>5}"
          f"{'unreadable':>12}{'ms/file':>9}")
    for folder in sorted(p for p in AUDIO.iterdir() if p.is_dir()):
        files, (title, artist, genre, ids, bad), ms = row(folder)
        print(f"{folder.name:<18}{files:>6}{title:>7}{artist:>8}{genre:>7}{ids:>5}{bad:>12}"
              f"{ms:>9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
