"""``feelalike build`` and ``feelalike demo``: build a model, publish it, (demo) serve it."""
from __future__ import annotations

import click

from models import settings
from models.build import BlockWeights, BuildOptions, Sources, build_from_sources
from service.store import open_store

from .output import progress, report_loaded
from .serve import address, serve_here
from .sources import review_options, sources


def build_options(k: int | None = None, va_model: str | None = None,
                  audio: bool = False) -> BuildOptions:
    """Build options from the arguments, the rest from the settings."""
    return BuildOptions(
        k=k or settings.get("NEIGHBOURS"),
        weights=BlockWeights(audio=settings.get("AUDIO_WEIGHT"),
                             mood=settings.get("MOOD_WEIGHT"), va=settings.get("VA_WEIGHT")),
        va_model=va_model or settings.get("VA_MODEL") or None,
        audio_cache=settings.audio_cache_dir() if audio else None)


def build_and_publish(source: Sources, options: BuildOptions) -> str:
    """Build, publish to the store, print one summary line; returns the version id."""
    built = build_from_sources(source, options, progress=progress, on_loaded=report_loaded)
    bar = progress("storing", len(built.tracks))
    version = open_store().publish(built, progress=bar.update)
    bar.close()
    meta = built.meta
    click.echo(f"built model {version}: {meta['tracks']} tracks, {meta['reviews']} reviews, "
               f"{meta['skipped_rows']} rows skipped, top-{meta['k']} neighbours "
               f"in {meta['build_seconds']:.1f}s")
    return version


@click.command()
@click.option("--catalog", "catalogs", multiple=True,
              help="Catalog file (.csv, .tsv, .parquet, .jsonl); repeat for several.")
@click.option("--audio-dir", "audio_dirs", multiple=True,
              help="Folder of audio files to analyse and add as tracks; repeatable.")
@click.option("--va-model", default=None, help="A model from `feelalike train-mood` "
              "(default: FEELALIKE_VA_MODEL).")
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN",
              help="Explicit column for a field, e.g. --map title=Song.")
@review_options
@click.option("--k", type=click.IntRange(1, 1000), default=None,
              help="Neighbours to precompute per track (default: FEELALIKE_NEIGHBOURS).")
def build(catalogs: tuple[str, ...], audio_dirs: tuple[str, ...], va_model: str | None,
          mapping: tuple[str, ...], jsonl: tuple[str, ...], texts: tuple[str, ...],
          albums: tuple[str, ...], k: int | None) -> None:
    """Build a model from catalogs, audio and reviews and publish it to Redis."""
    source = sources(catalogs, mapping, jsonl, texts, albums, audio_dirs)
    build_and_publish(source, build_options(k, va_model, audio=bool(audio_dirs)))


@click.command()
@click.option("--host", default=None)
@click.option("--port", default=None, type=click.IntRange(0, 65535))
@click.option("--no-serve", is_flag=True, help="Build only; do not start the API.")
@click.option("--review", "review", default=None,
              help='Optional plain-text review of the "Her" score to read moods from.')
def demo(host: str | None, port: int | None, no_serve: bool, review: str | None) -> None:
    """Fetch the demo dataset, build it with the "Her" score, and serve it."""
    from data import DEMO_ALBUM, DEMO_CATALOG
    from data.registry import fetch

    source = Sources(catalogs=[str(fetch("tidytuesday-spotify")), str(DEMO_CATALOG)],
                     album_reviews=[review] if review else [],
                     albums=[DEMO_ALBUM] if review else [])
    build_and_publish(source, build_options())
    host, port = address(host, port)
    click.echo(f'try: curl "http://{host}:{port}/v1/recommendations?seed=Loneliness%20%233"')
    if not no_serve:
        serve_here(host, port)
