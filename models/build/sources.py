"""The build as a library call: sources (catalog files, reviews, audio folders) -> a model.

:class:`Sources` names what a build reads; :func:`load_sources` reads it into a
catalog and reviews (analysing audio folders, with a cache folder passed in) and
keeps what it had to skip; :func:`build_from_sources` then builds the model.  Nothing
here reads settings or prints: values come in as arguments, problems go back out.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Sequence

from ..audio import AudioFeel, VaModel, library_root, printable_path
from ..errors import BadRequest
from ..ingest import (
    Catalog,
    RowProblem,
    Track,
    id_key,
    id_keys,
    load_album_review,
    load_catalog,
    load_review_jsonl,
    merge_tracks,
)
from ..language import Review
from .ann import ANN_THRESHOLD
from .audio_folders import analyse_audio_tracks, recorded_folders
from .distributed import spark_build, spark_session
from .feel import FeelModel
from .pipeline import BuiltModel, build
from .progress import ProgressFactory, no_progress
from .vectors import BlockWeights


@dataclass(frozen=True)
class Sources:
    """What a build reads.  ``album_reviews`` are plain-text reviews of whole albums:
    give one album title in ``albums`` for all of them, or one per review."""

    catalogs: Sequence[str | Path] = ()
    mapping: Mapping[str, str] = field(default_factory=dict)
    review_files: Sequence[str | Path] = ()
    album_reviews: Sequence[str | Path] = ()
    albums: Sequence[str] = ()
    audio_dirs: Sequence[str | Path] = ()
    #: the folder file paths are relative to (None: the audio folder, or the folder
    #: holding all of them); ``add`` passes the live model's, so new files fit in
    music_root: str | Path | None = None
    #: the library's music folders besides ``audio_dirs`` (``add`` passes the live
    #: model's): a file's ``Artist/Album/`` folders are read below the one holding it
    music_folders: Sequence[str | Path] = ()

    def audio_root(self) -> Path | None:
        """The folder this build's file paths are relative to (None: no audio)."""
        if self.music_root is not None:
            return Path(os.path.abspath(self.music_root))
        return library_root(self.audio_dirs)


@dataclass
class LoadedSources:
    """The catalog and reviews read from :class:`Sources`, with what was skipped."""

    catalog: Catalog
    reviews: list[Review]
    review_problems: list[RowProblem] = field(default_factory=list)
    audio_errors: list[str] = field(default_factory=list)
    tag_problems: list[str] = field(default_factory=list)  # the files were kept
    #: catalog rows whose ``path`` no analysed file has ("id: path"; the rows are kept)
    missing_files: list[str] = field(default_factory=list)
    #: analysed files merged into another of the same recording ("copy: the same ...")
    copies: list[str] = field(default_factory=list)
    #: the path of each file merged into another -> the id of the track it is in (what
    #: a file holds now, for ``sync`` to compare with what the model has at its path)
    copy_ids: dict[str, str] = field(default_factory=dict)
    #: analysed files whose audio ends before their header says (analysed all the same)
    cut_off: list[str] = field(default_factory=list)
    #: each line of ``audio_errors``, ``cut_off`` and ``speech`` -> the path of its file
    problem_files: dict[str, str] = field(default_factory=dict)
    #: analysed files that sound like speech ("path (speech score 0.93)"; kept, tagged)
    speech: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BuildOptions:
    """How to build: K, block weights, an optional audio -> valence/arousal model file,
    the folder that caches audio analyses (None: no cache) and the trained feel model
    (None: the plain weighted blocks)."""

    k: int = 100
    weights: BlockWeights = BlockWeights()
    va_model: str | Path | None = None
    audio_cache: str | Path | None = None
    feel_model: FeelModel | None = None  # the learned feel space (the served default)
    audio_feel: AudioFeel | None = None  # analysed files -> emotions, moods, valence/arousal
    ann_threshold: int = ANN_THRESHOLD  # above this many tracks: approximate neighbours
    engine: str = "local"  # or "spark": the same build on Spark (``distributed.py``)
    master: str = "local[2]"  # the Spark master URL, for the spark engine


def _check_album_reviews(sources: Sources) -> None:
    """The pairing rule: plain-text reviews need one album, or one album each."""
    texts, albums = sources.album_reviews, sources.albums
    if texts and not albums:
        raise BadRequest("--review FILE.txt needs --about-album TITLE")
    if albums and not texts:
        raise BadRequest("--about-album TITLE names the album a --review FILE.txt is about; "
                         "give the review too")
    if any(not album.strip() for album in albums):
        raise BadRequest("--about-album: the album title is blank; give the title of the "
                         "album the review is about")
    if albums and len(albums) not in (1, len(texts)):
        raise BadRequest("give one --about-album, or one per --review")


def read_reviews(sources: Sources) -> tuple[list[Review], list[RowProblem]]:
    """Every review the sources name, and the malformed JSON Lines skipped."""
    _check_album_reviews(sources)
    reviews: list[Review] = []
    problems: list[RowProblem] = []
    for path in sources.review_files:
        found, skipped = load_review_jsonl(path)
        reviews += found
        problems += skipped
    albums = sources.albums
    for i, path in enumerate(sources.album_reviews):
        reviews.append(load_album_review(path, albums[min(i, len(albums) - 1)]))
    return reviews, problems


