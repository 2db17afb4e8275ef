"""The API's query fields as options of ``feelalike recommend`` and ``playlist``.

The options become the JSON body the API takes (``POST /v1/recommendations`` or
``/v1/playlists``) and are parsed by the same typed request, so limits, ranges and
messages are the API's, with the field named as the option typed (:mod:`.wording`):
``--mood sad=2`` is "--mood sad: must be at most 1, got 2" ("moods.sad: ..." in the API).
Only what a shell cannot say as JSON is checked here (``--min`` takes ATTR=VALUE).
"""
from __future__ import annotations

from typing import Any, Callable

import click

from models.errors import BadRequest
from models.ingest import read_text_file
from service.requests import ATTRIBUTES

#: how a command-line user asks for a seed's words as moods (the API says "text" in a
#: POST body): given to ``service.seed_hints.advising`` while a query command runs
CLI_MOOD_ADVICE = ("seeds name tracks, so ask for it with --text (feelalike recommend "
                   "--text \"rainy day\") or --mood MOOD=WEIGHT")
#: what a query command asks for without SEED
WANTS = "give SEED, --text, --mood, --valence, --arousal or --target ATTR=VALUE"
#: what ``playlist`` asks for without SEED (an arc alone is enough)
PLAYLIST_WANTS = "give SEED, --text, --mood, --valence, --arousal, --target ATTR=VALUE or --arc"
_RANGED = [*ATTRIBUTES, "year"]
#: the options given as ATTR=VALUE: each is the first word of its fields' names
#: (``--min energy=0.5`` is ``min_energy``)
ATTRIBUTE_OPTIONS = ("min", "max", "target")

#: (option, destination, metavar, help) of the options that may be given again and again;
#: each destination is the API field the option fills (``service.cli.wording`` names a
#: refused field by it), but for --weight (a SEED's ``weight``) and the ATTR=VALUE
#: options, whose destination begins their fields (``min`` of ``min_energy``)
_REPEATED = [
    ("--weight", "weight", "W", "The weight of each SEED in order (above 0, at most 10; "
                                 "default 1): --weight 2 --weight 0.5 for two seeds."),
    ("--not", "negative_seeds", "SEED", "A track to find less like (an id or title; again for "
                                  "more, at most 5)."),
    ("--mood", "moods", "MOOD[=W]", "A target mood and its weight 0-1 (default 1), e.g. "
                                    "--mood sad=0.8 --mood peaceful=0.5."),
    ("--min", "min", "ATTR=VALUE", "Only tracks whose ATTR is at least VALUE, e.g. "
                                        f"--min energy=0.5 (ATTR: {', '.join(_RANGED)})."),
    ("--max", "max", "ATTR=VALUE", "Only tracks whose ATTR is at most VALUE, e.g. "
                                        "--max tempo=110 or --max year=1999."),
    ("--target", "target", "ATTR=VALUE", "Prefer tracks whose ATTR is close to VALUE, "
                                          "e.g. --target danceability=0.7."),
    ("--tag", "include_tags", "TAG", "Only tracks with any of these genres or playlist "
                                     "names (again for more)."),
    ("--exclude-tag", "exclude_tags", "TAG", "No tracks with this genre or playlist name."),
    ("--exclude-artist", "exclude_artists", "ARTIST", "No tracks by this artist."),
    ("--exclude-id", "exclude_ids", "ID", "No track with this id (or external id)."),
]
#: (option, destination, help) of the options given once, numbers as the API takes them
#: (each destination the API field)
_SINGLE = [
    ("--text", "text", "A free-text mood query, e.g. \"rainy day\" or \"music for "
                       "studying\" (at most 500 characters)."),
    ("--valence", "target_valence", "Target valence, -1 (negative) to 1 (positive)."),
    ("--arousal", "target_arousal", "Target arousal, -1 (calm) to 1 (excited)."),
    ("--max-per-artist", "max_per_artist", "At most this many tracks crediting one artist, "
                                           "main or guest (1-100)."),
    ("--diversity", "diversity", "0 (pure relevance) to 1: spread the list out."),
    ("--temperature", "temperature", "Variety, 0 (none) to 5: draw the list by rank."),
    ("--random-seed", "random_seed", "Seed of a draw with --temperature (0 to 2^32-1), "
                                     "to repeat a list."),
]
_NUMBERS = {"target_valence", "target_arousal", "max_per_artist", "diversity",
            "temperature", "random_seed"}


