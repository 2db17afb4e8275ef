"""``feelalike recommend``, ``playlist`` and ``path``: answers from the published model.

Each parses a typed request and calls the same view function as the API, so JSON
output is the API's body.
"""
from __future__ import annotations

import json
from typing import Any

import click

from models.errors import BadRequest
from service.resources import Resources, VersionResources
from service.store import open_store

from .asking import (CLI_MOOD_ADVICE, PLAYLIST_WANTS, query_body, query_options,
                     require_something)
from .export_file import emit, export_options
from .output import shown, warn_of_answer
from .wording import in_typed_words_throughout


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


@click.command()
@click.argument("seeds", nargs=-1, metavar="[SEED]...")
@click.option("--length", default=None, type=int, help="How many tracks, 1-100 (default 20).")
@click.option("--minutes", default=None, metavar="M",
              help="Fill this many minutes instead (1-600, fractions allowed; not with "
                   "--length): ends within half a track under or less than its last "
                   "track over; at most 100 tracks.")
@click.option("--arc", default=None, metavar="FROM:TO", help="Mood arc, e.g. lonely:hopeful.")
@click.option("--title", default=None, help="The playlist's title (default: from the arc "
                                            "or the first SEED).")
@click.option("--min-artist-gap", default=None, metavar="N",
              help="No artist, main or guest (feat.), repeats within this many "
                   "positions (0-20; default 3).")
@click.option("--tempo-tolerance", default=None, metavar="X",
              help="Largest tempo jump between neighbours that costs nothing (0.01-0.5; "
                   "default 0.08).")
@query_options
@export_options
@in_typed_words_throughout
def playlist(seeds: tuple[str, ...], length: int | None, minutes: str | None,
             arc: str | None, title: str | None,
             min_artist_gap: str | None, tempo_tolerance: str | None, fmt: str | None,
             out: str | None, **options: Any) -> None:
    """A playlist that starts from the SEEDs (or --text, --mood, targets), optionally
    following a mood arc: what POST /v1/playlists answers."""
    from service.requests import PlaylistBody, parse
    from service.seed_hints import advising
    from service.views.playlists import playlist as make_playlist

    from .asking import number

    body: dict[str, Any] = query_body(seeds, options)
    if length is not None:
        body["length"] = length
    if arc is not None:
        start, sep, end = arc.partition(":")
        if not sep:
            raise BadRequest(f"--arc takes FROM:TO, e.g. lonely:hopeful; got {arc!r}",
                             field="arc")
        body["arc"] = {"from": start.strip(), "to": end.strip()}
    require_something(body, PLAYLIST_WANTS)
    for key, value in (("title", title), ("min_artist_gap", min_artist_gap),
                       ("tempo_tolerance", tempo_tolerance), ("minutes", minutes)):
        if value is not None:
            body[key] = value if key == "title" else number(value)
    with advising(CLI_MOOD_ADVICE):
        current = Resources(open_store()).current()
        result = make_playlist(current, parse(PlaylistBody, body))
    emit(result, result["title"], fmt, out, current)


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
    emit(result, path_title(result), fmt, out, current)