def load_sources(sources: Sources, *, audio_cache: str | Path | None = None,
                 progress: ProgressFactory = no_progress) -> LoadedSources:
    """Read reviews first (cheap checks before costly audio), then audio, then catalogs."""
    reviews, review_problems = read_reviews(sources)
    root = sources.audio_root()
    analysed = analyse_audio_tracks(sources.audio_dirs, audio_cache, progress, root,
                                    [*sources.music_folders, *sources.audio_dirs])
    audio, failed = analysed.tracks, analysed.failed
    audio_errors = [e["error"] for e in failed]
    missing: list[str] = []
    if sources.catalogs:
        catalog = load_catalog(sources.catalogs, sources.mapping)
        if root is not None:
            _paths_relative_to(catalog.tracks, root)
            missing = _missing_files(catalog.tracks, audio, root, failed)
        catalog.tracks = merge_tracks([*catalog.tracks, *_as_catalog_rows(catalog.tracks,
                                                                           audio)])
    elif audio:
        catalog = Catalog(audio)
    elif audio_errors:  # say why, or the user is left guessing
        more = f" (and {len(audio_errors) - 1} more)" if len(audio_errors) > 1 else ""
        raise BadRequest(f"no audio file could be analysed: {audio_errors[0]}{more}")
    elif sources.audio_dirs:  # folders without a single audio file in them
        named = ", ".join(printable_path(Path(d)) for d in sources.audio_dirs[:3])
        raise BadRequest(f"no audio files in {named}")
    else:
        raise BadRequest("give --catalog or --audio-dir with usable audio")
    return LoadedSources(catalog, reviews, review_problems, audio_errors,
                         analysed.tag_problems, missing, analysed.copies,
                         analysed.copy_ids, analysed.cut_off, analysed.problem_files,
                         analysed.speech)


def _paths_relative_to(catalog: Sequence[Track], root: Path) -> None:
    """Catalog rows' paths as the analysed files' are: relative to ``root`` and without
    "./" ("./a.wav" and "/music/a.wav" name the file "a.wav" of /music)."""
    for track in catalog:
        path = track.external_ids.get("path")
        if not path:
            continue
        if os.path.isabs(path):
            inside = os.path.relpath(os.path.normpath(path), root)
            if inside.startswith(".."):
                continue  # outside the folders: kept as written
            path = inside
        track.external_ids["path"] = Path(os.path.normpath(path)).as_posix()


def _missing_files(catalog: Sequence[Track], audio: Sequence[Track], root: Path,
                   failed: Sequence[Mapping[str, str]]) -> list[str]:
    """The catalog rows whose ``path`` names no file the audio folders gave (a file that
    failed to decode is reported as such already)."""
    found = {key for track in audio for key in id_keys(track.external_ids)}
    broken = {os.path.abspath(e["path"]) for e in failed if e.get("path")}
    return [f"{track.id}: {path}" for track in catalog
            if (path := track.external_ids.get("path"))
            and id_key("path", path) not in found
            and os.path.abspath(os.path.join(root, path)) not in broken]


def _as_catalog_rows(catalog: Sequence[Track], audio: list[Track]) -> list[Track]:
    """``audio``, each file that a catalog row names (by its path, ISRC, MusicBrainz id
    or any id they share) taking that row's id, so the two become one track: the
    row's fields first, the file's analysis and any features the row lacks after.
    A row takes one file: a second file with the same ISRC stays a track of its own."""
    owner: dict[str, str] = {}
    for track in catalog:
        for key in id_keys(track.external_ids):
            owner.setdefault(key, track.id)
    claimed: set[str] = set()
    for track in audio:
        named = next((owner[k] for k in id_keys(track.external_ids) if k in owner), None)
        if named is not None and named not in claimed:
            claimed.add(named)
            track.id = named
    return audio


def build_from_sources(sources: Sources, options: BuildOptions = BuildOptions(), *,
                       progress: ProgressFactory = no_progress,
                       on_loaded: Callable[[LoadedSources], None] | None = None,
                       ) -> BuiltModel:
    """Load the sources and build a model (``on_loaded`` sees what was read and skipped
    before the long part starts)."""
    va_model = VaModel.load(options.va_model) if options.va_model else None
    if options.engine == "spark":
        if sources.review_files or sources.album_reviews:
            raise BadRequest("the spark engine does not read reviews yet; build with "
                             "--engine local")
        with spark_session(options.master) as session:  # fails early without Spark
            loaded = load_sources(sources, audio_cache=options.audio_cache, progress=progress)
            if on_loaded:
                on_loaded(loaded)
            return _with_root(sources, spark_build(
                loaded.catalog, loaded.reviews, session=session, k=options.k,
                weights=options.weights, progress=progress, va_model=va_model,
                feel_model=options.feel_model, audio_feel=options.audio_feel,
                ann_threshold=options.ann_threshold))
    if options.engine != "local":
        raise BadRequest(f"unknown build engine {options.engine!r}; use local or spark")
    loaded = load_sources(sources, audio_cache=options.audio_cache, progress=progress)
    if on_loaded:
        on_loaded(loaded)
    return _with_root(sources, build(
        loaded.catalog, loaded.reviews, k=options.k, weights=options.weights,
        progress=progress, va_model=va_model, feel_model=options.feel_model,
        audio_feel=options.audio_feel, ann_threshold=options.ann_threshold))


def _with_root(sources: Sources, built: BuiltModel) -> BuiltModel:
    """Record the folder the files' paths are relative to (``add`` reuses it), and the
    music folders in it, relative to it (so they move with it)."""
    root = sources.audio_root()
    if root is not None:
        built.meta["audio_root"] = str(root)
        built.meta["music_folders"] = recorded_folders(root, sources.audio_dirs)
    return built