def query_options(command: Callable) -> Callable:
    """The API's query fields as options of ``command`` (its SEEDs are its arguments)."""
    for flag, dest, helped in reversed(_SINGLE):
        command = click.option(flag, dest, default=None, metavar="TEXT" if dest == "text"
                               else "N", help=helped)(command)
    command = click.option("--all-versions", "all_versions", is_flag=True,
                           help="Keep every version of a song (remix, live, remaster); "
                                "by default one.")(command)
    command = click.option("--include-ids", "include_ids", default=None, metavar="FILE",
                           help="Only tracks with these ids (one per line: track ids or "
                                "external ids such as path:Jazz/x.flac, isrc:...), e.g. "
                                "your own library.")(command)
    for flag, dest, metavar, helped in reversed(_REPEATED):
        command = click.option(flag, dest, multiple=True, metavar=metavar,
                               help=helped)(command)
    return command


def query_body(seeds: tuple[str, ...], options: dict[str, Any]) -> dict[str, Any]:
    """The API's JSON body for ``seeds`` and the options of :func:`query_options` (only
    the fields given, so the body is the one a client would send)."""
    weights = options["weight"]
    if len(weights) > len(seeds):
        raise BadRequest(f"--weight: {len(weights)} weights for {len(seeds)} SEEDs: give "
                         "at most one per SEED, in order", field="weight")
    body: dict[str, Any] = {}
    if seeds:
        body["seeds"] = [{"seed": s, "weight": number(weights[i])} if i < len(weights)
                         else s for i, s in enumerate(seeds)]
    if options["negative_seeds"]:
        body["negative_seeds"] = list(options["negative_seeds"])
    if options["moods"]:
        body["moods"] = _moods(options["moods"])
    for _, dest, _ in _SINGLE:
        if options[dest] is not None:
            body[dest] = number(options[dest]) if dest in _NUMBERS else options[dest]
    for prefix in ATTRIBUTE_OPTIONS:
        body.update(_attributes(f"--{prefix}", options[prefix]))
    for _, dest, _, _ in _REPEATED[6:]:
        if options[dest]:
            body[dest] = list(options[dest])
    if options["include_ids"] is not None:
        body["include_ids"] = ids_in(options["include_ids"])
    if options["all_versions"]:
        body["dedupe"] = False
    return body


def require_something(body: dict[str, Any], wants: str = WANTS) -> None:
    """Refuse a body that asks for nothing, in the CLI's words (the API's name fields)."""
    if not any(key in body for key in ("seeds", "moods", "text", "arc")) and \
            not any(key.startswith("target_") for key in body):
        raise BadRequest(wants, field="seeds")


def _moods(given: tuple[str, ...]) -> dict[str, Any]:
    """``--mood sad=0.8 --mood calm`` as the API's ``moods`` object."""
    moods: dict[str, Any] = {}
    for item in given:
        name, sep, weight = item.partition("=")
        name = name.strip().lower()
        if name in moods:
            raise BadRequest(f"--mood: {name} is given twice", field="moods")
        moods[name] = number(weight.strip()) if sep else 1
    return moods


def _attributes(flag: str, given: tuple[str, ...]) -> dict[str, Any]:
    """``--min energy=0.5`` as ``{"min_energy": 0.5}``; an attribute the API has none of
    (or a target year, which it does not take) is refused with the ones there are."""
    prefix = flag.lstrip("-") + "_"
    names = [*ATTRIBUTES] if prefix == "target_" else _RANGED
    out: dict[str, Any] = {}
    for item in given:
        name, sep, value = item.partition("=")
        name = name.strip().lower().replace("-", "_")
        if not sep or not value.strip():
            raise BadRequest(f"{flag} takes ATTR=VALUE, e.g. {flag} energy=0.5; got "
                             f"{item[:40]!r}", field=prefix.rstrip("_"))
        if name not in names:
            raise BadRequest(f"{flag}: no attribute {name[:40]!r}; one of "
                             f"{', '.join(names)}", field=prefix.rstrip("_"))
        if prefix + name in out:
            raise BadRequest(f"{flag}: {name} is given twice", field=prefix + name)
        out[prefix + name] = number(value.strip())
    return out


def ids_in(path: str) -> list[str]:
    """The ids of a file, one per line (blank lines and # comments skipped)."""
    try:
        lines = read_text_file(path).splitlines()
    except OSError as exc:
        raise BadRequest(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}",
                         field="include_ids") from None
    ids = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if not ids:
        raise BadRequest(f"{path} lists no ids (one per line)", field="include_ids")
    return ids


def number(text: str) -> Any:
    """A number as JSON would carry it (7, 0.5), or the text itself, which the typed
    request then refuses as the API refuses a string there."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text
