"""How a music folder differs from what the live model holds of it: files moved or
renamed, deleted, or re-tagged in place since they were built or added.

A track read from a file has its content as its id, so a file found again under
another path is the same track moved, and a file whose path the model knows but whose
content is new was changed in place.  ``feelalike add`` records the moves and names
the rest; ``feelalike sync`` acts on all of it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

import click

from models.audio import is_file_id
from models.build import load_sources
from models.ingest import Track, path_inside
from models.settings import audio_cache_dir
from service.store import ModelStore

from .music_root import music_folders, music_root
from .output import progress_of, report_loaded
from .repeats import Reported
from .sources import sources


@dataclass
class FolderChanges:
    """The model's tracks whose files in the compared folders are no longer as built."""

    moved: dict[str, str] = field(default_factory=dict)  # track id -> new path
    moved_from: dict[str, str] = field(default_factory=dict)  # track id -> old path
    #: the moved tracks called by their files' names (no title tag), renamed: track id
    #: -> the (title, artist) the new name gives
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    gone: dict[str, str] = field(default_factory=dict)  # track id -> stored path
    #: the gone tracks whose path now holds another of the model's tracks: ``path:``
    #: names that one once its move is recorded, so these are named by id
    taken: set[str] = field(default_factory=set)
    #: track id -> the track now at its path (the file re-tagged or re-encoded in place)
    changed: dict[str, Track] = field(default_factory=dict)
    #: the changed tracks whose files were also moved or renamed (a file kept by its
    #: MusicBrainz id, re-tagged and renamed by the tagger; a file moved into another
    #: album's folder, when its album is its folder's name)
    renamed: set[str] = field(default_factory=set)
    #: (the model's music folder, the folder it was moved to), when it moved whole
    root_moved: tuple[str, str] | None = None
    #: gone track id -> the new track of the same sound (a file without a MusicBrainz
    #: id moved and re-tagged: new content by a new name; its old track makes way)
    retagged: dict[str, Track] = field(default_factory=dict)
    #: track id -> stored path of a file still there that could not be read (being
    #: copied, damaged): its track is kept as it is, and the folder is not in step
    unreadable: dict[str, str] = field(default_factory=dict)


def read_sources(store: ModelStore, catalogs: Sequence[str], mapping: Sequence[str],
                 audio_dirs: Sequence[str], reported: Reported | None = None,
                 emptied: Sequence[str] = ()) -> tuple[list[Track], FolderChanges]:
    """The tracks of ``catalogs`` and ``audio_dirs``, their files' paths as the live
    model stores them, and what became of the model's files in those folders and in
    ``emptied`` (folders not read: gone or emptied for good, so every file is deleted;
    nothing, without folders); says what loading skipped (of the problem files, those
    not in ``reported`` unchanged)."""
    root, before = music_root(store, [*audio_dirs, *emptied])  # the model's paths' folder
    audio_dirs, emptied = _through_root(root, audio_dirs), _through_root(root, emptied)
    tracks, copies = _read(store, root, catalogs, mapping, audio_dirs, reported) \
        if catalogs or audio_dirs or not emptied else ([], {})
    if not (audio_dirs or emptied):
        return tracks, FolderChanges()
    changes = compare(store, root or "", [*audio_dirs, *emptied], tracks, copies)
    changes.root_moved = (before, root) if before and root else None
    return tracks, changes


def _read(store: ModelStore, root: str | None, catalogs: Sequence[str],
          mapping: Sequence[str], audio_dirs: Sequence[str], reported: Reported | None
          ) -> tuple[list[Track], dict[str, str]]:
    """The tracks of ``catalogs`` and ``audio_dirs``, and the copies merged into them
    (path -> track id), with the paths of files as the live model stores them."""
    wanted = replace(sources(catalogs, mapping, (), (), (), audio_dirs),
                     music_root=_live_audio_root(root, audio_dirs),
                     music_folders=music_folders(store, root))
    loaded = load_sources(wanted, audio_cache=audio_cache_dir() if audio_dirs else None,
                          progress=progress_of("your files"))
    report_loaded(loaded, reported)
    if not audio_dirs:
        return loaded.catalog.tracks, {}
    return _in_model_form(root, loaded.catalog.tracks, loaded.copy_ids)


