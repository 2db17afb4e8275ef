"""The ``feelalike`` command line: a thin layer over the library.

Errors are one clear line on stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Sequence

import click
from tqdm import tqdm

from models import settings
from .settings import get as setting
from models.ingest import load_catalog
from models.errors import BadRequest, FeelalikeError
from models.build import build as build_model
from models.ingest import load_album_review, load_review_jsonl
from models.language import Review
from models.build import BlockWeights

SHOWN_PROBLEMS = 5


def _progress(desc: str, total: int) -> tqdm:
    return tqdm(total=total, desc=desc, unit="it", file=sys.stderr, leave=False,
                mininterval=0.5, disable=None)


def _mapping(pairs: Sequence[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise BadRequest(f"--map takes FIELD=COLUMN, got {pair!r}")
        out[field.strip()] = column.strip()
    return out


def _store():
    from .store import open_store

    return open_store()


def _reviews(jsonl: Sequence[str], texts: Sequence[str], albums: Sequence[str]) -> list[Review]:
    if texts and not albums:
        raise BadRequest("--review FILE.txt needs --about-album TITLE")
    if albums and len(albums) not in (1, len(texts)):
        raise BadRequest("give one --about-album, or one per --review")
    reviews: list[Review] = []
    for path in jsonl:
        found, problems = load_review_jsonl(path)
        _report(problems, "review lines")
        reviews += found
    for i, path in enumerate(texts):
        reviews.append(load_album_review(path, albums[min(i, len(albums) - 1)]))
    return reviews


def _report(problems: Sequence[Any], what: str, total: int | None = None) -> None:
    """One line with the count, then the first few problems (file:line: reason)."""
    if not problems:
        return
    click.echo(f"skipped {total or len(problems)} malformed {what}:", err=True)
    for problem in problems[:SHOWN_PROBLEMS]:
        click.echo(f"  {problem}", err=True)
    if (total or len(problems)) > SHOWN_PROBLEMS:
        click.echo(f"  ... and {(total or len(problems)) - SHOWN_PROBLEMS} more", err=True)


def _audio_tracks(folders: Sequence[str]) -> list:
    from models.audio import as_track

    if not folders:
        return []
    batch = _analyse(folders, window=120.0, workers=None)
    _report([f"{e['error']}" for e in batch.errors], "audio files")
    return [as_track(t) for t in batch.tracks]


def _analyse(paths: Sequence[str], window: float, workers: int | None):
    from models.audio import require
    from models.audio import AudioCache, analyse_many, expand

    require()
    files = expand(paths)
    bar = _progress("analysing", len(files))
    batch = analyse_many(files, window=window, workers=workers, progress=bar.update,
                         cache=AudioCache(settings.data_home() / "audio-cache"))
    bar.close()
    return batch


def run_build(catalogs: Sequence[str], reviews: Sequence[Review], mapping: dict[str, str],
              k: int | None = None, audio_dirs: Sequence[str] = (),
              va_model_path: str | None = None) -> str:
    """Load, build and publish a model; returns the new version id."""
    from models.ingest import Catalog, merge_tracks
    from models.audio import VaModel

    audio = _audio_tracks(audio_dirs)
    if catalogs:
        catalog = load_catalog(catalogs, mapping)
        catalog.tracks = merge_tracks([*catalog.tracks, *audio])
    elif audio:
        catalog = Catalog(audio)
    else:
        raise BadRequest("give --catalog or --audio-dir with usable audio")
    va_model_path = va_model_path or settings.get("VA_MODEL") or None
    va_model = VaModel.load(va_model_path) if va_model_path else None
    _report(catalog.problems, "catalog rows", catalog.skipped)
    weights = BlockWeights(audio=settings.get("AUDIO_WEIGHT"), mood=settings.get("MOOD_WEIGHT"),
                           va=settings.get("VA_WEIGHT"))
    built = build_model(catalog, reviews, k=k or settings.get("NEIGHBOURS"), weights=weights,
                        progress=_progress, va_model=va_model)
    store = _store()
    bar = _progress("storing", len(built.tracks))
    version = store.publish(built, progress=bar.update)
    bar.close()
    click.echo(f"built model {version}: {built.meta['tracks']} tracks, {len(reviews)} reviews, "
               f"{catalog.skipped} rows skipped, top-{built.meta['k']} neighbours "
               f"in {built.meta['build_seconds']:.1f}s")
    return version


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """feelalike: tracks that feel like the one you love."""


@cli.command()
@click.option("--catalog", "catalogs", multiple=True,
              help="Catalog file (.csv, .tsv, .parquet, .jsonl); repeat for several.")
@click.option("--audio-dir", "audio_dirs", multiple=True,
              help="Folder of audio files to analyse and add as tracks; repeatable.")
@click.option("--va-model", default=None, help="A model from `feelalike train-mood` "
              "(default: FEELALIKE_VA_MODEL).")
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN",
              help="Explicit column for a field, e.g. --map title=Song.")
@click.option("--reviews", "jsonl", multiple=True, help="Reviews as JSON Lines.")
@click.option("--review", "texts", multiple=True, help="A plain-text album review.")
@click.option("--about-album", "albums", multiple=True, help="The album a --review is about.")
@click.option("--k", type=click.IntRange(1, 1000), default=None,
              help="Neighbours to precompute per track (default: FEELALIKE_NEIGHBOURS).")
def build(catalogs: tuple[str, ...], audio_dirs: tuple[str, ...], va_model: str | None,
          mapping: tuple[str, ...], jsonl: tuple[str, ...], texts: tuple[str, ...],
          albums: tuple[str, ...], k: int | None) -> None:
    """Build a model from catalogs, audio and reviews and publish it to Redis."""
    run_build(catalogs, _reviews(jsonl, texts, albums), _mapping(mapping), k, audio_dirs,
              va_model)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--window", default=120.0, show_default=True, type=click.FloatRange(5, 3600),
              help="Seconds analysed (centred) in long files.")
@click.option("--workers", default=None, type=click.IntRange(1, 64),
              help="Parallel processes (default: one per core).")
def analyze(paths: tuple[str, ...], as_json: bool, window: float, workers: int | None) -> None:
    """Analyse audio files and folders: tempo, key, loudness, spectra, descriptors."""
    batch = _analyse(paths, window, workers)
    if as_json:
        tracks = [{k: v for k, v in t.items() if k != "content_hash"} for t in batch.tracks]
        click.echo(json.dumps({"tracks": tracks, "errors": batch.errors}, ensure_ascii=False))
    else:
        for t in batch.tracks:
            f = t["features"]
            click.echo(f"{t['path']}: {t['tempo']:.1f} BPM ({t['tempo_confidence']:.2f}), "
                       f"{t['key']} {t['mode']}, {f['loudness']:.1f} LUFS, energy "
                       f"{f['energy']:.2f}, acousticness {f['acousticness']:.2f}")
        for e in batch.errors:
            click.echo(f"skipped: {e['error']}", err=True)
    click.echo(f"analysed {len(batch.tracks)} files ({batch.cached} from cache), "
               f"{len(batch.errors)} errors", err=True)
    if not batch.tracks:
        raise BadRequest("no file could be analysed")


@cli.command("train-mood")
@click.option("--catalog", default=None, help="Default: the tidytuesday-spotify dataset.")
@click.option("--labels", default="../shared/data/moods/deezer", show_default=True,
              help="Folder with train.csv and validation.csv valence/arousal labels.")
@click.option("--out", default=None, help="Where to save (default: DATA_HOME/models/).")
def train_mood(catalog: str | None, labels: str, out: str | None) -> None:
    """Train the audio -> valence/arousal model on labelled tracks (saved as npz)."""
    from data.registry import fetch
    from models.audio import train

    if not (Path(labels) / "train.csv").is_file():
        raise BadRequest(f"{labels}: no train.csv / validation.csv labels there")
    result = train(catalog or fetch("tidytuesday-spotify"), labels)
    target = Path(out) if out else settings.data_home() / "models" / \
        f"va-model-{result.version}.npz"
    target.parent.mkdir(parents=True, exist_ok=True)
    result.model.save(target)
    click.echo(result.summary())
    click.echo(f"saved {target}; use it with: feelalike build ... --va-model {target}")


@cli.command()
@click.option("--catalog", "catalogs", multiple=True, required=True, help="Catalog file(s).")
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN")
@click.option("--reviews", "jsonl", multiple=True, help="Reviews as JSON Lines.")
@click.option("--review", "texts", multiple=True, help="A plain-text album review.")
@click.option("--about-album", "albums", multiple=True, help="The album a --review is about.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def moods(catalogs: tuple[str, ...], mapping: tuple[str, ...], jsonl: tuple[str, ...],
          texts: tuple[str, ...], albums: tuple[str, ...], as_json: bool) -> None:
    """Read moods from reviews and tags, with the evidence for each (no model is built)."""
    from models.build import mood_profiles
    from models.language import load_lexicon

    catalog = load_catalog(catalogs, _mapping(mapping))
    _report(catalog.problems, "catalog rows", catalog.skipped)
    profiles = mood_profiles(catalog, _reviews(jsonl, texts, albums), load_lexicon(),
                             progress=_progress)
    tracks = [{"id": t.id, "title": t.title, "moods": p.mood_list(),
               "valence": round(p.valence, 4), "arousal": round(p.arousal, 4),
               "confidence": round(p.confidence, 4), "source": p.source}
              for t, p in zip(catalog.tracks, profiles)]
    if as_json:
        click.echo(json.dumps({"tracks": tracks}, ensure_ascii=False))
        return
    for track in tracks:
        top = ", ".join(f"{m['mood']} {m['score']:.2f}" for m in track["moods"][:4])
        click.echo(f"{track['title']}: {top or '-'}  (valence {track['valence']:+.2f}, "
                   f"arousal {track['arousal']:+.2f}, from {track['source']})")


@cli.command()
@click.argument("seed")
@click.option("--limit", default=10, type=int, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the API's response body.")
def recommend(seed: str, limit: int, as_json: bool) -> None:
    """Tracks that feel like SEED (a track id or title)."""
    from .recommender import Recommender

    body = Recommender(_store()).recommend(seed, limit)
    if as_json:
        click.echo(json.dumps(body, ensure_ascii=False))
        return
    s = body["seed"]
    click.echo(f"Tracks that feel like {s['title']} by {s['artist']} "
               f"(model {body['model_version']}):")
    for i, r in enumerate(body["results"], start=1):
        click.echo(f"{i:3}. {r['title']} by {r['artist']}  score {r['score']:.3f}  "
                   f"[{', '.join(r['moods'])}]")


@cli.command()
@click.argument("seed")
@click.option("--length", default=20, type=int, show_default=True)
@click.option("--arc", default=None, metavar="FROM:TO", help="Mood arc, e.g. lonely:hopeful.")
@click.option("--format", "fmt", default="json", show_default=True,
              type=click.Choice(["json", "m3u8", "xspf", "jspf"]))
@click.option("--out", default=None, help="Write to this file instead of standard output.")
def playlist(seed: str, length: int, arc: str | None, fmt: str, out: str | None) -> None:
    """A playlist that starts from SEED, optionally following a mood arc."""
    from .curator import Curator
    from .exports import export
    from .recommender import Recommender

    body: dict[str, Any] = {"seed": seed, "length": length}
    if arc is not None:
        start, sep, end = arc.partition(":")
        if not sep:
            raise BadRequest(f"--arc takes FROM:TO, e.g. lonely:hopeful; got {arc!r}",
                             field="arc")
        body["arc"] = {"from": start.strip(), "to": end.strip()}
    result = Curator(Recommender(_store())).playlist(body)
    text = json.dumps(result, ensure_ascii=False) if fmt == "json" else export(
        fmt, result["title"], result["tracks"], lambda t: f"feelalike:track:{t['id']}")
    if out:
        Path(out).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        click.echo(f"wrote {len(result['tracks'])} tracks to {out}", err=True)
    else:
        click.echo(text)
    for warning in result.get("warnings", []):
        click.echo(f"warning: {warning}", err=True)


@cli.command()
@click.option("--host", default=None, help="Default: FEELALIKE_HOST.")
@click.option("--port", default=None, type=click.IntRange(0, 65535),
              help="Default: FEELALIKE_PORT.")
def serve(host: str | None, port: int | None) -> None:
    """Serve the API (development server; use gunicorn in production)."""
    from .server import serve_forever

    serve_forever(host or setting("HOST"), port if port is not None
                  else setting("PORT"))


@cli.command()
@click.option("--host", default=None)
@click.option("--port", default=None, type=click.IntRange(0, 65535))
@click.option("--no-serve", is_flag=True, help="Build only; do not start the API.")
@click.option("--review", "review", default=None,
              help='Optional plain-text review of the "Her" score to read moods from.')
def demo(host: str | None, port: int | None, no_serve: bool, review: str | None) -> None:
    """Fetch the demo dataset, build it with the "Her" score, and serve it."""
    from data import DEMO_ALBUM, DEMO_CATALOG
    from data.registry import fetch

    dataset = fetch("tidytuesday-spotify")
    reviews = [load_album_review(review, DEMO_ALBUM)] if review else []
    run_build([str(dataset), str(DEMO_CATALOG)], reviews, {})
    host, port = host or setting("HOST"), port if port is not None else setting("PORT")
    click.echo(f'try: curl "http://{host}:{port}/v1/recommendations?seed=Loneliness%20%233"')
    if not no_serve:
        from .server import serve_forever

        serve_forever(host, port)


@cli.command()
@click.option("--catalog", default=None, help="Default: the tidytuesday-spotify dataset.")
@click.option("--labels", default="../shared/data/moods/deezer", show_default=True,
              help="Folder with train.csv and validation.csv valence/arousal labels.")
@click.option("--seed", default=0, show_default=True, help="Random seed (reproducible).")
def evaluate(catalog: str | None, labels: str, seed: int) -> None:
    """Measure recommendation quality against baselines (mood agreement and more)."""
    from data.registry import fetch
    from models.evaluation import format_report, run

    if not (Path(labels) / "validation.csv").is_file():
        raise BadRequest(f"{labels}: no train.csv / validation.csv labels there")
    click.echo(format_report(run(catalog or fetch("tidytuesday-spotify"), labels, seed=seed)))


@cli.group()
def datasets() -> None:
    """List, fetch or import registry datasets."""


@datasets.command("list")
def datasets_list() -> None:
    from data.registry import REGISTRY, is_present

    for ds in REGISTRY.values():
        state = "present" if is_present(ds.name) else "not fetched"
        click.echo(f"{ds.name}\t{state}\t{ds.description}\t[{ds.licence}]")


@datasets.command("fetch")
@click.argument("name")
def datasets_fetch(name: str) -> None:
    from data.registry import fetch

    click.echo(str(fetch(name)))


@datasets.command("add")
@click.argument("name")
@click.option("--from", "source", required=True, help="A local copy of the dataset file.")
def datasets_add(name: str, source: str) -> None:
    from data.registry import add

    click.echo(str(add(name, source)))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the CLI, turning every error into one line and an exit code."""
    try:
        cli.main(args=argv, prog_name="feelalike", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except FeelalikeError as exc:
        click.echo(f"error: {exc.message}", err=True)
        from .errors import is_user_error

        return 2 if is_user_error(exc) else 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: no traceback reaches a user
        click.echo(f"error: unexpected {type(exc).__name__}: {exc}", err=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
