"""External ids: the ids other systems give a track, read from catalog columns and
recognised in seeds.

Kinds: ``isrc`` (upper-cased, hyphens and spaces dropped; 2 letters, 3 letters or
digits, 7 digits), ``mbid`` (a MusicBrainz recording UUID, lower-cased), ``spotify``
(the 22-character base62 track id; a ``spotify:track:`` URI or an open.spotify.com
URL is reduced to it), ``deezer`` (digits), ``path`` (a file path, kept as written)
and ``ext:<name>`` (anything, kept as written).  Every id has one canonical form,
``kind:value`` (:func:`id_key`): ``isrc:USRC17607839``, ``spotify:4uLU6hMCjMI75M1A2tKUQC``,
``ext:discogs:123``.

A seed names an external id with a prefix (:func:`parse_reference`): ``isrc:``,
``mbid:``, ``deezer:``, ``spotify:`` or ``spotify:track:`` (any case), ``path:`` and
``ext:<name>:`` (lower case only: their values are free text, so "Path: ..." stays a
title), or a Spotify, Deezer or MusicBrainz track URL.
"""
from __future__ import annotations

import os
import re
import unicodedata
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import urlsplit

from ..errors import InvalidExternalId
from .cells import MISSING
from .printable import UNPRINTABLE_REASON, has_controls, unprintable

EXT = "ext:"
_ISRC = re.compile(r"[A-Z]{2}[A-Z0-9]{3}[0-9]{7}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SPOTIFY = re.compile(r"[0-9A-Za-z]{22}")
_DIGITS = re.compile(r"[0-9]{1,20}")
_WEB = re.compile(r"https?://", re.IGNORECASE)
_EXT_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]{0,39}")
#: catalog columns (lower case) read for each kind, first non-empty wins.
ID_COLUMNS: dict[str, tuple[str, ...]] = {
    "isrc": ("isrc",),
    "mbid": ("mbid", "musicbrainz_id", "musicbrainz_recording_id"),
    "spotify": ("spotify_id", "spotify_uri", "spotify"),
    "deezer": ("deezer_id", "deezer"),
    "path": ("path", "file", "file_path"),
}


def _short(value: str) -> str:
    return repr(value[:40] + ("..." if len(value) > 40 else ""))


def is_isrc(value: str) -> bool:
    """Whether ``value`` is an ISRC as people write it (any case, with or without
    hyphens or spaces): a search box takes one pasted bare."""
    return _ISRC.fullmatch(re.sub(r"[\s-]", "", value).upper()) is not None


def _isrc(value: str) -> str:
    code = re.sub(r"[\s-]", "", value).upper()
    if not _ISRC.fullmatch(code):
        raise InvalidExternalId(f"{_short(value)} is not an ISRC (12 characters: 2 letters, "
                                "3 letters or digits, 7 digits)")
    return code


def _mbid(value: str) -> str:
    uuid = (_url_id(value.strip(), "mbid") or value).strip().lower()
    if not _UUID.fullmatch(uuid):
        raise InvalidExternalId(f"{_short(value)} is not a MusicBrainz id (a UUID such as "
                                "b1a9c0e9-d987-4042-ae91-78d6a3267d69)")
    return uuid


def _spotify(value: str) -> str:
    text = value.strip()
    url = _url_id(text, "spotify")
    if url is not None:
        text = url
    elif text.lower().startswith("spotify:"):
        text = text[len("spotify:"):]
        if text.lower().startswith("track:"):
            text = text[len("track:"):]
        elif ":" in text:
            raise InvalidExternalId(f"{_short(value)} is not a Spotify track "
                                    "(spotify:track:ID)")
    if not _SPOTIFY.fullmatch(text):
        raise InvalidExternalId(f"{_short(value)} is not a Spotify track id (22 letters "
                                "and digits)")
    return text


def _deezer(value: str) -> str:
    text = (_url_id(value.strip(), "deezer") or value).strip()
    if not _DIGITS.fullmatch(text):
        raise InvalidExternalId(f"{_short(value)} is not a Deezer track id (digits)")
    return text