def compare(store: ModelStore, root: str, audio_dirs: Sequence[str], found: Sequence[Track],
            copies: Mapping[str, str] | None = None) -> FolderChanges:
    """What became of the live model's files inside ``audio_dirs``, given the tracks
    ``found`` there now and the ``copies`` merged into them (path -> track id), and of
    those moved into them from elsewhere (their old paths gone).  A file
    found again under another path is moved, also when another file took its old name;
    one whose old path is missing, or holds another of the model's tracks (also as a
    copy of its file), is gone; one whose path holds new content, or whose file kept its
    id (a MusicBrainz recording) under other tags, is changed, unless it is a catalog
    row's track (the file merged into it has the row's id, not its own).  ``root``: the
    folder the model's relative paths are under (:func:`~.music_root.music_root`)."""
    version = store.current_version()
    meta = store.meta(version)
    folders = [Path(os.path.abspath(d)) for d in audio_dirs]
    docs = store.tracks(version, range(int(meta.get("tracks", 0))))
    by_id = {t.id: t for t in found}
    holders = {t.external_ids["path"]: t for t in found if t.external_ids.get("path")}
    holders.update((path, by_id[i]) for path, i in (copies or {}).items() if i in by_id)
    known = {doc["id"] for doc in docs}
    changes = FolderChanges()
    for doc in docs:
        stored = (doc.get("external_ids") or {}).get("path") or ""
        where = Path(root, stored) if root or os.path.isabs(stored) else None
        if not (stored and where):
            continue
        again = by_id.get(doc["id"])
        if not any(where.is_relative_to(f) for f in folders) and \
                (again is None or not _missing(where)):
            continue  # outside the folders, and not moved into them (a copy stays)
        _classify(changes, doc, stored, again, holders.get(stored),
                  missing=_missing(where), known=known)
    _same_sounds(changes, docs, [t for t in found if t.id not in known])
    return changes


#: features only an analysis gives a track: all of them equal, two files have one sound
SOUND = ("energy", "danceability", "acousticness", "tempo", "loudness", "duration_ms")


def _sound(features: Mapping[str, Any]) -> tuple | None:
    """An analysed file's features, as a key equal for the files of one sound (the
    analysis of a re-tagged file is the one kept for its audio stream's digest)."""
    if not all(isinstance(features.get(name), (int, float)) for name in SOUND):
        return None
    return tuple(sorted((k, float(v)) for k, v in features.items()
                        if isinstance(v, (int, float))))


def _same_sounds(changes: FolderChanges, docs: Sequence[dict[str, Any]],
                 new: Sequence[Track]) -> None:
    """Pair the gone tracks with ``new`` tracks of the same sound in
    ``changes.retagged``: a file without a MusicBrainz id moved and re-tagged."""
    if not changes.gone or not new:
        return
    fresh: dict[tuple, list[Track]] = {}
    for track in new:
        if is_file_id(track.id) and (key := _sound(track.features)) is not None:
            fresh.setdefault(key, []).append(track)
    for doc in docs:
        if doc["id"] in changes.gone and doc["id"] not in changes.taken and \
                is_file_id(doc["id"]) and (key := _sound(doc.get("features") or {})):
            if fresh.get(key):
                changes.retagged[doc["id"]] = fresh[key].pop(0)


