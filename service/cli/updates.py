"""``feelalike add`` and ``feelalike remove``: change the live model without a rebuild.

Both publish a new model version the same way a build does; on any error the live
model stays as it was (see ``service/store/updates.py``).
"""
from __future__ import annotations

import click

from models.build import load_sources
from models.settings import audio_cache_dir
from service.store import Updater, UpdateResult, open_store

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
    """Add tracks to the live model (ids already in it are refused)."""
    loaded = load_sources(sources(catalogs, mapping, (), (), (), audio_dirs),
                          audio_cache=audio_cache_dir() if audio_dirs else None,
                          progress=progress)
    report_loaded(loaded)
    tracks = loaded.catalog.tracks
    click.echo(summary(Updater(open_store()).add(tracks), "added", len(tracks)))


@click.command()
@click.argument("ids", nargs=-1, required=True)
@click.option("--force", is_flag=True, help="Remove even when the model would lose more "
              "of its tracks than FEELALIKE_MAX_SHRINK allows.")
def remove(ids: tuple[str, ...], force: bool) -> None:
    """Remove tracks (by id) from the live model."""
    result = Updater(open_store()).remove(list(ids), force=force)
    click.echo(summary(result, "removed", len(result.removed)))
