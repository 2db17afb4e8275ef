"""``feelalike recommend``, ``playlist`` and ``path``: answers from the published model.

Each parses a typed request and calls the same view function as the API, so JSON
output is the API's body.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

from models.errors import BadRequest
from service.requests import EXPORT_FORMATS
from service.resources import Resources, VersionResources
from service.store import open_store

from .asking import (CLI_MOOD_ADVICE, PLAYLIST_WANTS, query_body, query_options,
                     require_something)
from .output import shown, warn_of_answer
from .wording import in_typed_words_throughout

if TYPE_CHECKING:
    from service.locations import Places


@click.command()
@click.argument("seeds", nargs=-1, metavar="[SEED]...")
@click.option("--limit", default=10, type=int, show_default=True, help="1-100.")
@click.option("--offset", default=0, type=int, show_default=True,
              help="How many of the best results to skip (0-499): the next page.")
@query_options
@click.option("--json", "as_json", is_flag=True, help="Print the API's response body.")
@in_typed_words_throughout
def recommend(seeds: tuple[str, ...], limit: int, offset: int, as_json: bool,
              **options: Any) -> None:
    """Tracks that feel like the SEEDs (track ids or titles), or that fit --text,
    --mood or targets: what POST /v1/recommendations answers."""
    from service.requests import RecommendBody, SimilarQuery, parse
    from service.seed_hints import advising
    from service.views.recommendations import rich, similar

    asked = query_body(seeds, options)
    require_something(asked)
    with advising(CLI_MOOD_ADVICE):
        current = Resources(open_store()).current()
        if list(asked) == ["seeds"] and len(seeds) == 1 and isinstance(asked["seeds"][0], str):
            query = parse(SimilarQuery, {"seed": seeds[0], "limit": limit, "offset": offset})
            body = similar(current, query.seed, query.limit, query.offset)
        else:
            body = rich(current, parse(RecommendBody, {**asked, "limit": limit,
                                                       "offset": offset}))
    if as_json:
        click.echo(json.dumps(body, ensure_ascii=False))
        return
    click.echo(f"{_heading(body, asked)} (model {body['model_version']}):")
    for i, r in enumerate(body["results"], start=offset + 1):
        click.echo(f"{i:3}. {_named(r)}  score {r['score']:.3f}  [{', '.join(r['moods'])}]")
    warn_of_answer(body)


def _heading(body: dict[str, Any], asked: dict[str, Any]) -> str:
    """What the list is of: the seeds' names, else the words or moods asked for."""
    seeds = body.get("seeds") or ([body["seed"]] if body.get("seed") else [])
    if seeds:
        return "Tracks that feel like " + " and ".join(_named(s) for s in seeds)
    if "text" in asked:
        return f"Tracks for {shown(repr(asked['text']))}"
    if "moods" in asked:
        return "Tracks that feel " + ", ".join(shown(m) for m in asked["moods"])
    return "Tracks near the targets"


def _named(track: dict[str, Any]) -> str:
    """"Title by Artist", the artist "unknown" when the track has none (a bare file)."""
    return shown(f"{track['title']} by {track.get('artist') or 'unknown'}")


@click.command()
@click.argument("words", nargs=-1)
@click.option("--limit", default=10, type=int, show_default=True, help="1-50.")
@click.option("--offset", default=0, type=int, show_default=True,
              help="How many of the best matches to skip (0-499): the next page.")
@click.option("--json", "as_json", is_flag=True, help="Print the API's response body.")
@click.option("--all", "every", is_flag=True,
              help="List every track of the live model instead (no WORDS), as the catalog "
                   "and folders gave them.")
def tracks(words: tuple[str, ...], limit: int, offset: int, as_json: bool,
           every: bool) -> None:
    """Find tracks by title or artist words: their ids and files, for seeds and `remove`
    (`feelalike tracks quiet morning` and `feelalike tracks "quiet morning"` alike)."""
    from service.requests import SearchQuery, parse
    from service.views.tracks import search, search_page

    query = " ".join(words)
    if every:
        if query.strip() or as_json:
            raise BadRequest("--all lists every track: give it without WORDS or --json",
                             field="all")
        _every_track(Resources(open_store()).current())
        return
    if not query.strip():
        raise BadRequest("WORDS must not be empty: give title or artist words (or --all "
                         "for every track)", field="q")
    parsed = parse(SearchQuery, {"q": query, "limit": limit, "offset": offset})
    current = Resources(open_store()).current()
    if as_json:
        click.echo(json.dumps(search(current, parsed.q, parsed.limit, parsed.offset),
                              ensure_ascii=False))
        return
    rows, next_offset = search_page(current, parsed.q, parsed.limit, parsed.offset)
    if not rows:
        click.echo(f"no {'more tracks resemble' if parsed.offset else 'track resembles'} "
                   f"{shown(repr(parsed.q))}", err=True)
    for doc in current.documents(rows):
        _listed(doc)
    if next_offset is not None:
        click.echo(f"more: --offset {next_offset}", err=True)