def _missing(path: Path) -> bool:
    """Whether the file at ``path`` is gone; one that cannot be looked at (a folder the
    user may not enter) is not: its track is left as it is, not taken out."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def _classify(changes: FolderChanges, doc: dict[str, Any], stored: str, again: Track | None,
              holder: Track | None, *, missing: bool, known: set[str]) -> None:
    """Put the model's track ``doc`` (stored at ``stored``) in its place in ``changes``:
    ``again`` is its content found in the folders, ``holder`` the track at its path."""
    track_id = doc["id"]
    if again is not None and track_id.startswith("mbid-") and _retagged(doc, again):
        changes.changed[track_id] = again  # a MusicBrainz id kept through a tagger's run
        if again.external_ids.get("path", stored) != stored:
            changes.renamed.add(track_id)
    elif again is not None:
        new_path = again.external_ids.get("path", stored)
        if new_path != stored and (missing or (holder is not None and holder.id != track_id)):
            if (doc.get("album") or "") != again.album:  # its folders name another album
                changes.changed[track_id] = again  # replaced, as a re-tagged file is
                changes.renamed.add(track_id)
                return
            changes.moved[track_id], changes.moved_from[track_id] = new_path, stored
            if (doc.get("title"), doc.get("artist")) != (again.title, again.artist):
                changes.names[track_id] = (again.title, again.artist)  # its content's
    elif missing or (holder is not None and holder.id in known):  # its name is another's
        changes.gone[track_id] = stored
        if not missing:
            changes.taken.add(track_id)
    elif holder is not None and is_file_id(track_id):  # a catalog row's: no telling
        changes.changed[track_id] = holder
    elif holder is None and is_file_id(track_id):  # there, and gave no track
        changes.unreadable[track_id] = stored


#: what a file's tags give its track (besides ids), as its document stores them
TAGGED = ("title", "artist", "album", "release_date")


def _retagged(doc: dict[str, Any], track: Track) -> bool:
    """Whether ``track`` (a file's content now) has other tags than its stored ``doc``:
    a file whose id is its MusicBrainz recording keeps it when re-tagged (an id of its
    content changes).  (A file without a title tag is called by its name: renamed, it
    is moved, and its move records the new name.)"""
    ids = {k: v for k, v in (doc.get("external_ids") or {}).items() if k != "path"}
    return any(doc.get(name) != getattr(track, name) for name in TAGGED) or \
        ids != {k: v for k, v in track.external_ids.items() if k != "path"}


def note_gone(changes: FolderChanges) -> None:
    """Name the files gone from the folders, and how to take their tracks out: a track
    whose path is now another track's file by its id, as ``remove path:`` would take out
    the other track."""
    if changes.gone:
        track_id, path = next(iter(changes.gone.items()))
        first = (f"{track_id} (was path:{path}, now another track's file)"
                 if track_id in changes.taken else f"path:{path}")
        click.echo(f"note: {len(changes.gone)} track(s) of the model have no file in the "
                   f"added folder(s) any more (deleted, or moved out of them), e.g. {first}; "
                   "`feelalike remove path:...` (or ID) takes them out (`feelalike sync` "
                   "does it for a whole folder), a new `feelalike build` re-reads the folder",
                   err=True)


def _through_root(root: str | None, audio_dirs: Sequence[str]) -> tuple[str, ...]:
    """``audio_dirs``, each folder that is inside the live model's music folder only by
    a link (~/Music a link to the drive the model was built from) named by its path
    under that folder: read by the other path, its files had absolute paths the model
    does not know, so no move or deletion in it was ever seen."""
    if not root:
        return tuple(audio_dirs)
    real_root, out = os.path.realpath(root), []
    for folder in audio_dirs:
        real = os.path.realpath(folder)
        if not _inside(folder, root) and _inside(real, real_root):
            folder = os.path.normpath(os.path.join(root, os.path.relpath(real, real_root)))
        out.append(folder)
    return tuple(out)


def _live_audio_root(root: str | None, audio_dirs: Sequence[str]) -> str | None:
    """The live model's music folder, when every added folder is inside it; else the
    filesystem's root, so files from elsewhere (or added to a model of catalogs) keep
    their absolute paths: relative to their own folder, which nothing records, exports
    and path: seeds could not find them."""
    if not audio_dirs:
        return None
    if root and all(_inside(folder, root) for folder in audio_dirs):
        return root
    if root:
        click.echo(f"note: not every folder is inside the model's music folder {root}; "
                   "the files outside it are kept by their absolute paths", err=True)
    return os.path.abspath(os.sep)


def _in_model_form(root: str | None, tracks: Sequence[Track], copies: Mapping[str, str]
                  ) -> tuple[list[Track], dict[str, str]]:
    """``tracks`` and ``copies`` (path -> track id) with the paths of files inside the
    live model's music folder made relative to it, as the build stored them: read
    together with a folder outside it (:func:`_live_audio_root`), every file has its
    absolute path, and a file changed in place or moved there would be taken for a new
    track beside the old one.  Under the filesystem's root a build stores absolute paths,
    and so does this."""
    whole = root is not None and Path(root) == Path(Path(root).anchor)

    def stored(path: str) -> str:
        inside = path_inside(f"path:{path}", root) if os.path.isabs(path) and not whole \
            else None
        return inside[5:] if inside else path

    return ([replace(t, external_ids={**t.external_ids, "path": stored(t.external_ids["path"])})
             if t.external_ids.get("path") else t for t in tracks],
            {stored(path): track_id for path, track_id in copies.items()})


def _inside(folder: str, root: str) -> bool:
    try:
        Path(os.path.abspath(folder)).relative_to(root)
    except ValueError:
        return False
    return True