def _free(value: str) -> str:
    """An ``ext:`` value: free text, but no control or invisible characters."""
    if unprintable(_path(value)):
        raise InvalidExternalId(f"the id holds {UNPRINTABLE_REASON}")
    return value


def _path(value: str) -> str:
    """A file path as written: invisible characters may be part of a real file's name
    (a right-to-left mark in an Arabic one), control characters may not."""
    if not value.strip():
        raise InvalidExternalId("the id is empty")
    if has_controls(value):
        raise InvalidExternalId("the id holds control characters or line breaks")
    return value


NORMALISERS: dict[str, Callable[[str], str]] = {
    "isrc": _isrc, "mbid": _mbid, "spotify": _spotify, "deezer": _deezer, "path": _path}


def ext_kind(name: str) -> str:
    """``ext:<name>`` for a name of letters, digits, ``_``, ``.`` or ``-`` (lower-cased)."""
    lowered = name.strip().lower()
    if not _EXT_NAME.fullmatch(lowered):
        raise InvalidExternalId(f"{_short(name)} is not an ext: name (letters, digits, "
                                "_ . -; at most 40)")
    return EXT + lowered


def normalise_id(kind: str, value: Any) -> str:
    """The canonical value of an id of ``kind``; raises :class:`InvalidExternalId`."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a numeric column read as floats (Parquet, JSON)
    text = "" if value is None else str(value)
    if kind.startswith(EXT):
        return _free(text)
    return NORMALISERS[kind](text)


def id_key(kind: str, value: str) -> str:
    """The canonical form of an id: ``kind:value``.  A path is compared in Unicode's
    composed form (NFC): a file named on macOS, or copied from there, spells "é" as "e"
    and a combining accent (NFD), which a typed ``path:`` or a catalog's path column
    does not; the track keeps its path as written, which is the file's name on disk."""
    return f"{kind}:{unicodedata.normalize('NFC', value) if kind == 'path' else value}"


def id_keys(external_ids: Mapping[str, str]) -> list[str]:
    """The canonical forms of a track's ids."""
    return [id_key(kind, value) for kind, value in external_ids.items()]


def recording_keys(external_ids: Mapping[str, str]) -> list[str]:
    """The canonical forms of the ids that name one recording: not the free ``ext:``
    kinds, which may name its release or artist ("ext:musicbrainz_release")."""
    return [id_key(kind, value) for kind, value in external_ids.items()
            if not kind.startswith("ext:")]


_URLS = {"spotify": ("open.spotify.com", "track"), "deezer": ("deezer.com", "track"),
         "mbid": ("musicbrainz.org", "recording")}


def _url_id(text: str, kind: str) -> str | None:
    """The id in a track URL of ``kind``'s site (None: not a URL of that site)."""
    if not _WEB.match(text):
        return None
    host, part = _URLS[kind]
    try:
        parts = urlsplit(text)
    except ValueError:  # an unclosed "[" of an address: no link to any site
        return None
    name = (parts.hostname or "").lower()
    if name != host and not name.endswith("." + host):
        return None
    segments = [s for s in parts.path.split("/") if s]
    if part in segments and segments.index(part) + 1 < len(segments):
        return segments[segments.index(part) + 1]
    raise InvalidExternalId(f"{_short(text)} is not a link to one track")


#: a known prefix (any case), a free-text one (lower case) or a web link
_REFERENCE = re.compile(r"(?i:(isrc|mbid|deezer|spotify)):|(path|ext):|(?i:https?://)")


