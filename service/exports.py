"""Playlist exports: M3U8, XSPF (XML in the XSPF namespace), JSPF (JSON) and CSV.

Each entry plays from its file or a streaming link when it has one (``Places``, see
``service/locations.py``), else from ``link(track)``; XSPF and JSPF also carry its
external ids as identifiers.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import PurePosixPath
from typing import Any, Callable
from urllib.parse import quote
from xml.etree import ElementTree as ET

from .locations import Places, identifiers

XSPF_NS = "http://xspf.org/ns/0/"
FORMATS = {"m3u8": "audio/x-mpegurl; charset=utf-8",
           "xspf": "application/xspf+xml; charset=utf-8",
           "jspf": "application/jspf+json; charset=utf-8",
           "csv": "text/csv; charset=utf-8"}


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                      r"\ud800-\udfff\ufffe\uffff]+")


def clean(text: str) -> str:
    """One line of text: control characters (C0 and C1, NEL included) and line breaks
    become a space (a title must not inject lines into an M3U8 file), and so do the
    characters XML 1.0 forbids (U+FFFE, U+FFFF, lone surrogates), which would make an
    XSPF file unreadable, and the direction overrides (U+202A-202E, U+2066-2069) that
    make "evil" + U+202E + "gnp.exe" show as "evilexe.png" in a player's list."""
    return _CONTROL.sub(" ", text or "").strip()


def _seconds(track: dict[str, Any]) -> int:
    ms = track.get("duration_ms")
    return int(round(ms / 1000)) if isinstance(ms, (int, float)) else -1


def _milliseconds(track: dict[str, Any]) -> int | None:
    """The length XSPF, JSPF and CSV give, in ms as the JSON entry does (not whole
    seconds: 149413 ms is not 149000); None when unknown."""
    ms = track.get("duration_ms")
    return round(ms) if isinstance(ms, (int, float)) and ms >= 0 else None


def m3u8(title: str, tracks: list[dict[str, Any]], link) -> str:
    lines = ["#EXTM3U", f"#PLAYLIST:{clean(title)}"]
    for t in tracks:
        who = clean(t["artist"])  # no " - Song" for a file without an artist tag
        lines.append(f"#EXTINF:{_seconds(t)},{who + ' - ' if who else ''}{clean(t['title'])}")
        lines.append(_entry(link(t)))
    return "\n".join(lines) + "\n"


def _entry(location: str) -> str:
    """An M3U8 location line: its spaces kept ("  Intro.ogg" is that file), and "./"
    before a relative path a player would read as a comment or tag ("#1 Crush.ogg").
    A file name with a line break or another control character cannot be one line of
    the file: it is written as a URI (percent-encoded, "file://" when absolute)."""
    location = location or ""
    if _CONTROL.search(location):
        if "://" in location or location.startswith("feelalike:"):  # a link: its
            return _CONTROL.sub(lambda m: quote(m.group()), location)  # odd bytes only
        path = PurePosixPath(location)
        return path.as_uri() if path.is_absolute() else quote(location)
    return "./" + location if location[:1] in ("#", " ") else location


