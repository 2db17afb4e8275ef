"""``feelalike analyze``: audio features of files and folders."""
from __future__ import annotations

import json
from pathlib import Path

import click

from models import settings
from models.audio import AudioCache, analyse_paths, printable_path
from models.errors import BadRequest

from .output import progress, shown


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--window", default=120.0, show_default=True, type=click.FloatRange(5, 3600),
              help="Seconds analysed (centred) in long files.")
@click.option("--workers", default=None, type=click.IntRange(1, 64),
              help="Parallel processes (default: one per core).")
def analyze(paths: tuple[str, ...], as_json: bool, window: float, workers: int | None) -> None:
    """Analyse audio files and folders: tempo, key, loudness, spectra, descriptors."""
    batch = analyse_paths(paths, window=window, workers=workers, progress=progress,
                          cache=AudioCache(settings.audio_cache_dir()))
    if as_json:
        # valid UTF-8 throughout: a file name that is no UTF-8 is shown with U+FFFD
        tracks = [{**{k: v for k, v in t.items() if k != "content_hash"},
                   "path": printable_path(Path(t["path"]))} for t in batch.tracks]
        errors = [{**e, "path": printable_path(Path(e["path"]))} for e in batch.errors]
        click.echo(json.dumps({"tracks": tracks, "errors": errors}, ensure_ascii=False))
    else:
        for t in batch.tracks:
            f = t["features"]
            click.echo(f"{shown(t['path'])}: {t['tempo']:.1f} BPM ({t['tempo_confidence']:.2f}), "
                       f"{t['key']} {t['mode']}, {f['loudness']:.1f} LUFS, energy "
                       f"{f['energy']:.2f}, acousticness {f['acousticness']:.2f}")
        for e in batch.errors:
            click.echo(f"skipped: {shown(e['error'])}", err=True)
        for line in batch.cut_off():
            click.echo(f"cut off: {shown(line)}", err=True)
    errors = f"{len(batch.errors)} error{'' if len(batch.errors) == 1 else 's'}"
    done = len(batch.tracks) + len(batch.errors)
    click.echo(f"analysed {len(batch.tracks)} file{'' if len(batch.tracks) == 1 else 's'}, "
               f"{errors} ({batch.cached} of the {done} from the cache)", err=True)
    if not batch.tracks:
        named = ", ".join(printable_path(Path(p)) for p in paths[:3])
        raise BadRequest("no file could be analysed" if batch.errors else
                         f"no audio files in {named}")
