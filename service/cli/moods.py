"""``feelalike moods``: moods read from reviews, tags and analysed audio files, with
their evidence; with ``--json`` also the reading audit (which passages went to which
tracks, and the comparisons found)."""
from __future__ import annotations

import json

import click

from models import settings
from models.build import analyse_moods, load_sources, reading_audit
from models.errors import BadRequest
from models.language import load_lexicon

from .output import progress, progress_of, report_loaded, shown, warn_about_reviews
from .sources import review_options, sources
from .training import trained_audio_feel


@click.command()
@click.option("--catalog", "catalogs", multiple=True, help="Catalog file(s).")
@click.option("--audio-dir", "audio_dirs", multiple=True,
              help="Folder of audio files: the moods their sound gives them; repeatable.")
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN")
@review_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def moods(catalogs: tuple[str, ...], audio_dirs: tuple[str, ...], mapping: tuple[str, ...],
          jsonl: tuple[str, ...], texts: tuple[str, ...], albums: tuple[str, ...],
          as_json: bool) -> None:
    """Read moods from reviews, tags and audio files, with the evidence for each (no
    model is built)."""
    if not catalogs and not audio_dirs:
        raise BadRequest("give --catalog, --audio-dir or both", field="catalog")
    wanted = sources(catalogs, mapping, jsonl, texts, albums, audio_dirs)
    loaded = load_sources(wanted, progress=progress_of("your files"),
                          audio_cache=settings.audio_cache_dir() if audio_dirs else None)
    report_loaded(loaded)
    catalog = loaded.catalog
    analysis = analyse_moods(catalog, loaded.reviews, load_lexicon(), progress=progress,
                             audio_feel=trained_audio_feel() if audio_dirs else None)
    warn_about_reviews(analysis.unresolved_reviews, analysis.silent_reviews,
                       analysis.unresolved_names, analysis.silent_names)
    profiles = analysis.profiles
    tracks = [{"id": t.id, "title": t.title, "moods": p.mood_list(),
               "valence": round(p.valence, 4), "arousal": round(p.arousal, 4),
               "confidence": round(p.confidence, 4), "source": p.source}
              for t, p in zip(catalog.tracks, profiles)]
    if as_json:
        audit = reading_audit(analysis, catalog.tracks)
        click.echo(json.dumps({"tracks": tracks, **audit}, ensure_ascii=False))
        return
    for track in tracks:
        top = ", ".join(f"{m['mood']} {m['score']:.2f}" for m in track["moods"][:4])
        click.echo(f"{shown(track['title'])}: {top or '-'}  (valence {track['valence']:+.2f}, "
                   f"arousal {track['arousal']:+.2f}, from {track['source']})")
