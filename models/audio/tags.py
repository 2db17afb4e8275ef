"""An audio file's own tags (mutagen): title, artist, album, date, genres, ISRC and
MusicBrainz ids, and the stream's duration.

Each tag format has one table from our field to its keys, first non-empty key wins:
ID3 (MP3, and WAV/AIFF with an ID3 chunk), Vorbis comments (FLAC, Ogg Vorbis, Opus)
and MP4 atoms (M4A).  Keys are compared in lower case, so ``TITLE`` and ``title``
are one key, and a UFID owner's URL scheme is dropped (Picard's recording id, owner
``musicbrainz.org`` under either scheme, is the key ``ufid:musicbrainz.org``).  A
file whose tags cannot be read gets empty tags and one problem line; a malformed id
(an ISRC that is not 12 characters, a MusicBrainz id that is not a UUID) is dropped
with a problem line.  Nothing here raises for a bad file.

Ids use the canonical forms of ``Track.external_ids``: ``isrc`` upper case without
hyphens, ``mbid`` the lower-case recording UUID, and the release and artist UUIDs as
``ext:musicbrainz_release`` and ``ext:musicbrainz_artist``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..errors import AudioError, InvalidExternalId
from ..ingest import normalise_id

Keys = Mapping[str, tuple[str, ...]]

ID3_KEYS: Keys = {
    "title": ("tit2",), "artist": ("tpe1", "tpe2"), "album": ("talb",),
    "date": ("tdrc", "tdor", "tyer"), "genre": ("tcon",), "isrc": ("tsrc", "txxx:isrc"),
    "mbid": ("ufid:musicbrainz.org", "txxx:musicbrainz track id"),
    "release": ("txxx:musicbrainz album id",), "artist_id": ("txxx:musicbrainz artist id",),
}
VORBIS_KEYS: Keys = {
    "title": ("title",), "artist": ("artist", "albumartist"), "album": ("album",),
    "date": ("date", "originaldate", "year"), "genre": ("genre",), "isrc": ("isrc",),
    "mbid": ("musicbrainz_trackid",), "release": ("musicbrainz_albumid",),
    "artist_id": ("musicbrainz_artistid",),
}
_ITUNES = "----:com.apple.itunes:"
MP4_KEYS: Keys = {
    "title": ("\xa9nam",), "artist": ("\xa9art", "aart"), "album": ("\xa9alb",),
    "date": ("\xa9day",), "genre": ("\xa9gen",), "isrc": (_ITUNES + "isrc",),
    "mbid": (_ITUNES + "musicbrainz track id",), "release": (_ITUNES + "musicbrainz album id",),
    "artist_id": (_ITUNES + "musicbrainz artist id",),
}
#: the tag class (by name, anywhere in its MRO) -> its table; mutagen's FLAC, Ogg and
#: Opus comment classes all derive from VComment, its MP3/WAV/AIFF tags from ID3.
FORMATS: dict[str, Keys] = {"ID3": ID3_KEYS, "VComment": VORBIS_KEYS, "MP4Tags": MP4_KEYS}

_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}){0,2}")
_GENRE_SEPARATORS = re.compile(r"[;|]")
_UFID_SCHEME = re.compile(r"^ufid:[a-z]+://")


#: our id field -> (external id kind, the kind whose form its value must have)
ID_KINDS: dict[str, tuple[str, str]] = {
    "isrc": ("isrc", "isrc"), "mbid": ("mbid", "mbid"),
    "release": ("ext:musicbrainz_release", "mbid"),
    "artist_id": ("ext:musicbrainz_artist", "mbid"),
}


@dataclass(frozen=True)
class FileTags:
    """What a file's tags say; empty strings and no ids when it has none."""

    title: str = ""
    artist: str = ""
    album: str = ""
    date: str = ""
    genres: tuple[str, ...] = ()
    ids: dict[str, str] = field(default_factory=dict)
    duration: float | None = None  # seconds, from the stream info
    problems: tuple[str, ...] = ()  # one line per unreadable tag block or dropped id