def xspf(title: str, tracks: list[dict[str, Any]], link) -> str:
    ET.register_namespace("", XSPF_NS)
    root = ET.Element(f"{{{XSPF_NS}}}playlist", version="1")
    ET.SubElement(root, f"{{{XSPF_NS}}}title").text = clean(title)
    track_list = ET.SubElement(root, f"{{{XSPF_NS}}}trackList")
    for t in tracks:
        node = ET.SubElement(track_list, f"{{{XSPF_NS}}}track")
        ET.SubElement(node, f"{{{XSPF_NS}}}location").text = clean(link(t))
        for identifier in [f"feelalike:track:{t['id']}", *identifiers(t)]:
            ET.SubElement(node, f"{{{XSPF_NS}}}identifier").text = clean(identifier)
        ET.SubElement(node, f"{{{XSPF_NS}}}title").text = clean(t["title"])
        ET.SubElement(node, f"{{{XSPF_NS}}}creator").text = clean(t["artist"])
        if t.get("album"):
            ET.SubElement(node, f"{{{XSPF_NS}}}album").text = clean(t["album"])
        if _milliseconds(t) is not None:
            ET.SubElement(node, f"{{{XSPF_NS}}}duration").text = str(_milliseconds(t))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def jspf(title: str, tracks: list[dict[str, Any]], link) -> str:
    items = []
    for t in tracks:
        item = {"title": clean(t["title"]), "creator": clean(t["artist"]),
                "location": [link(t)],
                "identifier": [f"feelalike:track:{t['id']}", *identifiers(t)]}
        if t.get("album"):
            item["album"] = clean(t["album"])
        if _milliseconds(t) is not None:
            item["duration"] = _milliseconds(t)
        items.append(item)
    return json.dumps({"playlist": {"title": clean(title), "track": items}}, ensure_ascii=False)


#: the columns of a CSV export: what playlist importers and spreadsheets match on
CSV_COLUMNS = ("position", "title", "artist", "album", "duration_ms", "location", "spotify",
               "isrc", "musicbrainz", "deezer", "feelalike_id")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """One CSV cell: a text a spreadsheet would run as a formula gets a leading "'"."""
    text = clean(str(value)) if value is not None else ""
    return "'" + text if text.startswith(_FORMULA) else text


def csv_text(title: str, tracks: list[dict[str, Any]], link) -> str:
    """One row per track under a header row (the title is the file's name to choose)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i, t in enumerate(tracks):
        ids = t.get("external_ids") or {}
        ms = _milliseconds(t)
        writer.writerow([_cell(v) for v in (
            i + 1, t["title"], t["artist"], t.get("album"),
            "" if ms is None else ms, link(t), ids.get("spotify"),
            ids.get("isrc"), ids.get("mbid"), ids.get("deezer"), t["id"])])
    return out.getvalue()


WRITERS = {"m3u8": m3u8, "xspf": xspf, "jspf": jspf, "csv": csv_text}


def api_link(public_url: str, fallback: str = "") -> Callable[[dict[str, Any]], str]:
    """Where an entry without a file or streaming link points: the API's track URL under
    ``public_url``; without one, ``fallback`` + the id (relative for the API)."""
    base = public_url.rstrip("/")
    if not base and fallback:
        return lambda track: f"{fallback}{track['id']}"
    return lambda track: f"{base}/v1/tracks/{quote(track['id'], safe='')}"


_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|]+')


def file_name(title: str, fmt: str) -> str:
    """A file name for an export of ``title`` (what a browser saves it as): no path or
    control characters, at most 100 characters before the extension."""
    name = " ".join(_NOT_IN_NAMES.sub(" ", _CONTROL.sub(" ", title)).split()).strip(". ")
    return f"{name[:100].rstrip('. ') or 'playlist'}.{fmt}"


def ascii_file_name(name: str) -> str:
    """``name`` in ASCII, for the ``filename`` clients that ignore ``filename*`` use
    (``curl -OJ``): accents dropped ("Été" is "Ete", not "_t_"), other characters "_",
    and what the compatibility forms bring back that a file name cannot hold (a
    full-width "／" is "/") a space, as in :func:`file_name`."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return _NOT_IN_NAMES.sub(" ", bare.encode("ascii", "replace").decode().replace("?", "_"))


def export(fmt: str, title: str, tracks: list[dict[str, Any]],
           link: Callable[[dict[str, Any]], str], places: Places | None = None) -> str:
    """The playlist as ``fmt``; an entry's location is its file or streaming link from
    ``places``, else ``link(track)``."""
    places = places or Places()

    def locate(track: dict[str, Any]) -> str:
        return places.location(track, uri=fmt != "m3u8") or link(track)

    return WRITERS[fmt](title, tracks, locate)
