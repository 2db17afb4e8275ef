"""A seed taken as a title: the row it names, the warning when that row is a guess, and
the 404 (with suggestions, or the artist it names) when it names none.

Split from :mod:`.resources`, which resolves ids and external ids first and comes here
for what is left; the words of every hint are in :mod:`.seed_hints`.
"""
from __future__ import annotations

from typing import Any, Protocol

from models.errors import BadRequest, SeedNotFound
from models.ingest import KNOWN_PREFIXES, unknown_kind
from models.language import TitleIndex

from .seed_hints import (SUGGESTIONS, artist_refusal, cut, mood_title_warning, named,
                         not_found_hint, one_per_song, public)


class VersionResources(Protocol):
    """What this needs of :class:`~.resources.VersionResources`."""

    @property
    def titles(self) -> TitleIndex: ...

    def documents(self, rows: list[int]) -> list[dict[str, Any]]: ...

SUGGESTION_RESEMBLANCE = 70.0  # "pokr fase" -> "Poker Face" (74), not "xqzzyq" -> "Amenazzy"
GUESSES = 3  # other songs a warning of a seed taken by a guess names, by id
#: how each kind of guess (``TitleIndex.resolve_how``) is said in its warning
TOOK = {"spelling": "the nearest spelling", "opening": "the only title that begins so",
        "guest": "the title without its (with ...)",
        "article": "the same title but for its leading article",
        "artist": "the title of the artist it also names",
        "part": "one part of a piece of that title",
        "listed": "the track that holds that part with others",
        "alike": "the most popular of the titles written alike"}


def seed_by_title(res: VersionResources, seed: str, path: str,
                  warnings: list[str] | None) -> int:
    """The row the title ``seed`` names, a guess said in ``warnings``; a 404 when none."""
    row, how = res.titles.resolve_how(seed)
    if row is None:
        raise _not_found(res, seed, path)
    if warnings is not None:
        if how != "exact":
            warnings.append(_guessed(res, seed, path, row, how))
        if mood := mood_title_warning(seed, path, lambda: _public(res, [row])[0]):
            warnings.append(mood)
    return row


def _not_found(res: VersionResources, seed: str, path: str) -> SeedNotFound:
    refuse_unknown_kind(seed, path)  # "foo:123" is no title either: a bad id
    if by := res.titles.artist_rows(seed):  # "Nova": an artist, not a title
        return artist_refusal(seed, path, by, lambda rows: _public(res, rows))
    parts, rows = res.titles.parts_there(seed)  # "X Pt 4" of a piece in parts 1-3
    if rows:
        return _no_such_part(res, seed, path, parts, rows)
    near = res.titles.search(seed, limit=3 * SUGGESTIONS, loose=SUGGESTION_RESEMBLANCE)
    return SeedNotFound(f"no track matches {cut(seed)}{not_found_hint(seed)}", field=path,
                        suggestions=one_per_song(_public(res, near)))


def _no_such_part(res: VersionResources, seed: str, path: str, parts: list[int],
                  rows: list[int]) -> SeedNotFound:
    """The 404 for a seed naming a part of a piece that no track holds: the parts there
    are, and the tracks holding them (by id, and as the suggestions)."""
    docs = one_per_song(_public(res, rows[:3 * SUGGESTIONS]))
    held = ", ".join(map(str, parts[:-1])) + " and " if len(parts) > 1 else ""
    offers = ", ".join(f"{named(d)} (id {cut(d['id'])})" for d in docs[:GUESSES])
    return SeedNotFound(f"no track matches {cut(seed)}; of that piece there "
                        f"{'are parts' if held else 'is part'} {held}{parts[-1]} only: "
                        f"{offers}", field=path, suggestions=docs)


def _guessed(res: VersionResources, seed: str, path: str, row: int, how: str) -> str:
    """The warning for a seed taken by a guess (``how``): the track taken and, by id
    for the caller to name one instead, other songs of its title (other artists'), or
    for a part the piece's other parts."""
    alike = res.titles.other_parts if how == "part" else res.titles.same_titles
    doc, *others = one_per_song(_public(res, [row, *alike(row, 3 * SUGGESTIONS)]))
    offers = ", ".join(f"{named(d)} (id {cut(d['id'])})" for d in others[:GUESSES])
    return f"{path}: no title {cut(seed)}; took {TOOK[how]}, {named(doc)}" + (
        f"; or name one of: {offers}" if offers else "")


def _public(res: VersionResources, rows: list[int]) -> list[dict[str, Any]]:
    return [public(doc) for doc in res.documents(rows)]


def refuse_unknown_kind(value: str, path: str) -> None:
    """A 400 for ``value`` that reads as an id of a kind we do not know ("foo:123")."""
    kind = unknown_kind(value)
    if kind is not None:
        raise BadRequest(f"{path}: {kind!r} is not a kind of id we know; use "
                         f"{KNOWN_PREFIXES} or a track id", field=path)
