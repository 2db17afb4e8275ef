"""Analysing many audio files: expanding folders, a content-hash cache, parallel workers.

A file's result is cached under the SHA-256 of its bytes (plus the analysis version
and window), so a re-run only analyses files that changed; renaming or moving a file
costs nothing.  It is kept under the digest of its audio stream too
(:mod:`.stream_digest`), so a file re-tagged since costs a look-up, not an analysis.
Errors are returned per file; the batch goes on.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, Sequence

from .. import settings
from ..ingest import Track, merge_tracks, whole_features
from ..errors import AudioError
from .analysis import analyse
from .decoding import cache_digest, decoders, printable_path, require
from .file_names import name_from_file
from .folder_names import below_music_folder, names_from_folders
from .cache import AudioCache
from .digests import DigestCache
from .emotion import analysis_vector
from .tags import FileTags, read_tags, require_mutagen
from .listing import expand
from .lookup import look_up
from .speech import with_speech_tag
from .speech_pass import score_cached, unscored
from .stream_digest import analysed_sound, stream_key
from .workers import run_jobs

DEFAULT_WINDOW = 120.0
_STREAM, _REUSED = "_stream_digest", "_reused"  # how a worker's result says how it was had
Bars = Callable[[str, int], Any]  # (step, total) -> a bar with update(n) and close()


@dataclass
class Batch:
    tracks: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    cached: int = 0

    def cut_off(self) -> list[str]:
        """One line per analysed file whose audio ends before the length its header
        gives (a download that stopped, a damaged copy, or a header that only
        estimates): analysed from what it holds."""
        return [f"{printable_path(Path(t['path']))}: its audio ends by "
                f"{_clock(t['duration'])} of the {_clock(t['header_duration'])} its header "
                "gives" for t in self.tracks if t.get("header_duration") is not None]


def _clock(seconds: float) -> str:
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def _work(job: tuple[str, float, str, str]
          ) -> tuple[str, dict[str, Any] | None, str | None]:
    """Analyse a file, unless the cache in folder ``job[3]`` (if any) has its sound."""
    path, window, embedding, folder = job
    stream, kept = analysed_sound(folder, path, window, embedding) if folder else (None, None)
    if kept is not None:  # the same sound under other tags: analysed before
        return path, {**kept, "path": path, _STREAM: stream, _REUSED: True}, None
    try:
        return path, {**analyse(path, window, embedding), _STREAM: stream}, None
    except AudioError as exc:
        if exc.extra.get("lasting"):  # what the file holds: worth remembering
            return path, {"failed": exc.message}, None
        return path, None, exc.message
    except Exception as exc:  # a decoder crash must not end the batch
        return path, None, f"{path}: analysis failed ({type(exc).__name__}: {exc})"


def analyse_many(paths: Iterable[str | Path], *, window: float = 120.0,
                 cache: AudioCache | None = None, workers: int | None = None,
                 progress: Callable[[int], None] | None = None,
                 embedding: str | None = None, bars: Bars | None = None) -> Batch:
    """``embedding``: a pretrained embedding to add (None: FEELALIKE_AUDIO_EMBEDDING).
    ``progress`` hears each file done; ``bars`` (instead) opens a bar per step: the
    files ``checking`` (hashed, looked up in the cache), then those ``analysing``, so
    the time left is told from the files analysed, not from thousands found cached."""
    embedding = settings.get("AUDIO_EMBEDDING") if embedding is None else embedding
    batch = Batch()
    todo: list[tuple[str, str]] = []  # (path, digest)
    hashes = DigestCache(cache.folder) if cache else None
    files = expand(paths)
    with _bar(bars, "checking", len(files)) as checked:
        batch.cached += look_up(files, (batch.tracks, batch.errors), todo, cache, hashes,
                                (window, embedding), checked or progress,
                                every=checked is not None)
    digests = dict(todo)
    originals, copies = _split_copies(todo)
    folder = str(cache.folder) if cache else ""
    jobs = [(p, window, embedding, folder) for p in originals]
    if embedding and jobs:
        from .embedding import network

        network(embedding)  # missing weights fail here once, not once per file
    with _bar(bars, "scoring speech", sum(map(unscored, batch.tracks))) as scored:
        score_cached(batch.tracks, cache, (window, embedding), workers or os.cpu_count() or 1,
                     scored)  # cached before the score existed (:mod:`.speech_pass`)
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs) or 1))
    with _bar(bars, "analysing", len(todo)) as analysed:
        _collect(batch, run_jobs(_work, jobs, workers), digests, (window, embedding), cache,
                 analysed or progress)
        _add_copies(batch, copies, analysed or progress)
    if hashes:
        hashes.save()  # after the work: a batch refused up front leaves no files
    batch.tracks.sort(key=lambda t: t["path"])
    return batch


@contextmanager
def _bar(bars: Bars | None, desc: str, total: int) -> Iterator[Callable[[int], Any] | None]:
    """The ``update`` of a bar of ``bars`` for a step (None: no bars, or nothing to do)."""
    bar = bars(desc, total) if bars and total else None
    try:
        yield bar.update if bar else None
    finally:
        if bar:
            bar.close()


def analyse_paths(paths: Iterable[str | Path], *, window: float = DEFAULT_WINDOW,
                  cache: AudioCache | None = None, workers: int | None = None,
                  progress: Callable[[str, int], Any] | None = None) -> Batch:
    """Analyse files and folders with a progress bar per step from ``progress(desc,
    total)`` (see :func:`analyse_many`); fails at once (AudioError) when the audio extra
    is not installed."""
    require()
    require_mutagen()
    return analyse_many(expand(paths), window=window, cache=cache, workers=workers,
                        bars=progress)


def _split_copies(todo: Sequence[tuple[str, str]]
                  ) -> tuple[list[str], list[tuple[str, str]]]:
    """Paths to analyse (one per content hash), and (copy, original) pairs."""
    first: dict[str, str] = {}
    originals, copies = [], []
    for path, digest in todo:
        original = first.setdefault(digest, path)
        if original == path:
            originals.append(path)
        else:
            copies.append((path, original))
    return originals, copies


def _add_copies(batch: Batch, copies: Sequence[tuple[str, str]],
                progress: Callable[[int], None] | None) -> None:
    """Files whose bytes another file of the batch has take that file's result."""
    results = {t["path"]: t for t in batch.tracks}
    errors = {e["path"]: e for e in batch.errors}
    for path, original in copies:
        if original in results:
            batch.tracks.append({**results[original], "path": path})
        else:
            error = errors.get(original, {}).get("error", "failed")
            batch.errors.append({"path": path, "error": error.replace(original, path)})
        if progress:
            progress(1)