def parse_reference(text: str) -> tuple[str, str] | None:
    """``(kind, canonical value)`` when ``text`` names an external id (see the module
    docstring), None when it does not; raises :class:`InvalidExternalId` when it names
    one of a known kind with a malformed value."""
    match = _REFERENCE.match(text)
    if match is None:
        return None
    known, free = match.group(1), match.group(2)
    if known:
        kind = known.lower()
        return kind, NORMALISERS[kind](text if kind == "spotify" else text[match.end():])
    if free == "path":
        return "path", _path(text[match.end():])
    if free == "ext":
        name, sep, value = text[match.end():].partition(":")
        if not sep:
            raise InvalidExternalId(f"{_short(text)} is not ext:NAME:VALUE")
        return ext_kind(name), _free(value)
    for kind in _URLS:
        value = _url_id(text, kind)
        if value is not None:
            return kind, NORMALISERS[kind](value)
    return None


_KIND_LIKE = re.compile(r"([A-Za-z][A-Za-z0-9_-]{1,19}):(?!//)\S")
KNOWN_PREFIXES = "isrc:, mbid:, spotify:track:, deezer:, path:, ext:NAME:"


def unknown_kind(text: str) -> str | None:
    """The prefix of ``text`` when it reads as ``kind:value`` of a kind we do not know
    (``foo:123``), else None.  A colon followed by a space ("Interlude: Night") or a
    known kind is not one."""
    match = _KIND_LIKE.match(text)
    if match is None or _REFERENCE.match(text):
        return None
    return match.group(1)


def reference_key(text: str) -> str | None:
    """:func:`id_key` of the external id ``text`` names, or None; raises like
    :func:`parse_reference`."""
    found = parse_reference(text)
    return None if found is None else id_key(*found)


def path_inside(text: str, root: str | None) -> str | None:
    """``path:`` + the path of the file ``text`` names by its absolute path, relative
    to ``root`` (where a build from an audio folder stores its files' paths), or None
    when ``text`` is no absolute ``path:`` reference inside ``root``."""
    if not root or not text.startswith("path:") or not os.path.isabs(text[5:]):
        return None
    try:
        inside = os.path.relpath(os.path.normpath(text[5:]), root)
    except ValueError:  # another drive than the root's
        return None
    parts = inside.split(os.sep)
    if inside == os.curdir or parts[0] == os.pardir:
        return None
    return "path:" + "/".join(parts)  # stored paths use / (``as_posix``)


def id_columns(columns: Sequence[str], mapping: Mapping[str, str]) -> dict[str, list[str]]:
    """Kind -> the file's columns holding it (an explicit mapping ``{"isrc": "ISRC Code"}``
    wins); ``ext:<name>`` columns give kind ``ext:<name>``."""
    lower = {str(c).strip().lower(): c for c in columns if c is not None}
    found = {kind: [lower[n] for n in names if n in lower] for kind, names in ID_COLUMNS.items()}
    for name, column in lower.items():
        if name.startswith(EXT):
            try:
                found[ext_kind(name[len(EXT):])] = [column]
            except InvalidExternalId:
                continue  # not a usable kind name: an ordinary column
    for kind, column in mapping.items():
        if kind in ID_COLUMNS or kind.startswith(EXT):
            found[kind if kind in ID_COLUMNS else ext_kind(kind[len(EXT):])] = [column]
    return {kind: cols for kind, cols in found.items() if cols}


def read_ids(row: Mapping[str, Any], columns: Mapping[str, list[str]],
             own_id: Any = None) -> tuple[dict[str, str], list[str]]:
    """A row's external ids and the problems of those that are malformed (the row keeps
    the others).  ``own_id``, the catalog's own id, is also the Spotify id when it has
    that form (as in Spotify exports such as the TidyTuesday catalog)."""
    ids: dict[str, str] = {}
    problems: list[str] = []
    for kind, cols in columns.items():
        for column in cols:
            value = row.get(column)
            if value is None or str(value).strip().lower() in MISSING:
                continue
            try:
                ids[kind] = normalise_id(kind, value)
                break
            except InvalidExternalId as exc:
                problems.append(f"{column}: {exc.message}; the row is kept without it")
    own = "" if own_id is None else str(own_id).strip()
    if "spotify" not in ids and _SPOTIFY.fullmatch(own):
        ids["spotify"] = own
    return ids, problems
