"""``feelalike add`` and ``feelalike remove``: change the live model without a rebuild.

Both publish a new model version the same way a build does; on any error the live
model stays as it was (see ``service/store/updates.py``).
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Sequence

import click

from models.build import load_sources
from models.settings import audio_cache_dir
from service.store import ModelStore, Updater, UpdateResult, open_store

from .output import progress, report_loaded
from .sources import sources


def summary(result: UpdateResult, verb: str, count: int) -> str:
    return (f"{verb} {count} track(s): model {result.version} ({result.tracks} tracks, "
            f"{result.lists_rewritten} neighbour lists rewritten, {result.seconds:.2f}s; "
            f"was {result.base})")


@click.command()
@click.option("--catalog", "catalogs", multiple=True,
              help="Catalog file of the tracks to add (.csv, .tsv, .parquet, .jsonl); "
              "repeatable.")
@click.option("--audio-dir", "audio_dirs", multiple=True,
              help="Folder of audio files to analyse and add as tracks; repeatable.")
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN",
              help="Explicit column for a field, e.g. --map title=Song.")
def add(catalogs: tuple[str, ...], audio_dirs: tuple[str, ...],
        mapping: tuple[str, ...]) -> None:
    """Add tracks to the live model (ids already in it are refused). Files in a folder
    inside the live model's music folder get paths relative to that folder, like the
    files the build found there."""
    store = open_store()
    wanted = replace(sources(catalogs, mapping, (), (), (), audio_dirs),
                     music_root=_live_audio_root(store, audio_dirs))
    loaded = load_sources(wanted, audio_cache=audio_cache_dir() if audio_dirs else None,
                          progress=progress)
    report_loaded(loaded)
    tracks = loaded.catalog.tracks
    click.echo(summary(Updater(store).add(tracks), "added", len(tracks)))


def _live_audio_root(store: ModelStore, audio_dirs: Sequence[str]) -> str | None:
    """The live model's music folder, when every added folder is inside it."""
    if not audio_dirs:
        return None
    root = store.meta(store.current_version()).get("audio_root")
    if root and all(_inside(folder, root) for folder in audio_dirs):
        return root
    return None


def _inside(folder: str, root: str) -> bool:
    try:
        Path(os.path.abspath(folder)).relative_to(root)
    except ValueError:
        return False
    return True


@click.command()
@click.argument("ids", nargs=-1, required=True)
@click.option("--force", is_flag=True, help="Remove even when the model would lose more "
              "of its tracks than FEELALIKE_MAX_SHRINK allows.")
def remove(ids: tuple[str, ...], force: bool) -> None:
    """Remove tracks (by id) from the live model."""
    result = Updater(open_store()).remove(list(ids), force=force)
    click.echo(summary(result, "removed", len(result.removed)))