def _collect(batch: Batch, results: Iterable, digests: dict[str, str],
             key: tuple[float, str], cache: AudioCache | None,
             progress: Callable[[int], None] | None) -> None:
    for path, result, error in results:
        if result is None:
            batch.errors.append({"path": path, "error": error or "failed"})
        elif "failed" in result:
            batch.errors.append({"path": path, "error": result["failed"]})
            if cache:
                cache.put_failure(cache_digest(Path(path), digests[path]), key[0], key[1],
                                  result["failed"],
                                  printable_path(Path(path)), decoders())
        else:
            stream, reused = result.pop(_STREAM, None), result.pop(_REUSED, False)
            if cache:
                cache.put(cache_digest(Path(path), digests[path]), key[0], result, key[1])
                if stream and not reused:
                    cache.put(stream_key(path, stream), key[0], result, key[1])
            batch.cached += bool(reused)
            batch.tracks.append({**result, "content_hash": digests[path]})
        if progress:
            progress(1)


TRACK_FEATURES = ("energy", "danceability", "acousticness", "tempo", "key", "mode", "loudness",
                  "duration_ms")


def library_root(roots: Sequence[str | Path]) -> Path | None:
    """The folder a build's file paths are relative to: its one audio folder, or the
    folder holding all of several (two folders' "Album/01.ogg" must not be one path)."""
    folders = [os.path.abspath(r if Path(r).is_dir() else Path(r).parent) for r in roots]
    if not folders:
        return None
    return Path(folders[0] if len(folders) == 1 else os.path.commonpath(folders))


