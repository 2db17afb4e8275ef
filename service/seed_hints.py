"""What the answer says of a seed that names no track, or was taken by a guess: what
else the seed looks like (so the caller can ask for it the way it is read), the tracks
offered instead, and how a message quotes them."""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Callable, Iterator, Mapping

from models.errors import SeedNotFound
from models.ranking import reads_wholly_as_moods, song_key

from .requests.types import QUOTE_CHARS

SUGGESTIONS = 5  # tracks a 404 for a seed offers instead
PUBLIC_FIELDS = ("id", "title", "artist", "album")


def public(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The short form of a track in every response (and in every hint's offers)."""
    return {k: doc.get(k, "") for k in PUBLIC_FIELDS}


def not_found_hint(seed: str) -> str:
    """"; ..." to end the message "no track matches <seed>" with, or ""."""
    if looks_like_a_file(seed):
        return "; a file is named by path:<its path>"
    # every word a mood ("studying", "rainy day"): what a text would ask for, not a
    # title; one mood word in a title ("Rock Piece 7", "Blues for Alice") is none
    moods = reads_wholly_as_moods(seed)
    if moods:
        return f"; it reads as a mood or an activity ({', '.join(moods[:3])}): {mood_advice()}"
    return ""


def artist_refusal(seed: str, path: str, rows: list[int],
                   documents: Callable[[list[int]], list[dict[str, Any]]]) -> SeedNotFound:
    """The 404 for a seed that names no title but an artist of the catalog (``rows``:
    theirs, the most popular first): a seed is a track, so say which of theirs to name,
    rather than "no track matches" with titles that resemble the artist's name."""
    theirs = one_per_song(documents(rows[:3 * SUGGESTIONS]))
    titles = ", ".join(cut(t["title"])[1:-1] for t in theirs[:3])
    more = ", ..." if len(rows) > 3 else ""
    return SeedNotFound(f"{cut(seed)} is an artist, not a track: name one of their tracks "
                        f"({titles}{more})", field=path, suggestions=theirs)


def mood_title_warning(seed: str, path: str,
                       doc: Callable[[], dict[str, Any]]) -> str | None:
    """The warning for a seed taken as a track's title that reads, word for word, as a
    mood or an activity too ("sad" is "SAD!" by XXXTENTACION, and a mood): how to ask
    for the mood instead; None for a seed with other words ("Sad - XXXTENTACION").
    ``doc`` reads the track's document, only for such a seed (a Redis round trip)."""
    moods = reads_wholly_as_moods(seed)
    if not moods:
        return None
    return (f"{path}: took {cut(seed)} as the title of {named(doc())}; it also reads as a "
            f"mood or an activity ({', '.join(moods[:3])}): {mood_advice()}")


#: how an HTTP client asks for what a seed that reads as moods says
MOOD_ADVICE = "seeds name tracks, so ask for it as \"text\" in a POST body"
#: how the caller at hand asks for it: the CLI says its options (see :func:`advising`)
_ADVICE: ContextVar[str] = ContextVar("mood_advice", default=MOOD_ADVICE)


def mood_advice() -> str:
    """How the caller asks for a seed's words as moods: the API's way unless a caller
    (the command line) said its own with :func:`advising`."""
    return _ADVICE.get()


@contextmanager
def advising(advice: str) -> Iterator[None]:
    """Within the block, messages advise ``advice`` for a seed that reads as moods."""
    token = _ADVICE.set(advice)
    try:
        yield
    finally:
        _ADVICE.reset(token)


def looks_like_a_file(seed: str) -> bool:
    """A path someone pasted as a seed ("Music/Jazz/Take Five.mp3"; not "AC/DC")."""
    return bool(re.search(r"[/\\][^/\\]+\.\w{2,5}$", seed.strip()))


def one_per_song(tracks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first of each song ("Poker Face" by Lady Gaga under six ids is one offer)."""
    seen: set[str] = set()
    out = []
    for track in tracks:
        key = song_key(track["title"], track["artist"], track["album"], track["id"])
        if key not in seen:
            seen.add(key)
            out.append(track)
    return out[:SUGGESTIONS]


def named(doc: dict[str, Any]) -> str:
    """'Title' by 'Artist' of a track's document."""
    return cut(doc["title"]) + (f" by {cut(doc['artist'])}" if doc.get("artist") else "")


def cut(seed: str) -> str:
    """A sent seed as a message quotes it: at most ``QUOTE_CHARS`` characters."""
    return repr(seed[:QUOTE_CHARS]) + ("..." if len(seed) > QUOTE_CHARS else "")
