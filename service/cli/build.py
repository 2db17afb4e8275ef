"""``feelalike build`` and ``feelalike demo``: build a model, publish it, (demo) serve it."""
from __future__ import annotations

from dataclasses import replace

import click

from data.registry import fetch
from models import settings
from service.settings import get as serving_setting
from models.build import (
    BlockWeights,
    BuildOptions,
    FeelModel,
    Sources,
    build_from_sources,
    default_model_path,
    is_current,
    load_default_model,
    save_default_model,
    train_default_model,
)
from models.errors import DatasetError
from service.store import ModelShrinks, open_store

from .output import (note_unplaced, progress, progress_of, report_loaded,
                     warn_about_reviews)
from .serve import address, reserve, serve_here
from .sources import review_options, sources
from .training import trained_audio_feel


def feel_model_or_note() -> FeelModel | None:
    """The trained feel model from the data home; without one, say how to get it."""
    model = load_default_model()
    if model is None:
        click.echo(f"note: no trained feel model at {default_model_path()}; building the "
                   "plain model (run `feelalike train-feel` once to train it)", err=True)
    return model


def trained_feel_model(catalog_path: str) -> FeelModel | None:
    """The feel model, trained (seconds) and kept in the data home on first use."""
    model = load_default_model()
    if model is not None and is_current(model):
        return model
    try:
        labels = fetch("deezer-moods-train")
    except DatasetError as exc:
        instead = "building the plain model" if model is None else "using the kept one"
        click.echo(f"note: cannot train the feel model ({exc.message}); {instead}", err=True)
        return model
    click.echo("training the feel model on the Deezer mood labels ..." if model is None else
               "retraining the feel model (the kept one is from an older feelalike) ...",
               err=True)
    model = train_default_model(catalog_path, labels)
    click.echo(f"saved the feel model to {save_default_model(model)}", err=True)
    return model


def build_options(k: int | None = None, va_model: str | None = None,
                  audio: bool = False, feel: FeelModel | None = None) -> BuildOptions:
    """Build options from the arguments, the rest from the settings."""
    return BuildOptions(feel_model=feel,
        k=k or settings.get("NEIGHBOURS"),
        weights=BlockWeights(audio=settings.get("AUDIO_WEIGHT"),
                             mood=settings.get("MOOD_WEIGHT"), va=settings.get("VA_WEIGHT")),
        va_model=va_model or settings.get("VA_MODEL") or None,
        audio_cache=settings.audio_cache_dir() if audio else None,
        ann_threshold=settings.get("ANN_THRESHOLD"))


def neighbours_line(meta: dict) -> str:
    """How the neighbour lists were found: exact, or approximate with its recall@10."""
    found = meta.get("neighbours", {"method": "exact"})
    if found["method"] == "exact":
        return "neighbours: exact search"
    return (f"neighbours: approximate ({found['method']}), recall@10 "
            f"{found['recall_at_10']:.3f} against exact on a sample")


def build_and_publish(source: Sources, options: BuildOptions, force: bool = False) -> str:
    """Build, publish to the store, print one summary line; returns the version id.
    A model that shrinks more than FEELALIKE_MAX_SHRINK is refused unless ``force``."""
    store = open_store()  # a Redis that is unreachable or misnamed fails before the build
    built = build_from_sources(source, options, progress=progress_of("your files"),
                               on_loaded=report_loaded)
    bar = progress("storing", len(built.tracks))
    try:
        version = store.publish(built, progress=bar.update, force=force)
    except ModelShrinks as exc:
        raise exc.overridden_by("--force") from None
    finally:
        bar.close()
    meta = built.meta
    click.echo(f"built model {version}: {meta['tracks']} tracks, {meta['reviews']} reviews, "
               f"{meta['skipped_rows']} rows skipped, top-{meta['k']} neighbours "
               f"in {meta['build_seconds']:.1f}s")
    click.echo(neighbours_line(meta))
    note_unplaced(meta.get("unplaced_tracks", 0))
    warn_about_reviews(meta.get("unresolved_reviews", 0), meta.get("silent_reviews", 0),
                       meta.get("unresolved_review_names", ()),
                       meta.get("silent_review_names", ()))
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
@click.option("--force", is_flag=True, help="Publish even when the model has far fewer "
              "tracks than the live one (see FEELALIKE_MAX_SHRINK).")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local",
              show_default=True, help="Build on this machine, or on Apache Spark "
              "(pip install '.[spark]'; needs Java 17+).")
@click.option("--master", default="local[2]", show_default=True,
              help="Spark master URL for --engine spark (e.g. local[4], spark://host:7077).")
def build(catalogs: tuple[str, ...], audio_dirs: tuple[str, ...], va_model: str | None,
          mapping: tuple[str, ...], jsonl: tuple[str, ...], texts: tuple[str, ...],
          albums: tuple[str, ...], k: int | None, force: bool, engine: str,
          master: str) -> None:
    """Build a model from catalogs, audio and reviews and publish it to Redis."""
    source = sources(catalogs, mapping, jsonl, texts, albums, audio_dirs)
    options = build_options(k, va_model, audio=bool(audio_dirs), feel=feel_model_or_note())
    options = replace(options, engine=engine, master=master)
    if audio_dirs:
        options = replace(options, audio_feel=trained_audio_feel())
    build_and_publish(source, options, force)


@click.command()
@click.option("--host", default=None)
@click.option("--port", default=None, type=click.IntRange(0, 65535))
@click.option("--no-serve", is_flag=True, help="Build only; do not start the API.")
@click.option("--review", "review", default=None,
              help='Optional plain-text review of the "Her" score to read moods from.')
@click.option("--force", is_flag=True, help="Publish even when the live model is much larger.")
def demo(host: str | None, port: int | None, no_serve: bool, review: str | None,
         force: bool) -> None:
    """Fetch the demo dataset, build it with the "Her" score, and serve it.

    The demo becomes the live model, in place of one you built (to only train the feel
    model your builds use: `feelalike train-feel`)."""
    from data import DEMO_ALBUM, DEMO_CATALOG

    host, port = address(host, port)
    sock = None if no_serve else reserve(host, port)
    if sock is not None:
        serving_setting("TIMEOUT_SECONDS")  # the server's stop grace: bad, fail now
    catalog = str(fetch("tidytuesday-spotify"))
    source = Sources(catalogs=[catalog, str(DEMO_CATALOG)],
                     album_reviews=[review] if review else [],
                     albums=[DEMO_ALBUM] if review else [])
    build_and_publish(source, build_options(feel=trained_feel_model(catalog)), force)
    if sock is None:  # --no-serve: nothing listens yet
        click.echo("built; serve it with `feelalike serve`", err=True)
        return
    port = sock.getsockname()[1]
    click.echo(f'try: curl "http://{host}:{port}/v1/recommendations?seed=Loneliness%20%233"')
    serve_here(host, port, sock)
