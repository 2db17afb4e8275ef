"""Where an exported playlist entry can be played, and the ids that name it.

An entry's location is, in order:

* for a track with a ``path`` external id, the file.  M3U8 gets a plain path: relative
  to ``FEELALIKE_MUSIC_ROOT`` when the path is absolute and under it (a playlist saved
  in the music root then plays wherever the library is mounted), else as written;
  when the folder the playlist is saved in is known (``saved_in``, the CLI), relative
  to that folder for a file below it and absolute otherwise.
  XSPF and JSPF locations are URIs: an absolute path (a relative one is taken under
  the music root) becomes a percent-encoded ``file://`` URI; a relative path without a
  music root stays a percent-encoded relative URI reference;
* else the first of ``FEELALIKE_LINK_TEMPLATES`` whose kind the track has, e.g.
  ``https://open.spotify.com/track/{spotify}`` (ids percent-encoded);
* else the API's JSON link (the caller's fallback).

XSPF and JSPF also list the external ids as identifiers (:func:`identifiers`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any, Mapping
from urllib.parse import quote

DEFAULT_LINKS = ("spotify=https://open.spotify.com/track/{spotify};"
                 "deezer=https://www.deezer.com/track/{deezer}")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
UNSAFE_SCHEMES = frozenset({"javascript", "data", "vbscript"})
_WINDOWS = re.compile(r"^[A-Za-z]:[\\/]|\\")
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
#: an ext: kind as catalogs store it (models.ingest reads "ext:Discogs" as ext:discogs)
_EXT_KIND = re.compile(r"ext:[a-z0-9][a-z0-9_.-]{0,39}")
#: what a URI keeps as it is (a catalog's URL path: a space or a quote is escaped)
_URI_SAFE = ":/?#[]@!$&'()*+,;=%~"
#: how each kind is written as a playlist identifier (a URI where one is common).
IDENTIFIERS = {"isrc": "isrc:{}", "mbid": "https://musicbrainz.org/recording/{}",
               "spotify": "spotify:track:{}", "deezer": "https://www.deezer.com/track/{}"}


def link_templates(raw: str) -> tuple[tuple[str, str], ...]:
    """``kind=template`` pairs separated by ``;``, each template naming ``{kind}`` and
    starting with a URI scheme other than those a browser runs or inlines (javascript:,
    data:, vbscript:: a page or player given the link would run it) (``off`` or
    ``none``: no templates)."""
    if raw.strip().lower() in ("off", "none"):
        return ()
    pairs = []
    for part in filter(str.strip, raw.split(";")):
        kind, sep, template = (p.strip() for p in part.partition("="))
        scheme = _SCHEME.match(template)
        if not sep or not _known_kind(kind) or "{" + kind + "}" not in template \
                or not scheme or scheme.group(1).lower() in UNSAFE_SCHEMES:
            raise ValueError(part)
        pairs.append((kind, template))
    return tuple(pairs)


link_templates.__name__ = ("list of kind=template pairs separated by ';', each kind "
                           "spotify, deezer, isrc, mbid or ext:NAME and each template a URI "
                           "(not javascript:, data: or vbscript:) naming {kind} (or off)")


def _known_kind(kind: str) -> bool:
    """An id kind a track can have (a misspelt one would silently never match)."""
    return kind in IDENTIFIERS or bool(_EXT_KIND.fullmatch(kind))


#: an http(s) URL with a host and an optional path: no query, fragment, user or spaces
_BASE_URL = re.compile(r"^https?://(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(:\d+)?(/[^\s?#@]*)?$",
                       re.IGNORECASE)


def base_url(raw: str) -> str:
    """The URL clients reach the API at (empty: none); links are built by appending to
    it, so anything but a plain http(s) base (a javascript: URL, a query) is refused."""
    value = raw.strip()
    if value and not _BASE_URL.match(value):
        raise ValueError(raw)
    return value.rstrip("/")


base_url.__name__ = "http(s) URL with a host and an optional path (no query), or empty"


def _pure(path: str) -> PurePath:
    return PureWindowsPath(path) if _WINDOWS.search(path) else PurePosixPath(path)


@dataclass(frozen=True)
class Places:
    """Where entries play: a music root for files and link templates by id kind."""

    music_root: str = ""
    templates: tuple[tuple[str, str], ...] = ()
    #: where an M3U8 file will be read from, when known (the CLI writes it): a file
    #: under this folder is written relative to it, any other as an absolute path
    #: (``""``: always absolute); None: relative to the music root
    saved_in: str | None = None
    #: the folder stored relative paths are under, when known (the folder the live
    #: model's audio was analysed in); else the music root
    stored_under: str = ""

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "Places":
        templates = config["LINK_TEMPLATES"]
        if isinstance(templates, str):  # given as text (create_app's config)
            templates = link_templates(templates)
        return cls(config["MUSIC_ROOT"], tuple(templates))

    def location(self, track: Mapping[str, Any], *, uri: bool) -> str | None:
        """The entry's file or streaming link (a URI when ``uri``), or None."""
        ids = track.get("external_ids") or {}
        if ids.get("path"):
            return self.file(ids["path"], uri=uri)
        for kind, template in self.templates:
            if ids.get(kind):
                for name, value in ids.items():
                    template = template.replace("{" + name + "}", quote(value, safe=""))
                return template
        return None

    def file(self, path: str, *, uri: bool) -> str:
        """A file as M3U8 (a path) or XSPF/JSPF (a URI) expects it; a catalog's path
        that is a URL (a stream, a share) as it is, but never one a page would run."""
        url = _URL.match(path)
        if url and url.group(1).lower() not in UNSAFE_SCHEMES:
            return quote(path, safe=_URI_SAFE) if uri else path
        if uri:
            return self._path(path, uri=True)
        located = self._path(path, uri=False)  # "javascript:x" is a relative file here,
        return f"./{located}" if _SCHEME.match(located) and not _WINDOWS.search(located) \
            else located  # which a player must not read as a URL

    def _path(self, path: str, *, uri: bool) -> str:
        where = _pure(path)
        root = _pure(self.music_root) if self.music_root else None
        under = _pure(self.stored_under) if self.stored_under else root
        if not where.is_absolute() and under is not None:
            where = under / where
        if uri:
            return where.as_uri() if where.is_absolute() else quote(where.as_posix())
        if self.saved_in is not None:
            return self._from_playlist(where)
        if root is not None and where.is_absolute() and where.is_relative_to(root):
            return str(where.relative_to(root))
        return path if under is None else str(where)

    def _from_playlist(self, where: PurePath) -> str:
        """The file as seen from ``saved_in``: relative below it, else absolute."""
        if self.saved_in and where.is_absolute():
            base = _pure(self.saved_in)
            if where.is_relative_to(base):
                return str(where.relative_to(base))
        return str(where)


def stored_folder(analysed: str, music_root: str) -> str:
    """The folder stored relative paths are under on this machine: the one the audio
    was analysed in, unless a music root is set that neither holds it nor lies inside
    it (the library is mounted elsewhere here than where it was built)."""
    if analysed and music_root:
        built, here = _pure(analysed), _pure(music_root)
        if not (built.is_relative_to(here) or here.is_relative_to(built)):
            return music_root
    return analysed


def identifiers(track: Mapping[str, Any]) -> list[str]:
    """The track's external ids as playlist identifiers (the file path is a location,
    not an identifier)."""
    found = []
    for kind, value in (track.get("external_ids") or {}).items():
        if kind in IDENTIFIERS:
            found.append(IDENTIFIERS[kind].format(quote(value, safe="")))
        elif kind.startswith("ext:"):
            found.append(f"{kind}:{quote(value, safe='')}")
    return found