LISTED_AT_ONCE = 1000  # documents read from the store per batch by `tracks --all`


def _every_track(current: VersionResources) -> None:
    """Each track of ``current`` on a line, as a search lists it."""
    for start in range(0, len(current.table), LISTED_AT_ONCE):
        rows = list(range(start, min(start + LISTED_AT_ONCE, len(current.table))))
        for doc in current.documents(rows):
            _listed(doc)


def _listed(doc: dict[str, Any]) -> None:
    where = (doc.get("external_ids") or {}).get("path")
    click.echo(f"{shown(doc['id'])}  {_named(doc)}" + (f"  [path:{shown(where)}]" if where
                                                      else ""))


def _file_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--out ""`` (an unset variable in a script) is no file: refused, not standard out."""
    if value is not None and not value.strip():
        raise BadRequest("--out: give a file name (without --out, the output goes to "
                         "standard output)", field="out")
    return value


def export_options(command: Callable) -> Callable:
    """``--format`` and ``--out``, shared by ``playlist`` and ``path``."""
    command = click.option("--out", default=None, callback=_file_name,
                           help="Write to this file instead of standard output.")(command)
    return click.option("--format", "fmt", default=None, type=click.Choice(EXPORT_FORMATS),
                        help="Default: from the --out file's extension (.json, .m3u8, .m3u, "
                             ".xspf, .jspf, .csv).")(command)


@click.command()
@click.argument("seeds", nargs=-1, metavar="[SEED]...")
@click.option("--length", default=20, type=int, show_default=True, help="1-100.")
@click.option("--arc", default=None, metavar="FROM:TO", help="Mood arc, e.g. lonely:hopeful.")
@click.option("--title", default=None, help="The playlist's title (default: from the arc "
                                            "or the first SEED).")
@click.option("--min-artist-gap", default=None, metavar="N",
              help="No artist repeats within this many positions (0-20; default 3).")
@click.option("--tempo-tolerance", default=None, metavar="X",
              help="Largest tempo jump between neighbours that costs nothing (0.01-0.5; "
                   "default 0.08).")
@query_options
@export_options
@in_typed_words_throughout
def playlist(seeds: tuple[str, ...], length: int, arc: str | None, title: str | None,
             min_artist_gap: str | None, tempo_tolerance: str | None, fmt: str | None,
             out: str | None, **options: Any) -> None:
    """A playlist that starts from the SEEDs (or --text, --mood, targets), optionally
    following a mood arc: what POST /v1/playlists answers."""
    from service.requests import PlaylistBody, parse
    from service.seed_hints import advising
    from service.views.playlists import playlist as make_playlist

    from .asking import number

    body: dict[str, Any] = {**query_body(seeds, options), "length": length}
    if arc is not None:
        start, sep, end = arc.partition(":")
        if not sep:
            raise BadRequest(f"--arc takes FROM:TO, e.g. lonely:hopeful; got {arc!r}",
                             field="arc")
        body["arc"] = {"from": start.strip(), "to": end.strip()}
    require_something(body, PLAYLIST_WANTS)
    for key, value in (("title", title), ("min_artist_gap", min_artist_gap),
                       ("tempo_tolerance", tempo_tolerance)):
        if value is not None:
            body[key] = value if key == "title" else number(value)
    with advising(CLI_MOOD_ADVICE):
        current = Resources(open_store()).current()
        result = make_playlist(current, parse(PlaylistBody, body))
    _emit(result, result["title"], fmt, out, current)


@click.command()
@click.argument("start", metavar="FROM")
@click.argument("end", metavar="TO")
@click.option("--steps", default=8, type=int, show_default=True,
              help="Tracks between the two (1-50).")
@export_options
@in_typed_words_throughout
def path(start: str, end: str, steps: int, fmt: str | None, out: str | None) -> None:
    """Tracks moving gradually from FROM's moods to TO's (ids or titles), both included."""
    from service.requests import PathQuery, parse
    from service.views.playlists import mood_path, path_title

    from service.seed_hints import advising

    query = parse(PathQuery, {"from": start, "to": end, "steps": steps})
    current = Resources(open_store()).current()
    with advising(CLI_MOOD_ADVICE):
        result = mood_path(current, query.from_, query.to, query.steps)
    _emit(result, path_title(result), fmt, out, current)


def _places(current: VersionResources, out: str | None) -> "Places":
    """Where exported files play from this machine. Stored relative paths are under the
    folder the live model's audio was analysed in (else FEELALIKE_MUSIC_ROOT); an M3U8
    written to ``out`` reaches them from its own folder; on standard output, relative
    to FEELALIKE_MUSIC_ROOT when set (save it there), else by absolute paths."""
    from service.locations import Places, stored_folder
    from service.settings import snapshot

    config = snapshot()
    under = stored_folder(current.audio_root or "", config["MUSIC_ROOT"])
    places = replace(Places.from_config(config), stored_under=under)
    if out:
        return replace(places, saved_in=os.path.dirname(os.path.abspath(out)))
    return places if config["MUSIC_ROOT"] else replace(places, saved_in="")


def format_for(fmt: str | None, out: str | None) -> str:
    """The export format asked for, else the one the output file's extension names
    ("mix.m3u8" is a playlist file, not JSON), else JSON; an extension that names none
    is an error ("mix.txt" would otherwise hold JSON)."""
    if fmt is not None:
        return fmt
    extension = os.path.splitext(out or "")[1].lower().lstrip(".")
    fmt = {"m3u": "m3u8", "": "json"}.get(extension, extension)
    if fmt not in EXPORT_FORMATS:
        raise BadRequest(f"cannot tell the format from the file name {out}; give --format "
                         f"({', '.join(EXPORT_FORMATS)}) or end it in one", field="out")
    return fmt


def _emit(result: dict[str, Any], title: str, fmt: str | None, out: str | None,
          current: VersionResources) -> None:
    """Print or write ``result`` (a playlist or path body) as JSON or an export."""
    fmt = format_for(fmt, out)
    from service.exports import api_link, export
    from service.settings import get as setting

    text = json.dumps(result, ensure_ascii=False) if fmt == "json" else export(
        fmt, title, result["tracks"], api_link(setting("PUBLIC_URL"), "feelalike:track:"),
        _places(current, out))
    if out:
        try:
            Path(out).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        except OSError as exc:
            raise BadRequest(f"cannot write {out}: {exc.strerror or exc}", field="out") \
                from None
        click.echo(f"wrote {len(result['tracks'])} tracks to {out}", err=True)
    else:
        click.echo(text)
    warn_of_answer(result)
    _warn_missing_files(result["tracks"], current)


SHOWN_MISSING = 3


def _warn_missing_files(tracks: list[dict[str, Any]], current: VersionResources) -> None:
    """Say which of the listed files are not on this machine: deleted or moved since the
    build, the model keeps them (and a player skips them) until they are removed."""
    from service.locations import stored_folder
    from service.settings import get as setting

    under = stored_folder(current.audio_root or "", setting("MUSIC_ROOT"))
    paths = [t["external_ids"]["path"] for t in tracks if (t.get("external_ids") or {})
             .get("path")]
    if not paths or not under and any(not os.path.isabs(p) for p in paths):
        return  # relative paths with no folder known here: nothing to check them against
    if under and not os.path.isdir(under):
        click.echo(f"warning: the music folder {under} is not on this machine; the "
                   "playlist's files cannot be checked", err=True)
        return
    gone = [p for p in paths if not os.path.isfile(os.path.join(under, p))]
    if gone:
        shown = ", ".join(gone[:SHOWN_MISSING]) + (" ..." if len(gone) > SHOWN_MISSING else "")
        click.echo(f"warning: {len(gone)} of the files listed are gone from {under or 'disk'}"
                   f" (deleted or moved since the build: {shown}); `feelalike add --audio-dir "
                   "FOLDER --new-only` records moved ones' paths, `feelalike remove path:...` "
                   "takes deleted ones out", err=True)