def _relative(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` (a :func:`library_root`), with ``/`` separators; a
    file named directly, or outside the root, is its file name; under the filesystem's
    root (files added from outside a library's folder), the absolute path."""
    if root is not None and root == Path(root.anchor):
        return Path(os.path.abspath(path)).as_posix()
    try:
        relative = Path(os.path.abspath(path)).relative_to(root) if root else None
    except ValueError:
        relative = None
    return relative.as_posix() if relative and relative.parts else path.name


#: how an analysed file's track id starts: its MusicBrainz recording, or its content
FILE_IDS = ("mbid-", "audio-")


def is_file_id(track_id: str) -> bool:
    """Whether ``track_id`` is an analysed file's own (not a catalog row's the build
    merged the file into, which says nothing of the file's content)."""
    return track_id.startswith(FILE_IDS)


def as_track(result: dict[str, Any], roots: Sequence[str | Path] = (),
             tags: FileTags | None = None, *, root: Path | None = None,
             music_folders: Sequence[str | Path] | None = None) -> Track:
    """A catalog track for an analysed file: title, artist, album, date, genres (as
    tags) and ids from its own tags (read here unless given), estimates under
    Spotify-style names, and its path relative to the audio folder it was found in.
    Without a title tag, it is named after the file (:func:`name_from_file`: "Artist -
    Title", no track number); without an artist or album tag, a file in an
    ``Artist/Album/`` folder takes them from its folders (:func:`names_from_folders`).
    The id is ``mbid-<recording UUID>`` when the file carries one (it survives
    re-encoding, re-tagging and moves), else ``audio-<content hash>`` (it survives moves
    and renames).  ``root``: the :func:`library_root` of ``roots``, when the caller has
    it already; ``music_folders``: those the folder names are read below (``roots``)."""
    path = Path(result["path"])
    tags = read_tags(path) if tags is None else tags
    features = {name: float(result["features"][name]) for name in TRACK_FEATURES
                if isinstance(result["features"].get(name), (int, float))}
    if "duration_ms" not in features and tags.duration:
        features["duration_ms"] = tags.duration * 1000.0
    mbid = tags.ids.get("mbid")
    name = Path(printable_path(path))  # a name that is no UTF-8 cannot be stored or served
    stored = printable_path(Path(_relative(path, root or library_root(roots))))
    folder_artist, folder_album = names_from_folders(printable_path(Path(below_music_folder(
        path, roots if music_folders is None else music_folders))))
    known = tags.artist or folder_artist
    title, artist = ((tags.title, known) if tags.title
                     else name_from_file(name.stem, known))
    return Track(id=f"{FILE_IDS[0]}{mbid}" if mbid
                 else f"{FILE_IDS[1]}{result['content_hash'][:16]}",
                 title=title or name.name, artist=artist, album=tags.album or folder_album,
                 release_date=tags.date,
                 features=whole_features(features), analysis=analysis_vector(result["features"]),
                 tags=with_speech_tag(tags.genres, result["features"]),
                 external_ids={**tags.ids, "path": stored})


def audio_tracks(batch: Batch, roots: Sequence[str | Path] = (),
                 progress: Callable[[int], Any] | None = None,
                 music_folders: Sequence[str | Path] | None = None,
                 ) -> tuple[list[Track], list[str], list[str], dict[str, str]]:
    """One track per analysed file (files sharing an id, such as one recording in two
    encodings, are merged; the first path is kept), one line per tag problem, one per
    file merged into another ("COPY: the same recording as KEPT") and the merged files'
    paths with the id of the track they are in; ``progress`` hears each file read
    (``music_folders``: as :func:`as_track` takes them)."""
    tracks, problems = [], []
    root = library_root(roots)  # once, not once per file
    for result in batch.tracks:
        tags = read_tags(result["path"])
        tracks.append(as_track(result, roots, tags, root=root, music_folders=music_folders))
        problems += tags.problems
        if progress:
            progress(1)
    lines, copies = _copies(tracks)
    return merge_tracks(tracks), problems, lines, copies


def _copies(tracks: Sequence[Track]) -> tuple[list[str], dict[str, str]]:
    first: dict[str, str] = {}
    lines, copies = [], {}
    for track in tracks:
        path = track.external_ids.get("path", track.id)
        kept = first.setdefault(track.id, path)
        if kept != path:
            lines.append(f"{path}: the same recording as {kept} (one track, kept by the "
                         "first path)")
            copies[path] = track.id
    return lines, copies