def require_mutagen() -> None:
    """Fail with an install hint when mutagen (part of the audio extra) is missing."""
    try:
        import mutagen  # noqa: F401
    except ImportError:
        raise AudioError("reading audio tags needs the audio extra (mutagen is missing): "
                         "pip install 'feelalike[audio]'") from None


def _texts(value: Any) -> list[str]:
    """The text values of one tag, whatever shape mutagen gives it: an ID3 frame
    (``genres`` resolves numeric ID3v1 genres, ``data`` is a UFID's bytes), a list of
    strings or of MP4 free-form bytes."""
    for attribute in ("genres", "text"):
        if hasattr(value, attribute):
            value = getattr(value, attribute)
            break
    else:
        value = [value.data] if hasattr(value, "data") else value
    items = value if isinstance(value, (list, tuple)) else [value]
    out = []
    for item in items:
        text = item.decode("utf-8", "replace") if isinstance(item, bytes) else str(item)
        text = text.replace("\x00", "").strip()
        if text:
            out.append(text)
    return out


def _lookup(tags: Mapping[str, Any], keys: Keys) -> dict[str, list[str]]:
    """Our field -> the values of the first of its keys that has any."""
    found: dict[str, list[str]] = {}
    for name, candidates in keys.items():
        for key in candidates:
            values = _texts(tags[key]) if key in tags else []
            if values:
                found[name] = values
                break
    return found


def _ids(values: dict[str, list[str]], path: Path) -> tuple[dict[str, str], list[str]]:
    ids: dict[str, str] = {}
    problems: list[str] = []
    for name, (kind, form) in ID_KINDS.items():
        if name not in values:
            continue
        raw = values[name][0]
        try:
            ids[kind] = normalise_id(form, raw)
        except InvalidExternalId:
            problems.append(f"{path}: dropped the {kind} tag {raw[:40]!r} (malformed)")
    return ids, problems


def _date(text: str) -> str:
    """``2013``, ``2013-11`` or ``2013-11-18`` when the tag starts with one (MP4 dates
    carry a time), else the tag as written."""
    match = _DATE.match(text)
    return match.group(0) if match else text


def _genres(values: list[str]) -> tuple[str, ...]:
    parts = (part.strip() for value in values for part in _GENRE_SEPARATORS.split(value))
    return tuple(dict.fromkeys(part for part in parts if part))


def _read(path: Path) -> tuple[Any, Keys | None]:
    """mutagen's view of the file and the table of its tag format (None: no tags)."""
    import mutagen

    audio = mutagen.File(str(path))
    if audio is None or audio.tags is None:
        return audio, None
    names = {cls.__name__ for cls in type(audio.tags).__mro__}
    return audio, next((keys for name, keys in FORMATS.items() if name in names), None)


def read_tags(path: str | Path) -> FileTags:
    """The tags of one file (see the module docstring); never raises for a bad file."""
    require_mutagen()
    path = Path(path)
    try:
        audio, keys = _read(path)
    except Exception as exc:  # mutagen raises many types for a corrupt header
        return FileTags(problems=(f"{path}: tags unreadable ({type(exc).__name__}); "
                                  "named after the file",))
    length = getattr(getattr(audio, "info", None), "length", None)
    duration = float(length) if isinstance(length, (int, float)) and length > 0 else None
    if keys is None:
        return FileTags(duration=duration)
    lowered = {_UFID_SCHEME.sub("ufid:", str(key).lower()): value
               for key, value in audio.tags.items()}
    values = _lookup(lowered, keys)
    ids, problems = _ids(values, path)
    first = {name: values.get(name, [""])[0] for name in ("title", "album", "date")}
    return FileTags(title=first["title"], artist=", ".join(values.get("artist", [])),
                    album=first["album"], date=_date(first["date"]),
                    genres=_genres(values.get("genre", [])), ids=ids, duration=duration,
                    problems=tuple(problems))
