"""The build's audio folders read into tracks: each file analysed, its tags read, and
named below the music folder that holds it; and the music folders a model records."""
from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple, Sequence

from ..audio import (DEFAULT_WINDOW, AudioCache, analyse_paths, audio_tracks, expand, misnamed,
                     printable_path, sounds_like_speech)
from ..ingest import Track
from .progress import ProgressFactory, no_progress


class AnalysedAudio(NamedTuple):
    tracks: list[Track]
    failed: list[dict[str, str]]  # path, error
    tag_problems: list[str]  # one line per tag that could not be used (its file kept)
    copies: list[str]  # one line per file merged into another of the same recording
    cut_off: list[str]  # one line per file whose audio ends early (analysed all the same)
    copy_ids: dict[str, str]  # path of a file merged into another -> its track's id
    problem_files: dict[str, str]  # a line of ``failed``, ``cut_off``, ``speech`` -> file
    speech: list[str]  # one line per file that sounds like speech (kept, tagged "speech")


def analyse_audio_tracks(folders: Sequence[str | Path], cache_dir: str | Path | None = None,
                         progress: ProgressFactory = no_progress, root: Path | None = None,
                         music_folders: Sequence[str | Path] | None = None) -> AnalysedAudio:
    """Tracks for the audio files in ``folders``, and what to report about the files:
    their paths relative to ``root`` (None: the folder holding all of ``folders``), their
    ``Artist/Album/`` folders read below the one of ``music_folders`` (None: ``folders``)
    holding them."""
    if not folders:
        return AnalysedAudio([], [], [], [], [], {}, {}, [])
    files = expand(folders)  # a name that is not UTF-8 is named, not kept as "caf\ufffd"
    why = [(f, misnamed(f)) for f in files]
    unkept = [{"path": str(f), "error": reason} for f, reason in why if reason]
    batch = analyse_paths([f for f, reason in why if not reason],
                          window=DEFAULT_WINDOW, progress=progress,
                          cache=AudioCache(cache_dir) if cache_dir else None)
    bar = progress("reading tags", len(batch.tracks))  # about 1 ms a file: 10 s at 10k
    try:
        tracks, tag_problems, copies, copy_ids = audio_tracks(
            batch, [root] if root else folders, progress=bar.update,
            music_folders=folders if music_folders is None else music_folders)
    finally:
        bar.close()
    cut = [t["path"] for t in batch.tracks if t.get("header_duration") is not None]
    files = {e["error"]: str(e["path"]) for e in unkept + batch.errors}
    files.update(zip(batch.cut_off(), map(str, cut)))  # cut_off() lists them in order
    speech = {_speech_line(t): t["path"] for t in batch.tracks
              if sounds_like_speech(t["features"])}
    files.update(speech)
    return AnalysedAudio(tracks, unkept + batch.errors, tag_problems, copies,
                         batch.cut_off(), copy_ids, files, list(speech))


def _speech_line(result: dict) -> str:
    return (f"{printable_path(Path(result['path']))} (speech score "
            f"{result['features']['speech']:.2f})")


def recorded_folders(root: Path, folders: Sequence[str | Path]) -> list[str]:
    """The music ``folders`` (files named directly are none) inside ``root``, relative
    to it with ``/`` separators ("." for ``root`` itself), each once, as a model records
    them: ``~/Music`` and ``/mnt/nas/music`` are both music folders, each file's folder
    names read below its own."""
    out: list[str] = []
    for folder in folders:
        where = os.path.abspath(folder)
        if os.path.isdir(where) and Path(where).is_relative_to(root):
            out.append(Path(os.path.relpath(where, root)).as_posix())
    return list(dict.fromkeys(out))
